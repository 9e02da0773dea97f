import type { AgreementStatus } from '../domain/agreements';
import { dayInWords, occurredInWords } from '../domain/dates';
import { QUALIFIER_WORDS, type RelationChange } from '../domain/relation-status';
import type { RelationPageData } from '../views/relation-overview';
import { ChartFigure } from './chart-figure';
import { FactList, Paging, SearchErrors, SearchSummary } from './fact-list';
import { feedAlternates, Layout } from './layout';
import { Occurred } from './occurred';
import { groupByPeriod } from './periods';
import { feedQueryOf, isNarrowed, selectionQuery, TimelineSearchForm, type TimelineSelection } from './timeline-search';
import { factPagePath } from '../domain/pages';
import type { LogCounts } from '../store/relations';
import { logInWords, plural } from './counts';

/** The page of one relation. */

export interface RelationPageProps extends RelationPageData {
  relation: string;
  name: string;
  asOf: string;
  /** YYYY-MM-DD, UTC: where the chart's time axis ends. */
  today: string;
  /** What the reader asked the timeline for; and, when it could not be read, why. */
  selection: TimelineSelection;
  errors: string[];
  /** The absolute URL of this page (its canonical address). */
  canonical: string;
}

const STATUS_WORDS: Record<AgreementStatus, string> = {
  not_yet_signed: 'Not yet signed',
  in_force: 'In force',
  expired: 'Expired',
  ended: 'Ended',
  indefinite: 'In force, indefinitely',
  unknown: 'Unknown',
};

const RELATION_WORDS: Record<RelationChange, string> = { established: 'Established', severed: 'Severed', restored: 'Restored' };

const WORDS = {
  title: (name: string) => `${name} relations — Relations log`,
  description: (name: string) => `The history of ${name} relations: status over time, agreements and a sourced timeline, searchable.`,
  heading: (name: string) => `${name} relations`,
  counts: (facts: number, log: LogCounts) => `${plural(facts, 'fact')} on record, each with its source; ${logInWords(facts, log)}.`,
  calendar: (name: string) => `${name} anniversaries (iCalendar)`,
  calendarLabel: 'Anniversaries (iCalendar)',
  timelinejs: 'Visual timeline (TimelineJS)',
  json: 'JSON',
  otherFormats: 'Other formats',
  statusHeading: 'Diplomatic relations over time',
  statusOn: (day: string, reason: string) => `On ${day}, ${reason}.`,
  noStatus: 'No event of the log establishes relations.',
  toThisDay: ' to this day',
  agreementsHeading: 'Agreements',
  asOf: 'Status as of',
  show: 'Show',
  noAgreements: 'No agreements recorded.',
  caption: (count: number, day: string) => `${count} agreements and their status on ${day}`,
  columns: { agreement: 'Agreement', status: 'Status', signed: 'Signed', level: 'Level', validUntil: 'Valid until' },
  notStated: 'not stated',
  indefinite: 'indefinite',
  timelineHeading: 'Timeline',
};

/** One relation for people: its status over time, its agreements on a chosen day, its timeline and its search. */
export function RelationPage(props: RelationPageProps) {
  const { relation, name, selection } = props;
  const api = `/v1/relations/${relation}`;
  const feeds = feedAlternates(api, `${name} relations`, feedQueryOf(selection));
  const calendar = { type: 'text/calendar', title: WORDS.calendar(name), href: `${api}/anniversaries.ics`, label: WORDS.calendarLabel };
  return (
    <Layout
      title={WORDS.title(name)}
      description={WORDS.description(name)}
      alternates={[...feeds, calendar]}
      canonical={props.canonical}
      noindex={isNarrowed(selection) || Boolean(selection.cursor)}
    >
      <h1>{WORDS.heading(name)}</h1>
      <p id="counts">{WORDS.counts(props.timeline.length, props.log)}</p>
      <ChartFigure {...props} overview={props} />
      <nav aria-label={WORDS.otherFormats}>
        <ul>
          {[...feeds, calendar].map((link) => <li><a href={link.href}>{link.label}</a></li>)}
          <li><a href={`/${relation}/timelinejs`}>{WORDS.timelinejs}</a></li>
          <li><a href={`${api}/timeline`}>{WORDS.json}</a></li>
        </ul>
      </nav>
      <StatusSection {...props} />
      <AgreementsSection {...props} />
      <TimelineSection {...props} />
    </Layout>
  );
}

function StatusSection({ relation, status, asOf }: RelationPageProps) {
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{WORDS.statusHeading}</h2>
      <p id="status-on" data-status={status.status}>{WORDS.statusOn(occurredInWords(asOf), status.reason)}</p>
      {status.periods.length ? (
        <ol>
          {status.periods.map((period) => (
            <li>
              <strong>{RELATION_WORDS[period.status]}</strong> from <Occurred edtf={period.from} />
              {period.until ? <> to <Occurred edtf={period.until} /></> : WORDS.toThisDay}:{' '}
              <a href={factPagePath(relation, period.event.id)}>{period.event.headline}</a>
              {period.qualifiers.length ? (
                <ul class="qualifiers">
                  {period.qualifiers.map(({ qualifier, event }) => (
                    <li data-qualifier={qualifier}>
                      <strong>{capitalized(QUALIFIER_WORDS[qualifier])}</strong>, <Occurred edtf={event.occurred} />:{' '}
                      <a href={factPagePath(relation, event.id)}>{event.headline}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : <p>{WORDS.noStatus}</p>}
    </section>
  );
}

const capitalized = (words: string) => `${words[0].toUpperCase()}${words.slice(1)}`;

function AgreementsSection({ relation, asOf, agreements, selection }: RelationPageProps) {
  const columns = WORDS.columns;
  return (
    <section id="agreements" aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">{WORDS.agreementsHeading}</h2>
      <form method="get" action={`/${relation}#agreements`}>
        {hiddenSelection(selection)}
        <div>
          <label for="as-of">{WORDS.asOf}</label>
          <input type="date" id="as-of" name="asOf" value={asOf} required min="0001-01-01" max="9999-12-31" />
        </div>
        <button type="submit">{WORDS.show}</button>
      </form>
      {agreements.length === 0 ? <p>{WORDS.noAgreements}</p> : (
        <div class="table-scroll" role="region" aria-labelledby="agreements-caption" tabindex={0}>
          <table class="stack">
            <caption id="agreements-caption">{WORDS.caption(agreements.length, occurredInWords(asOf))}</caption>
            <thead>
              <tr>
                <th scope="col">{columns.agreement}</th>
                <th scope="col">{columns.status}</th>
                <th scope="col">{columns.signed}</th>
                <th scope="col">{columns.level}</th>
                <th scope="col">{columns.validUntil}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((agreement) => (
                <tr data-agreement={agreement.agreementId}>
                  <th scope="row"><a href={agreement.links.page}>{agreement.title}</a></th>
                  <td data-label={columns.status}>
                    <span class={`status status-${agreement.status}`} data-status={agreement.status}>
                      {STATUS_WORDS[agreement.status]}
                    </span>
                    <span class="reason">{agreement.reason}</span>
                  </td>
                  <td data-label={columns.signed}><Occurred edtf={agreement.signed} /></td>
                  <td data-label={columns.level}>{agreement.level}</td>
                  <td data-label={columns.validUntil}>{validUntil(agreement.validUntil)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The search, kept by the agreements' form, as the search form keeps the day. */
function hiddenSelection(selection: TimelineSelection) {
  const params = new URLSearchParams(selectionQuery(selection).slice(1));
  return [...params].map(([name, value]) => <input type="hidden" name={name} value={value} />);
}

function validUntil(value: string | null) {
  if (value === null) return <span class="muted">{WORDS.notStated}</span>;
  if (value === 'indefinite') return WORDS.indefinite;
  return <time datetime={value}>{dayInWords(value)}</time>;
}

function TimelineSection(props: RelationPageProps) {
  const { relation, list, status, selection, asOf, today, errors } = props;
  const narrowed = isNarrowed(selection);
  const keepDay: Record<string, string> = asOf === today ? {} : { asOf };
  const here = (extra: Record<string, string | undefined> = {}) => `/${relation}${selectionQuery(selection, { ...keepDay, ...extra })}#timeline`;
  const tags = [...new Set(props.timeline.flatMap((item) => item.tags))].sort();
  const byPeriod = !selection.sort || selection.sort === 'timeline';
  return (
    <section id="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{WORDS.timelineHeading}</h2>
      <TimelineSearchForm
        action={`/${relation}#timeline`} selection={selection} tags={tags} hidden={keepDay}
        clearHref={`/${relation}${asOf === today ? '' : `?asOf=${asOf}`}#timeline`}
      />
      {errors.length ? <SearchErrors errors={errors} /> : (
        <>
          {narrowed ? <SearchSummary total={list.total} shown={list.items.length} /> : null}
          {byPeriod ? groupByPeriod(list.items, status.periods).map((group) => (
            <section aria-label={group.heading}>
              <h3>{group.heading}</h3>
              <FactList items={group.items} relation={relation} marked={list.marked} />
            </section>
          )) : <FactList items={list.items} relation={relation} marked={list.marked} />}
          <Paging next={list.next} firstHref={selection.cursor ? here() : null} nextHref={(cursor) => here({ cursor })} />
        </>
      )}
    </section>
  );
}

