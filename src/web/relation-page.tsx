import type { AgreementStatus } from '../domain/agreements';
import { dayInWords, occurredInWords } from '../domain/dates';
import { linkable } from '../domain/text';
import type { RelationChange } from '../domain/relation-status';
import type { AgreementView } from '../views/agreements/queries';
import type { RelationStatusReport } from '../views/relation-status/queries';
import type { TimelineItem } from '../views/timeline/item';
import { ChartFigure } from './chart-figure';
import { feedAlternates, Layout } from './layout';
import { Occurred } from './occurred';
import { groupByPeriod } from './periods';

/** The page of one relation. */

export interface RelationPageProps {
  relation: string;
  name: string;
  asOf: string;
  /** YYYY-MM-DD, UTC: where the chart's time axis ends. */
  today: string;
  timeline: TimelineItem[];
  status: RelationStatusReport;
  agreements: AgreementView[];
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

/** One relation for people: its status over time, its agreements on a chosen day, its timeline. */
export function RelationPage(props: RelationPageProps) {
  const { relation, name } = props;
  const api = `/v1/relations/${relation}`;
  const feeds = feedAlternates(api, `${name} relations`);
  const calendar = {
    type: 'text/calendar', title: `${name} anniversaries (iCalendar)`, href: `${api}/anniversaries.ics`, label: 'Anniversaries (iCalendar)',
  };
  return (
    <Layout
      title={`${name} relations — Relations log`}
      description={`The history of ${name} relations: status over time, agreements and a sourced timeline.`}
      alternates={[...feeds, calendar]}
    >
      <h1>{name} relations</h1>
      <p>{props.timeline.length} events, each with its source.</p>
      <ChartFigure {...props} overview={props} />
      <nav aria-label="Other formats">
        <ul>
          {[...feeds, calendar].map((link) => <li><a href={link.href}>{link.label}</a></li>)}
          <li><a href={`/${relation}/timelinejs`}>Visual timeline (TimelineJS)</a></li>
          <li><a href={`${api}/timeline`}>JSON</a></li>
        </ul>
      </nav>
      <StatusSection {...props} />
      <AgreementsSection {...props} />
      <TimelineSection {...props} />
    </Layout>
  );
}

function StatusSection({ status, asOf }: RelationPageProps) {
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Diplomatic relations over time</h2>
      <p id="status-on" data-status={status.status}>
        On {occurredInWords(asOf)}, {status.reason}.
      </p>
      {status.periods.length ? (
        <ol>
          {status.periods.map((period) => (
            <li>
              <strong>{RELATION_WORDS[period.status]}</strong> from <Occurred edtf={period.from} />
              {period.until ? <> to <Occurred edtf={period.until} /></> : ' to this day'}:{' '}
              <a href={`#event-${period.event.id}`}>{period.event.headline}</a>
            </li>
          ))}
        </ol>
      ) : <p>No event of the log establishes relations.</p>}
    </section>
  );
}

function AgreementsSection({ relation, asOf, agreements }: RelationPageProps) {
  return (
    <section id="agreements" aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">Agreements</h2>
      <form method="get" action={`/${relation}#agreements`}>
        <div>
          <label for="as-of">Status as of</label>
          <input type="date" id="as-of" name="asOf" value={asOf} required min="0001-01-01" max="9999-12-31" />
        </div>
        <button type="submit">Show</button>
      </form>
      {agreements.length === 0 ? <p>No agreements recorded.</p> : (
        <div class="table-scroll" role="region" aria-labelledby="agreements-caption" tabindex={0}>
          <table>
            <caption id="agreements-caption">{agreements.length} agreements and their status on {occurredInWords(asOf)}</caption>
            <thead>
              <tr>
                <th scope="col">Agreement</th>
                <th scope="col">Signed</th>
                <th scope="col">Level</th>
                <th scope="col">Valid until</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((agreement) => (
                <tr data-agreement={agreement.agreementId}>
                  <th scope="row">{agreement.title}</th>
                  <td><Occurred edtf={agreement.signed} /></td>
                  <td>{agreement.level}</td>
                  <td>{validUntil(agreement.validUntil)}</td>
                  <td>
                    <span class={`status status-${agreement.status}`} data-status={agreement.status}>
                      {STATUS_WORDS[agreement.status]}
                    </span>
                    <span class="reason">{agreement.reason}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function validUntil(value: string | null) {
  if (value === null) return <span class="muted">not stated</span>;
  if (value === 'indefinite') return 'indefinite';
  return <time datetime={value}>{dayInWords(value)}</time>;
}

function TimelineSection({ timeline, status }: RelationPageProps) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {groupByPeriod(timeline, status.periods).map((group) => (
        <section aria-label={group.heading}>
          <h3>{group.heading}</h3>
          <ol class="events">
            {group.items.map((item) => (
              <li id={`event-${item.id}`}>
                <p class="when"><Occurred edtf={item.occurred} /></p>
                <p class="headline">{item.headline}</p>
                {item.summary ? <p class="summary">{item.summary}</p> : null}
                <p class="source">
                  Source: <Citation source={item.source} />
                  {' '}({item.source.publisher})
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

function Citation({ source }: { source: TimelineItem['source'] }) {
  const url = source.url ? linkable(source.url) : null;
  return url ? <a href={url}>{source.title}</a> : <>{source.title}</>;
}
