import type { Source } from '../domain/catalog';
import { citationDetails } from '../domain/citation';
import { occurredInWords, readOccurred, type Precision } from '../domain/dates';
import type { Amendment, FactHistory } from '../domain/fact-history';
import { amendmentAnchor } from '../domain/pages';
import { linkable } from '../domain/text';
import { plainCitation, type CitedFact } from '../feeds/citation';
import { dataRows, TYPE_WORDS, valueInWords } from './fact-details';
import { feedAlternates, Layout } from './layout';
import { Occurred } from './occurred';
import { SourceLink } from './source-link';

/** The page of one fact, as a reader cites it: what it says, its source, who recorded it, its history. */

export interface EventPageProps {
  relation: string;
  name: string;
  history: FactHistory;
  /** The fact cited: its page's absolute URL and the day it is read. */
  cited: CitedFact;
  /** The relation page's timeline from the fact's day, at its entry; null when the fact is retracted (it is in no timeline). */
  timelineHref: string | null;
}

const PRECISION_WORDS: Record<Precision, string> = {
  day: 'known to the day',
  month: 'known to the month',
  season: 'known to the season',
  year: 'known to the year',
  interval: 'a span of time',
};

const WORDS = {
  title: (headline: string, name: string) => `${headline} — ${name} relations — Relations log`,
  description: (when: string, name: string) => `${when}: a fact of ${name} relations, with its source and its history.`,
  retracted: (when: string) => `Retracted on ${when}.`,
  retractedNote: 'This fact was withdrawn from the record and is not presented as true. It is kept as it was recorded, so that what cited it can still be read.',
  reason: 'Reason:',
  when: 'When',
  qualified: (approximate: boolean, uncertain: boolean) =>
    [approximate && 'approximate', uncertain && 'uncertain'].filter(Boolean).join(' and '),
  type: 'Type',
  level: 'Level',
  participants: 'Participants',
  places: 'Places',
  tags: 'Tags',
  source: 'Source',
  sourceHeading: 'Source',
  quote: 'The source’s words',
  recordedHeading: 'Record',
  recorded: (actor: string, when: string) => <>Recorded by {actor} on {when} (UTC).</>,
  version: (version: number, position: number) => `Version ${version} of the relation; position ${position} in the log.`,
  historyHeading: 'History',
  noHistory: 'Never corrected or retracted since it was recorded.',
  correction: 'Corrected',
  retraction: 'Retracted',
  by: (actor: string) => ` by ${actor}`,
  changed: (field: string) => `${field}:`,
  from: 'was',
  to: 'now',
  citeHeading: 'Cite this',
  citeIntro: 'A citation of this record, and the same as CSL-JSON (Zotero, Mendeley, pandoc) and BibTeX:',
  csl: 'CSL-JSON',
  bibtex: 'BibTeX',
  linksHeading: 'Elsewhere',
  json: 'This record as JSON',
  timeline: 'Its place in the timeline',
  relation: (name: string) => `${name} relations`,
};

const instantInWords = (instant: string) => `${occurredInWords(instant.slice(0, 10))}, ${instant.slice(11, 16)}`;

export function EventPage({ relation, name, history, cited, timelineHref }: EventPageProps) {
  const fact = history.current;
  const dated = readOccurred(fact.occurred);
  const qualifier = WORDS.qualified(dated.approximate, dated.uncertain);
  const retraction = history.retraction;
  return (
    <Layout
      title={WORDS.title(fact.headline, name)}
      description={WORDS.description(occurredInWords(fact.occurred), name)}
      alternates={feedAlternates(`/v1/relations/${relation}`, `${name} relations`)}
      canonical={cited.url}
      kind="article"
    >
      <article aria-labelledby="fact-heading" data-retracted={retraction ? 'true' : 'false'}>
        {retraction ? (
          <div class="notice notice-retracted" id="retracted">
            <p><strong>{WORDS.retracted(occurredInWords(retraction.recorded.slice(0, 10)))}</strong> {WORDS.retractedNote}</p>
            <p>{WORDS.reason} {retraction.reason}</p>
          </div>
        ) : null}
        <p class="when"><Occurred edtf={fact.occurred} /></p>
        <h1 id="fact-heading">{retraction ? <s>{fact.headline}</s> : fact.headline}</h1>
        {fact.summary ? <p class="lead">{fact.summary}</p> : null}
        <dl class="facts">
          <dt>{WORDS.when}</dt>
          <dd><Occurred edtf={fact.occurred} /> <span class="muted">({PRECISION_WORDS[dated.precision]}{qualifier ? `, ${qualifier}` : ''}; EDTF <code>{fact.occurred}</code>)</span></dd>
          <dt>{WORDS.type}</dt>
          <dd>{TYPE_WORDS[fact.type as keyof typeof TYPE_WORDS] ?? fact.type}</dd>
          {dataRows(fact, relation).map(([label, value]) => <><dt>{label}</dt><dd>{value}</dd></>)}
          {fact.participants.length ? <><dt>{WORDS.participants}</dt><dd>{fact.participants.join('; ')}</dd></> : null}
          {fact.places.length ? <><dt>{WORDS.places}</dt><dd>{fact.places.join('; ')}</dd></> : null}
          <dt>{WORDS.level}</dt>
          <dd>{fact.level}</dd>
          {fact.tags.length ? <><dt>{WORDS.tags}</dt><dd>{fact.tags.join(', ')}</dd></> : null}
        </dl>
        <SourceSection source={fact.source} />
        <section aria-labelledby="record-heading">
          <h2 id="record-heading">{WORDS.recordedHeading}</h2>
          <p>{WORDS.recorded(history.recorded.actor, instantInWords(history.recorded.recorded))} {WORDS.version(history.recorded.version, history.recorded.position)}</p>
          <HistorySection amendments={history.amendments} />
        </section>
        <section aria-labelledby="cite-heading">
          <h2 id="cite-heading">{WORDS.citeHeading}</h2>
          <p>{WORDS.citeIntro}</p>
          <p class="citation" id="citation">{plainCitation(cited)}</p>
          <ul class="inline">
            <li><a href={`/v1/events/${fact.id}/citation.csl.json`} download={`${fact.id}.csl.json`}>{WORDS.csl}</a></li>
            <li><a href={`/v1/events/${fact.id}/citation.bib`} download={`${fact.id}.bib`}>{WORDS.bibtex}</a></li>
          </ul>
        </section>
        <nav aria-label={WORDS.linksHeading}>
          <ul>
            <li><a href={`/v1/events/${fact.id}`}>{WORDS.json}</a></li>
            {timelineHref ? <li><a href={timelineHref}>{WORDS.timeline}</a></li> : null}
            <li><a href={`/${relation}`}>{WORDS.relation(name)}</a></li>
          </ul>
        </nav>
      </article>
    </Layout>
  );
}

function SourceSection({ source }: { source: Source }) {
  const details = citationDetails(source);
  return (
    <section aria-labelledby="source-heading">
      <h2 id="source-heading">{WORDS.sourceHeading}</h2>
      {source.quote ? (
        <figure class="quote">
          <blockquote cite={(source.url && linkable(source.url)) || undefined}><p>{source.quote}</p></blockquote>
          <figcaption><SourceLink source={source} />{details ? ` (${details})` : ''}</figcaption>
        </figure>
      ) : (
        <p><SourceLink source={source} />{details ? ` (${details})` : ''}</p>
      )}
    </section>
  );
}

function HistorySection({ amendments }: { amendments: Amendment[] }) {
  return (
    <>
      <h3>{WORDS.historyHeading}</h3>
      {amendments.length === 0 ? <p>{WORDS.noHistory}</p> : (
        <ol class="history">
          {amendments.map((amendment) => (
            <li id={amendmentAnchor(amendment.id)} data-kind={amendment.kind}>
              <p>
                <strong>{amendment.kind === 'retraction' ? WORDS.retraction : WORDS.correction}</strong>{' '}
                {instantInWords(amendment.recorded)} (UTC){WORDS.by(amendment.actor)}. {WORDS.reason} {amendment.reason}
              </p>
              {amendment.changed.length ? (
                <dl class="changes">
                  {amendment.changed.map((change) => (
                    <>
                      <dt>{WORDS.changed(change.field)}</dt>
                      <dd><span class="muted">{WORDS.from}</span> <del>{valueInWords(change.field, change.before)}</del>;{' '}
                        <span class="muted">{WORDS.to}</span> <ins>{valueInWords(change.field, change.after)}</ins></dd>
                    </>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
