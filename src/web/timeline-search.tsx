import { FACT_TYPES, Level, type FactType } from '../domain/catalog';
import type { TimelineSort } from '../views/timeline/queries';
import type { PageWords } from './page-words';

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
  words: PageWords;
  action: string;
  selection: TimelineSelection;
  /** The tags the timeline has, to choose from; none on a search of every relation. */
  tags?: string[];
  /** Kept across a search: the day the agreements are shown for. */
  hidden?: Record<string, string>;
  clearHref: string;
}

export function TimelineSearchForm({ words, action, selection, tags, hidden = {}, clearHref }: SearchFormProps) {
  const { t } = words;
  const chosen = new Set(selection.types ?? []);
  return (
    <form method="get" action={action} class="search" role="search" aria-label={t('searchForm.legend')}>
      {Object.entries(hidden).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
      <div class="field-wide">
        <label for="q">{t('searchForm.q')}</label>
        <input type="search" id="q" name="q" value={selection.q ?? ''} maxlength={200} aria-describedby="q-hint" />
        <p class="hint" id="q-hint">{t('searchForm.qHint')}</p>
      </div>
      <fieldset class="field-wide">
        <legend>{t('searchForm.types')}</legend>
        <ul class="choices">
          {FACT_TYPES.map((type) => (
            <li><label class="choice"><input type="checkbox" name="type" value={type} checked={chosen.has(type)} /> {t(`type.${type}`)}</label></li>
          ))}
        </ul>
      </fieldset>
      {tags ? (
        <div>
          <label for="tag">{t('searchForm.tag')}</label>
          <select id="tag" name="tag">
            <option value="">{t('searchForm.anyTag')}</option>
            {tags.map((tag) => <option value={tag} selected={selection.tag === tag}>{tag}</option>)}
          </select>
        </div>
      ) : null}
      <div>
        <label for="level">{t('searchForm.level')}</label>
        <select id="level" name="level">
          <option value="">{t('searchForm.anyLevel')}</option>
          {Level.options.map((level) => <option value={level} selected={selection.level === level}>{t(`level.${level}`)}</option>)}
        </select>
      </div>
      <div>
        <label for="from">{t('searchForm.from')}</label>
        <input type="text" id="from" name="from" value={selection.from ?? ''} size={10} maxlength={40} aria-describedby="date-hint" />
      </div>
      <div>
        <label for="to">{t('searchForm.to')}</label>
        <input type="text" id="to" name="to" value={selection.to ?? ''} size={10} maxlength={40} aria-describedby="date-hint" />
      </div>
      <div>
        <label for="sort">{t('searchForm.sort')}</label>
        <select id="sort" name="sort">
          {(['timeline', 'relevance'] as const).map((sort) => <option value={sort} selected={(selection.sort ?? 'timeline') === sort}>{t(`searchForm.sort.${sort}`)}</option>)}
        </select>
      </div>
      <p class="hint field-wide" id="date-hint">{t('searchForm.dateHint')}</p>
      <div class="actions field-wide">
        <button type="submit">{t('searchForm.submit')}</button> <a href={clearHref}>{t('searchForm.clear')}</a>
      </div>
    </form>
  );
}
