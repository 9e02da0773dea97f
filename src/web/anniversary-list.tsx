import { factPagePath } from '../domain/pages';
import { relationDisplayName } from '../domain/relation';
import type { Anniversary } from '../views/on-this-day/queries';
import { Occurred } from './occurred';

/** The anniversaries of a day, oldest first, each linked to its fact's page and its relation. */

const WORDS = {
  yearsAgo: (years: number) => (years === 0 ? 'this year' : `${years} ${years === 1 ? 'year' : 'years'} ago`),
};

export function AnniversaryList({ anniversaries }: { anniversaries: Anniversary[] }) {
  return (
    <ol class="events">
      {anniversaries.map((item) => (
        <li>
          <p class="when"><Occurred edtf={item.occurred} /> · {WORDS.yearsAgo(item.yearsAgo)} · <a href={`/${item.relation}`}>{relationDisplayName(item.relation)}</a></p>
          <p class="headline"><a href={factPagePath(item.relation, item.id)}>{item.headline}</a></p>
        </li>
      ))}
    </ol>
  );
}
