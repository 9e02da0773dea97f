import type { RelationPageData } from '../views/relation-overview';
import { ChartFigure } from './chart-figure';
import { FactList, Paging, SearchErrors, SearchSummary } from './fact-list';
import { feedAlternates, Layout } from './layout';
import { Occurred } from './occurred';
import { groupByPeriod } from './periods';
import { feedQueryOf, isNarrowed, selectionQuery, TimelineSearchForm, type TimelineSelection } from './timeline-search';
import { factPagePath } from '../domain/pages';
import { logInWords } from './counts';
import { Fact, Reason, Recorded } from './fact-text';
import { withLang, type PageWords } from './page-words';

/** The page of one relation. */

export interface RelationPageProps extends RelationPageData {
  words: PageWords;
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

/** One relation for people: its status over time, its agreements on a chosen day, its timeline and its search. */
export function RelationPage(props: RelationPageProps) {
  const { words, relation, name, selection } = props;
  const { t } = words;
  const api = `/v1/relations/${relation}`;
  const feeds = feedAlternates(words, api, t('relation.heading', { name }), feedQueryOf(selection));
  const calendar = {
    type: 'text/calendar', title: t('relation.calendar', { name }), href: withLang(`${api}/anniversaries.ics`, words), label: t('relation.calendarLabel'),
  };
  return (
    <Layout
      words={words}
      title={t('relation.title', { name })}
      description={t('relation.description', { name })}
      alternates={[...feeds, calendar]}
      canonical={props.canonical}
      noindex={isNarrowed(selection) || Boolean(selection.cursor)}
    >
      <h1>{t('relation.heading', { name })}</h1>
      <p id="counts">{t('relation.counts', { facts: t('count.facts', { count: props.timeline.length }), log: logInWords(words, props.timeline.length, props.log) })}</p>
      <ChartFigure {...props} overview={props} />
      <nav aria-label={t('relation.otherFormats')}>
        <ul>
          {[...feeds, calendar].map((link) => <li><a href={link.href}>{link.label}</a></li>)}
          <li><a href={words.href(`/${relation}/timelinejs`)}>{t('relation.timelinejs')}</a></li>
          <li><a href={withLang(`${api}/timeline`, words)}>{t('relation.json')}</a></li>
        </ul>
      </nav>
      <StatusSection {...props} />
      <AgreementsSection {...props} />
      <TimelineSection {...props} />
    </Layout>
  );
}

function StatusSection({ words, relation, status, asOf }: RelationPageProps) {
  const { t } = words;
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{t('status.heading')}</h2>
      <p id="status-on" data-status={status.status}>{words.parts('status.on', { reason: <Reason words={words} of={status} /> }, { day: words.date(asOf) })}</p>
      {status.periods.length ? (
        <ol>
          {status.periods.map((period) => (
            <li>
              {words.parts(period.until ? 'status.periodUntil' : 'status.periodOn', {
                status: <strong>{t(`status.${period.status}`)}</strong>,
                from: <Occurred words={words} edtf={period.from} />,
                until: period.until ? <Occurred words={words} edtf={period.until} /> : '',
              })}{' '}
              <a href={words.href(factPagePath(relation, period.event.id))}><Fact words={words} item={period.event} field="headline" /></a>
              {period.qualifiers.length ? (
                <ul class="qualifiers">
                  {period.qualifiers.map(({ qualifier, event }) => (
                    <li data-qualifier={qualifier}>
                      <strong>{t(`qualifier.${qualifier}.title`)}</strong>, <Occurred words={words} edtf={event.occurred} />:{' '}
                      <a href={words.href(factPagePath(relation, event.id))}><Fact words={words} item={event} field="headline" /></a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : <p>{t('status.none')}</p>}
    </section>
  );
}

function AgreementsSection({ words, relation, asOf, agreements, selection }: RelationPageProps) {
  const { t } = words;
  const columns = Object.fromEntries(['agreement', 'status', 'signed', 'level', 'validUntil'].map((key) => [key, t(`agreements.column.${key}`)]));
  return (
    <section id="agreements" aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">{t('agreements.heading')}</h2>
      <form method="get" action={`${words.href(`/${relation}`)}#agreements`}>
        {hiddenSelection(selection)}
        <div>
          <label for="as-of">{t('agreements.asOf')}</label>
          <input type="date" id="as-of" name="asOf" value={asOf} required min="0001-01-01" max="9999-12-31" />
        </div>
        <button type="submit">{t('agreements.show')}</button>
      </form>
      {agreements.length === 0 ? <p>{t('agreements.none')}</p> : (
        <div class="table-scroll" role="region" aria-labelledby="agreements-caption" tabindex={0}>
          <table class="stack">
            <caption id="agreements-caption">{t('agreements.caption', { count: agreements.length, day: words.date(asOf) })}</caption>
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
                  <th scope="row"><a href={agreement.links.page}><Recorded words={words} text={agreement.title} /></a></th>
                  <td data-label={columns.status}>
                    <span class={`status status-${agreement.status}`} data-status={agreement.status}>
                      {t(`agreement.status.${agreement.status}`)}
                    </span>
                    <span class="reason"><Reason words={words} of={agreement} /></span>
                  </td>
                  <td data-label={columns.signed}><Occurred words={words} edtf={agreement.signed} /></td>
                  <td data-label={columns.level}>{t(`level.${agreement.level}`)}</td>
                  <td data-label={columns.validUntil}>{validUntil(words, agreement.validUntil)}</td>
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

function validUntil(words: PageWords, value: string | null) {
  if (value === null) return <span class="muted">{words.t('agreements.notStated')}</span>;
  if (value === 'indefinite') return words.t('agreements.indefinite');
  return <time datetime={value}>{words.day(value)}</time>;
}

function TimelineSection(props: RelationPageProps) {
  const { words, relation, list, status, selection, asOf, today, errors } = props;
  const narrowed = isNarrowed(selection);
  const keepDay: Record<string, string> = asOf === today ? {} : { asOf };
  const page = words.href(`/${relation}`);
  const here = (extra: Record<string, string | undefined> = {}) => `${page}${selectionQuery(selection, { ...keepDay, ...extra })}#timeline`;
  const tags = [...new Set(props.timeline.flatMap((item) => item.tags))].sort();
  const byPeriod = !selection.sort || selection.sort === 'timeline';
  return (
    <section id="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{words.t('timeline.heading')}</h2>
      <TimelineSearchForm
        words={words} action={`${page}#timeline`} selection={selection} tags={tags} hidden={keepDay}
        clearHref={`${page}${asOf === today ? '' : `?asOf=${asOf}`}#timeline`}
      />
      {errors.length ? <SearchErrors words={words} errors={errors} /> : (
        <>
          {narrowed ? <SearchSummary words={words} total={list.total} shown={list.items.length} /> : null}
          {byPeriod ? groupByPeriod(words, list.items, status.periods).map((group) => (
            <section aria-label={group.heading}>
              <h3>{group.heading}</h3>
              <FactList words={words} items={group.items} relation={relation} marked={list.marked} />
            </section>
          )) : <FactList words={words} items={list.items} relation={relation} marked={list.marked} />}
          <Paging words={words} next={list.next} firstHref={selection.cursor ? here() : null} nextHref={(cursor) => here({ cursor })} />
        </>
      )}
    </section>
  );
}

