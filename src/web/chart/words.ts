import { reasonIn } from '../../i18n/reasons';
import type { Words } from '../../i18n/words';
import type { QualifierOf, StatusPeriod } from '../../domain/relation-status';
import type { AgreementView } from '../../views/agreements/queries';
import type { StatusEvent } from '../../views/relation-status/queries';
import type { ChartFilters, ChartData, Visit } from './rows';

/** What the chart says in words, in the reader's language: its title and description, and the hover text of every mark. */

const inForce = (agreement: AgreementView) => agreement.status === 'in_force' || agreement.status === 'indefinite';

/** The filters a chart was drawn with, or null for none: "subnational only; types AgreementSigned". */
export function filtersInWords({ t }: Words, filters: ChartFilters): string | null {
  const words = [
    filters.level && t('chart.levelOnly', { level: t(`level.${filters.level}`) }),
    filters.types && t('chart.types', { types: filters.types.map((type) => t(`type.${type}`)).join(', ') }),
  ].filter(Boolean);
  return words.length ? words.join('; ') : null;
}

export function chartTitle(words: Words, name: string, filters: ChartFilters): string {
  const narrowed = filtersInWords(words, filters);
  const title = words.t('chart.title', { name });
  return narrowed ? `${title} (${narrowed})` : title;
}

/** How long an agreement was valid, as the sources say. */
function validityInWords(words: Words, agreement: AgreementView): string {
  const { t } = words;
  const { validUntil, ended } = agreement;
  const validity = validUntil === null ? t('chart.validityUnknown')
    : validUntil === 'indefinite' ? t('chart.validIndefinitely')
    : t('chart.validUntil', { day: words.day(validUntil) });
  if (!ended) return validity;
  const end = t('chart.ended', { when: words.date(ended.occurred) });
  return `${validity}; ${end}${ended.reason ? ` (${ended.reason})` : ''}`;
}

export function agreementTitle(words: Words, agreement: AgreementView, asOf: string): string {
  return words.t('chart.agreementTitle', {
    title: agreement.title, signed: words.date(agreement.signed), validity: validityInWords(words, agreement),
    day: words.date(asOf), status: words.t(`agreement.status.${agreement.status}`).toLocaleLowerCase(words.language),
  });
}

export function periodTitle(words: Words, period: StatusPeriod<StatusEvent>): string {
  const until = period.until ? words.t('chart.until', { day: words.date(period.until) }) : words.t('chart.toThisDay');
  return words.t('chart.periodTitle', { name: words.t(`period.${period.status}`), when: words.date(period.event.occurred), until, headline: period.event.headline });
}

/** "Practically non-existent, 1910–August 1924: Diplomatic relations were …". */
export function qualifierTitle(words: Words, { qualifier, event }: QualifierOf<StatusEvent>): string {
  return words.t('chart.markTitle', { name: words.t(`qualifier.${qualifier}.title`), when: words.date(event.occurred), headline: event.headline });
}

export const visitTitle = (words: Words, visit: Visit) => words.t('chart.visitTitle', { headline: visit.headline, when: words.date(visit.occurred) });

/** The as-of line's hover text: the state of relations and how many agreements were in force that day. */
export function asOfTitle(words: Words, data: ChartData, asOf: string): string {
  const { t } = words;
  const agreements = data.agreements.length
    ? t('chart.inForce', { count: data.agreements.length, inForce: data.agreements.filter(inForce).length })
    : t('chart.noAgreements');
  return t('chart.asOfTitle', { day: words.date(asOf), state: data.relationsOnAsOf ? `${reasonIn(words, data.relationsOnAsOf)}; ` : '', agreements });
}

function agreementsInWords(words: Words, agreements: AgreementView[]): string {
  const { t } = words;
  const count = (test: (agreement: AgreementView) => boolean) => agreements.filter(test).length;
  const levels = (['federal', 'subnational'] as const)
    .map((level) => [level, count((a) => a.level === level)] as const)
    .filter(([, n]) => n > 0).map(([level, n]) => `${words.number(n)} ${t(`level.${level}`)}`).join(', ');
  return t('chart.agreements', {
    count: agreements.length, levels,
    stated: count((a) => /^\d/.test(a.validUntil ?? '')), indefinite: count((a) => a.validUntil === 'indefinite'),
    unknown: count((a) => a.validUntil === null),
  });
}

/** The chart's description: everything it shows, for a reader who cannot see it. */
export function chartDescription(words: Words, data: ChartData, asOf: string, years: [number, number]): string {
  const { t } = words;
  const parts = [t('chart.axis', { first: String(years[0]), last: String(years[1]) })];
  if (data.periods.length) {
    const changes = data.periods.map((period) => t('chart.change', { change: t(`change.${period.status}`), when: words.date(period.event.occurred) })).join(', ');
    parts.push(t('chart.relations', { changes }));
  }
  for (const q of data.qualifiers) parts.push(`${qualifierTitle(words, q)}`);
  if (data.agreements.length) parts.push(agreementsInWords(words, data.agreements));
  if (data.visits.length) {
    const byDestination = new Map<string, number>();
    for (const { visit } of data.visits) byDestination.set(visit.to, (byDestination.get(visit.to) ?? 0) + 1);
    const destinations = [...byDestination].map(([to, n]) => t('chart.visitsTo', { count: n, country: words.country(to) })).join(', ');
    parts.push(t('chart.visits', { count: data.visits.length, destinations }));
  }
  if (!data.periods.length && !data.agreements.length && !data.visits.length) parts.push(t('chart.nothing'));
  parts.push(t('chart.line', { day: words.date(asOf) }), asOfTitle(words, data, asOf));
  return parts.join(' ');
}
