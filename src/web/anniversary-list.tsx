import { factPagePath } from '../domain/pages';
import type { Anniversary } from '../views/on-this-day/queries';
import { Fact } from './fact-text';
import { Occurred } from './occurred';
import type { PageWords } from './page-words';

/** The anniversaries of a day, oldest first, each linked to its fact's page and its relation. */
export function AnniversaryList({ words, anniversaries }: { words: PageWords; anniversaries: Anniversary[] }) {
  return (
    <ol class="events">
      {anniversaries.map((item) => (
        <li>
          <p class="when">
            <Occurred words={words} edtf={item.occurred} /> ·{' '}
            {item.yearsAgo === 0 ? words.t('day.thisYear') : words.t('day.yearsAgo', { count: item.yearsAgo })} ·{' '}
            <a href={words.href(`/${item.relation}`)}>{words.relation(item.relation)}</a>
          </p>
          <p class="headline"><a href={words.href(factPagePath(item.relation, item.id))}><Fact words={words} item={item} field="headline" /></a></p>
        </li>
      ))}
    </ol>
  );
}
