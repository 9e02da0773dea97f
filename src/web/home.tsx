import { dayOfYearInWords } from '../domain/dates';
import { relationDisplayName } from '../domain/relation';
import type { FrontPage } from '../views/front-page';
import { AnniversaryList } from './anniversary-list';
import { logInWords, plural } from './counts';
import { feedAlternates, Layout } from './layout';
import { Occurred } from './occurred';

/** The front page: a search of every relation, today's anniversaries, every relation the log has, the feeds. */

const WORDS = {
  title: 'Relations log',
  description: 'The history of bilateral relations between countries, as an append-only log of sourced events: search it, cite a fact, follow its feeds.',
  intro: 'The history of relations between pairs of countries: every event dated as precisely as its source allows, and cited.',
  searchHeading: 'Search every relation',
  searchLabel: 'Words',
  searchHint: 'Accents and case do not count: Lopez finds López.',
  search: 'Search',
  onThisDay: (day: string) => `On this day, ${day}`,
  onThisDayNote: 'Facts dated to this very day (UTC) in any year; a fact known only to the month or the year never appears.',
  nothingToday: 'Nothing the log records happened on this day.',
  anotherDay: 'Another day',
  relationsHeading: 'Relations',
  noRelations: 'No events have been recorded yet.',
  facts: (count: number) => plural(count, 'fact'),
  span: 'from',
  to: 'to',

  status: (reason: string) => `Today ${reason}.`,
  feedsHeading: 'Feeds',
  opml: 'Every feed, as OPML',
};

const dayOfYear = (today: string) => dayOfYearInWords(Number(today.slice(5, 7)), Number(today.slice(8, 10)));

export function HomePage({ data, today, canonical }: { data: FrontPage; today: string; canonical: string }) {
  const feeds = feedAlternates('', 'All relations');
  return (
    <Layout title={WORDS.title} description={WORDS.description} alternates={feeds} canonical={canonical}>
      <h1>{WORDS.title}</h1>
      <p>{WORDS.intro}</p>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{WORDS.searchHeading}</h2>
        <form method="get" action="/search" role="search" aria-labelledby="search-heading">
          <div class="field-wide">
            <label for="q">{WORDS.searchLabel}</label>
            <input type="search" id="q" name="q" maxlength={200} required aria-describedby="q-hint" />
            <p class="hint" id="q-hint">{WORDS.searchHint}</p>
          </div>
          <button type="submit">{WORDS.search}</button>
        </form>
      </section>
      <section aria-labelledby="today-heading" id="on-this-day">
        <h2 id="today-heading">{WORDS.onThisDay(dayOfYear(today))}</h2>
        <p class="muted">{WORDS.onThisDayNote}</p>
        {data.anniversaries.length ? <AnniversaryList anniversaries={data.anniversaries} /> : <p>{WORDS.nothingToday}</p>}
        <p><a href={`/on-this-day/${today.slice(5)}`}>{WORDS.anotherDay}</a></p>
      </section>
      <section aria-labelledby="relations-heading">
        <h2 id="relations-heading">{WORDS.relationsHeading}</h2>
        {data.relations.length === 0 ? <p>{WORDS.noRelations}</p> : (
          <ul class="relations">
            {data.relations.map((entry) => (
              <li data-relation={entry.relation}>
                <a href={`/${entry.relation}`}>{relationDisplayName(entry.relation)}</a>:{' '}
                <span data-facts={entry.facts}>{WORDS.facts(entry.facts)}</span>
                {entry.firstOccurred && entry.lastOccurred ? (
                  <> {WORDS.span} <Occurred edtf={entry.firstOccurred} /> {WORDS.to} <Occurred edtf={entry.lastOccurred} /></>
                ) : null}
                {' '}<span class="muted">({logInWords(entry.facts, entry.log)})</span>.{' '}
                <span data-status={entry.status.status}>{WORDS.status(entry.status.reason)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{WORDS.feedsHeading}</h2>
        <ul>
          {feeds.map((feed) => <li><a href={feed.href}>{feed.title}</a></li>)}
          <li><a href="/feeds.opml">{WORDS.opml}</a></li>
        </ul>
      </section>
    </Layout>
  );
}
