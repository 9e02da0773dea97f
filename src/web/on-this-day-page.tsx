import type { Anniversary } from '../views/on-this-day/queries';
import { AnniversaryList } from './anniversary-list';
import { feedAlternates, Layout } from './layout';
import type { PageWords } from './page-words';

/** One day of the year across every relation: its anniversaries, the days either side, a form to choose another. */

export interface OnThisDayPageProps {
  words: PageWords;
  month: number;
  day: number;
  year: number;
  /** Null when this year has no such day (29 February of a common year). */
  anniversaries: Anniversary[] | null;
  canonical: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The day before or after, in a leap year (so that 29 February has neighbours). */
function shifted(month: number, day: number, by: number): [number, number] {
  const date = new Date(Date.UTC(2000, month - 1, day + by));
  return [date.getUTCMonth() + 1, date.getUTCDate()];
}
export const onThisDayPath = (month: number, day: number) => `/on-this-day/${pad(month)}-${pad(day)}`;

export function OnThisDayPage({ words, month, day, year, anniversaries, canonical }: OnThisDayPageProps) {
  const { t } = words;
  const name = words.dayOfYear(month, day);
  const path = (m: number, d: number) => words.href(onThisDayPath(m, d));
  const [before, after] = [shifted(month, day, -1), shifted(month, day, 1)];
  return (
    <Layout
      words={words} title={t('day.title', { day: name })} description={t('day.description', { day: name })} canonical={canonical}
      alternates={feedAlternates(words, '', t('feeds.all'))}
    >
      <h1>{t('day.heading', { day: name })}</h1>
      <p class="muted">{t('day.note', { year: String(year) })}</p>
      {anniversaries === null ? (
        <p>{t('day.noSuchDay', { year: String(year) })} <a href={path(2, 28)}>{t('day.to28')}</a></p>
      ) : anniversaries.length ? <AnniversaryList words={words} anniversaries={anniversaries} /> : <p>{t('day.nothing')}</p>}
      <nav aria-label={t('day.days')}>
        <ul>
          <li><a href={path(...before)} rel="prev">{t('day.previous', { day: words.dayOfYear(...before) })}</a></li>
          <li><a href={path(...after)} rel="next">{t('day.next', { day: words.dayOfYear(...after) })}</a></li>
        </ul>
      </nav>
      <form method="get" action={words.href('/on-this-day')} aria-labelledby="choose-heading">
        <h2 id="choose-heading" class="field-wide">{t('day.choose')}</h2>
        <div>
          <label for="month">{t('day.month')}</label>
          <select id="month" name="month">
            {Array.from({ length: 12 }, (_, index) => <option value={pad(index + 1)} selected={index + 1 === month}>{words.month(index + 1)}</option>)}
          </select>
        </div>
        <div>
          <label for="day">{t('day.day')}</label>
          <select id="day" name="day">
            {Array.from({ length: 31 }, (_, index) => <option value={pad(index + 1)} selected={index + 1 === day}>{index + 1}</option>)}
          </select>
        </div>
        <button type="submit">{t('agreements.show')}</button>
      </form>
    </Layout>
  );
}
