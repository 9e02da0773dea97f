import { dayOfYearInWords, monthInWords } from '../domain/dates';
import type { Anniversary } from '../views/on-this-day/queries';
import { AnniversaryList } from './anniversary-list';
import { feedAlternates, Layout } from './layout';

/** One day of the year across every relation: its anniversaries, the days either side, a form to choose another. */

export interface OnThisDayPageProps {
  month: number;
  day: number;
  year: number;
  /** Null when this year has no such day (29 February of a common year). */
  anniversaries: Anniversary[] | null;
  canonical: string;
}

const WORDS = {
  dayName: dayOfYearInWords,
  title: (name: string) => `On this day, ${name} — Relations log`,
  description: (name: string) => `What happened on ${name} in the relations the log records, with how many years ago.`,
  heading: (name: string) => `On this day: ${name}`,
  note: (year: number) => `Facts dated to this very day in any year up to ${year}; a fact known only to the month or the year never appears. In a year without 29 February its facts fall on 28 February.`,
  nothing: 'Nothing the log records happened on this day.',
  noSuchDay: (year: number) => `${year} has no 29 February: its anniversaries fall on 28 February.`,
  to28: 'The anniversaries of 28 February',
  days: 'Other days',
  previous: (name: string) => `← ${name}`,
  next: (name: string) => `${name} →`,
  choose: 'Choose a day',
  month: 'Month',
  day: 'Day',
  show: 'Show',
};

const pad = (n: number) => String(n).padStart(2, '0');
/** The day before or after, in a leap year (so that 29 February has neighbours). */
function shifted(month: number, day: number, by: number): [number, number] {
  const date = new Date(Date.UTC(2000, month - 1, day + by));
  return [date.getUTCMonth() + 1, date.getUTCDate()];
}
export const onThisDayPath = (month: number, day: number) => `/on-this-day/${pad(month)}-${pad(day)}`;

export function OnThisDayPage({ month, day, year, anniversaries, canonical }: OnThisDayPageProps) {
  const name = WORDS.dayName(month, day);
  const [before, after] = [shifted(month, day, -1), shifted(month, day, 1)];
  return (
    <Layout title={WORDS.title(name)} description={WORDS.description(name)} canonical={canonical} alternates={feedAlternates('', 'All relations')}>
      <h1>{WORDS.heading(name)}</h1>
      <p class="muted">{WORDS.note(year)}</p>
      {anniversaries === null ? (
        <p>{WORDS.noSuchDay(year)} <a href={onThisDayPath(2, 28)}>{WORDS.to28}</a></p>
      ) : anniversaries.length ? <AnniversaryList anniversaries={anniversaries} /> : <p>{WORDS.nothing}</p>}
      <nav aria-label={WORDS.days}>
        <ul>
          <li><a href={onThisDayPath(...before)} rel="prev">{WORDS.previous(WORDS.dayName(...before))}</a></li>
          <li><a href={onThisDayPath(...after)} rel="next">{WORDS.next(WORDS.dayName(...after))}</a></li>
        </ul>
      </nav>
      <form method="get" action="/on-this-day" aria-labelledby="choose-heading">
        <h2 id="choose-heading" class="field-wide">{WORDS.choose}</h2>
        <div>
          <label for="month">{WORDS.month}</label>
          <select id="month" name="month">
            {Array.from({ length: 12 }, (_, index) => <option value={pad(index + 1)} selected={index + 1 === month}>{monthInWords(index + 1)}</option>)}
          </select>
        </div>
        <div>
          <label for="day">{WORDS.day}</label>
          <select id="day" name="day">
            {Array.from({ length: 31 }, (_, index) => <option value={pad(index + 1)} selected={index + 1 === day}>{index + 1}</option>)}
          </select>
        </div>
        <button type="submit">{WORDS.show}</button>
      </form>
    </Layout>
  );
}
