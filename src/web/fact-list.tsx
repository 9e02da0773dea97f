import { citationDetails } from '../domain/citation';
import { factPagePath } from '../domain/pages';
import type { TimelineItem } from '../views/timeline/item';
import type { MarkedTimelinePage } from '../views/timeline/queries';
import { Fact } from './fact-text';
import { Marked } from './marked';
import { Occurred } from './occurred';
import type { PageWords } from './page-words';
import { SourceLink } from './source-link';

/** A list of facts, each linked to its page, its matched words marked; and the link to the next page of them. */

/** How many facts a search found, and how many of them the page shows; or that it found none. */
export function SearchSummary({ words, total, shown }: { words: PageWords; total: number; shown: number }) {
  return (
    <p id="search-summary" role="status">
      {total ? words.t('search.matches', { count: total }) : words.t('search.nothing')}
      {total > shown ? ` ${words.t('search.showing', { count: shown, total })}` : ''}
    </p>
  );
}

/** Why a search cannot be read, each naming the field of its form. */
export function SearchErrors({ words, errors }: { words: PageWords; errors: string[] }) {
  return (
    <div class="notice" role="alert" id="search-errors">
      <p>{words.t('search.errors')}</p>
      <ul>{errors.map((error) => <li>{error}</li>)}</ul>
    </div>
  );
}

interface FactListProps {
  words: PageWords;
  items: TimelineItem[];
  /** The relation of every item; or, for a search of every relation, each item's relation by its id (named beside it). */
  relation: string | Map<string, string>;
  marked?: MarkedTimelinePage['marked'];
}

export function FactList({ words, items, relation, marked }: FactListProps) {
  return (
    <ol class="events">
      {items.map((item) => {
        const own = typeof relation === 'string' ? relation : relation.get(item.id)!;
        const marks = marked?.get(item.id);
        return (
          <li id={`event-${item.id}`}>
            <p class="when">
              <Occurred words={words} edtf={item.occurred} />
              {typeof relation === 'string' ? null : <> · <a href={words.href(`/${own}`)}>{words.relation(own)}</a></>}
            </p>
            <p class="headline">
              <a href={words.href(factPagePath(own, item.id))}>
                <Fact words={words} item={item} field="headline" text={marks ? <Marked text={marks.headline} /> : undefined} />
              </a>
            </p>
            {item.summary ? (
              <p class="summary"><Fact words={words} item={item} field="summary" text={marks?.summary ? <Marked text={marks.summary} /> : undefined} /></p>
            ) : null}
            <p class="source">
              {words.t('facts.source')} <SourceLink source={item.source} />
              {' '}({citationDetails(item.source)})
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/** "Next facts" (the cursor of the next page, with the same search), and the way back to the first page. */
export function Paging({ words, next, firstHref, nextHref }: {
  words: PageWords; next: string | null; firstHref: string | null; nextHref: (cursor: string) => string;
}) {
  if (!next && !firstHref) return null;
  return (
    <nav class="paging" aria-label={words.t('facts.pages')}>
      <ul>
        {firstHref ? <li><a href={firstHref}>{words.t('facts.first')}</a></li> : null}
        {next ? <li><a href={nextHref(next)} rel="next">{words.t('facts.next')}</a></li> : null}
      </ul>
    </nav>
  );
}
