import { citationDetails } from '../domain/citation';
import { factPagePath } from '../domain/pages';
import { relationDisplayName } from '../domain/relation';
import type { TimelineItem } from '../views/timeline/item';
import type { MarkedTimelinePage } from '../views/timeline/queries';
import { Marked } from './marked';
import { Occurred } from './occurred';
import { SourceLink } from './source-link';

/** A list of facts, each linked to its page, its matched words marked; and the link to the next page of them. */

const WORDS = {
  source: 'Source:',
  next: 'Next facts',
  first: 'Back to the first facts',
  matches: (count: number) => `${count} ${count === 1 ? 'fact matches' : 'facts match'} this search.`,
  nothing: 'No fact matches this search. Try fewer words or filters, or the start of a word.',
  showing: (count: number, total: number) => `Showing ${count} of ${total}.`,
  errors: 'The search could not be read:',
};

/** How many facts a search found, and how many of them the page shows; or that it found none. */
export function SearchSummary({ total, shown }: { total: number; shown: number }) {
  return (
    <p id="search-summary" role="status">
      {total ? WORDS.matches(total) : WORDS.nothing}
      {total > shown ? ` ${WORDS.showing(shown, total)}` : ''}
    </p>
  );
}

/** Why a search cannot be read, each naming the field of its form. */
export function SearchErrors({ errors }: { errors: string[] }) {
  return (
    <div class="notice" role="alert" id="search-errors">
      <p>{WORDS.errors}</p>
      <ul>{errors.map((error) => <li>{error}</li>)}</ul>
    </div>
  );
}

interface FactListProps {
  items: TimelineItem[];
  /** The relation of every item; or, for a search of every relation, each item's relation by its id (named beside it). */
  relation: string | Map<string, string>;
  marked?: MarkedTimelinePage['marked'];
}

export function FactList({ items, relation, marked }: FactListProps) {
  return (
    <ol class="events">
      {items.map((item) => {
        const own = typeof relation === 'string' ? relation : relation.get(item.id)!;
        const marks = marked?.get(item.id);
        return (
          <li id={`event-${item.id}`}>
            <p class="when"><Occurred edtf={item.occurred} />{typeof relation === 'string' ? null : <> · <a href={`/${own}`}>{relationDisplayName(own)}</a></>}</p>
            <p class="headline"><a href={factPagePath(own, item.id)}>{marks ? <Marked text={marks.headline} /> : item.headline}</a></p>
            {item.summary ? <p class="summary">{marks?.summary ? <Marked text={marks.summary} /> : item.summary}</p> : null}
            <p class="source">
              {WORDS.source} <SourceLink source={item.source} />
              {' '}({citationDetails(item.source)})
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/** "Next facts" (the cursor of the next page, with the same search), and the way back to the first page. */
export function Paging({ next, firstHref, nextHref }: { next: string | null; firstHref: string | null; nextHref: (cursor: string) => string }) {
  if (!next && !firstHref) return null;
  return (
    <nav class="paging" aria-label="Pages of facts">
      <ul>
        {firstHref ? <li><a href={firstHref}>{WORDS.first}</a></li> : null}
        {next ? <li><a href={nextHref(next)} rel="next">{WORDS.next}</a></li> : null}
      </ul>
    </nav>
  );
}
