import { FACT_TYPES, Level, type FactType } from '../domain/catalog';
import type { TimelineSort } from '../views/timeline/queries';
import { TYPE_WORDS } from './fact-details';

/** The search form of a timeline: words, types, tag, level, a date range and the order, as a plain GET form. */

/** What a reader asked the timeline for, as the page's URL carries it. */
export interface TimelineSelection {
  q?: string;
  types?: FactType[];
  tag?: string;
  level?: Level;
  from?: string;
  to?: string;
  sort?: TimelineSort;
  cursor?: string;
}

const WORDS = {
  legend: 'Search and filter the facts',
  q: 'Words',
  qHint: 'Every word must match the start of a word; accents and case do not count (Lopez finds López). "Words in quotes" match as a phrase.',
  types: 'Types',
  tag: 'Tag',
  anyTag: 'any tag',
  level: 'Level',
  anyLevel: 'any level',
  levels: { federal: 'federal', subnational: 'subnational' } as Record<Level, string>,
  from: 'From',
  to: 'To',
  dateHint: 'A year (1920), a month (1943-06), a day (1890-12-01), or a decade (197X).',
  sort: 'Order',
  sorts: { timeline: 'in the order things happened', relevance: 'best match first (with words)' } as Record<TimelineSort, string>,
  submit: 'Search',
  clear: 'Clear the search',
};

/** The query string of a selection (cursor aside unless asked), for links and for the feeds. */
export function selectionQuery(selection: TimelineSelection, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  if (selection.q) params.set('q', selection.q);
  for (const type of selection.types ?? []) params.append('type', type);
  if (selection.tag) params.set('tag', selection.tag);
  if (selection.level) params.set('level', selection.level);
  if (selection.from) params.set('from', selection.from);
  if (selection.to) params.set('to', selection.to);
  if (selection.sort && selection.sort !== 'timeline') params.set('sort', selection.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The query of the filters a feed takes (one type, a tag, a level), so that a page's feeds keep its selection. */
export const feedQueryOf = (selection: TimelineSelection) => selectionQuery({
  types: selection.types?.length === 1 ? selection.types : undefined, tag: selection.tag, level: selection.level,
});

/** True when the reader narrowed the timeline (a search or a filter): the page then lists what matches. */
export const isNarrowed = (s: TimelineSelection) => Boolean(s.q || s.types?.length || s.tag || s.level || s.from || s.to);

interface SearchFormProps {
  action: string;
  selection: TimelineSelection;
  /** The tags the timeline has, to choose from; none on a search of every relation. */
  tags?: string[];
  /** Kept across a search: the day the agreements are shown for. */
  hidden?: Record<string, string>;
  clearHref: string;
}

export function TimelineSearchForm({ action, selection, tags, hidden = {}, clearHref }: SearchFormProps) {
  const chosen = new Set(selection.types ?? []);
  return (
    <form method="get" action={action} class="search" role="search" aria-label={WORDS.legend}>
      {Object.entries(hidden).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
      <div class="field-wide">
        <label for="q">{WORDS.q}</label>
        <input type="search" id="q" name="q" value={selection.q ?? ''} maxlength={200} aria-describedby="q-hint" />
        <p class="hint" id="q-hint">{WORDS.qHint}</p>
      </div>
      <fieldset class="field-wide">
        <legend>{WORDS.types}</legend>
        <ul class="choices">
          {FACT_TYPES.map((type) => (
            <li><label class="choice"><input type="checkbox" name="type" value={type} checked={chosen.has(type)} /> {TYPE_WORDS[type]}</label></li>
          ))}
        </ul>
      </fieldset>
      {tags ? (
        <div>
          <label for="tag">{WORDS.tag}</label>
          <select id="tag" name="tag">
            <option value="">{WORDS.anyTag}</option>
            {tags.map((tag) => <option value={tag} selected={selection.tag === tag}>{tag}</option>)}
          </select>
        </div>
      ) : null}
      <div>
        <label for="level">{WORDS.level}</label>
        <select id="level" name="level">
          <option value="">{WORDS.anyLevel}</option>
          {Level.options.map((level) => <option value={level} selected={selection.level === level}>{WORDS.levels[level]}</option>)}
        </select>
      </div>
      <div>
        <label for="from">{WORDS.from}</label>
        <input type="text" id="from" name="from" value={selection.from ?? ''} size={10} maxlength={40} aria-describedby="date-hint" />
      </div>
      <div>
        <label for="to">{WORDS.to}</label>
        <input type="text" id="to" name="to" value={selection.to ?? ''} size={10} maxlength={40} aria-describedby="date-hint" />
      </div>
      <div>
        <label for="sort">{WORDS.sort}</label>
        <select id="sort" name="sort">
          {(['timeline', 'relevance'] as const).map((sort) => <option value={sort} selected={(selection.sort ?? 'timeline') === sort}>{WORDS.sorts[sort]}</option>)}
        </select>
      </div>
      <p class="hint field-wide" id="date-hint">{WORDS.dateHint}</p>
      <div class="actions field-wide">
        <button type="submit">{WORDS.submit}</button> <a href={clearHref}>{WORDS.clear}</a>
      </div>
    </form>
  );
}
