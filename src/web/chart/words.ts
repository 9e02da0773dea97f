import type { AgreementStatus } from '../../domain/agreements';
import { dayInWords, occurredInWords } from '../../domain/dates';
import { countryName } from '../../domain/relation';
import { PERIOD_NAMES, QUALIFIER_WORDS, type QualifierOf, type RelationChange, type StatusPeriod } from '../../domain/relation-status';
import type { AgreementView } from '../../views/agreements/queries';
import type { StatusEvent } from '../../views/relation-status/queries';
import type { ChartFilters, ChartData, Visit } from './rows';

/** What the chart says in words: its title and description, and the hover text of every mark. */

const STATUS_WORDS: Record<AgreementStatus, string> = {
  not_yet_signed: 'not yet signed',
  in_force: 'in force',
  expired: 'expired',
  ended: 'ended',
  indefinite: 'in force, indefinitely',
  unknown: 'unknown',
};

/** The name of a period, inside its stretch of the band. */
export const PERIOD_LABELS: Record<RelationChange, string> = { established: 'Established', severed: 'Severed', restored: 'Restored' };

const inForce = (agreement: AgreementView) => agreement.status === 'in_force' || agreement.status === 'indefinite';
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
export const country = (code: string) => countryName(code) ?? code.toUpperCase();

/** The filters a chart was drawn with, or null for none: "subnational only; types AgreementSigned". */
export function filtersInWords(filters: ChartFilters): string | null {
  const words = [filters.level && `${filters.level} only`, filters.types && `types ${filters.types.join(', ')}`].filter(Boolean);
  return words.length ? words.join('; ') : null;
}

export function chartTitle(name: string, filters: ChartFilters): string {
  const narrowed = filtersInWords(filters);
  return `${name} relations over time: periods, agreements and visits${narrowed ? ` (${narrowed})` : ''}`;
}

/** How long an agreement was valid, as the sources say. */
function validityInWords(agreement: AgreementView): string {
  const { validUntil, ended } = agreement;
  const validity = validUntil === null ? 'validity not given by the source'
    : validUntil === 'indefinite' ? 'valid indefinitely'
    : `valid until ${dayInWords(validUntil)}`;
  if (!ended) return validity;
  return `${validity}; ended ${occurredInWords(ended.occurred)}${ended.reason ? ` (${ended.reason})` : ''}`;
}

export function agreementTitle(agreement: AgreementView, asOf: string): string {
  return `${agreement.title}: signed ${occurredInWords(agreement.signed)}, ${validityInWords(agreement)}. ` +
    `On ${occurredInWords(asOf)}: ${STATUS_WORDS[agreement.status]}.`;
}

export function periodTitle(period: StatusPeriod<StatusEvent>): string {
  const until = period.until ? `until ${occurredInWords(period.until)}` : 'to this day';
  return `${PERIOD_NAMES[period.status]}, ${period.event.occurredInWords}, ${until}: ${period.event.headline}.`;
}

/** "Practically non-existent, 1910–August 1924: Diplomatic relations were …". */
export function qualifierTitle({ qualifier, event }: QualifierOf<StatusEvent>): string {
  const words = QUALIFIER_WORDS[qualifier];
  return `${words[0].toUpperCase()}${words.slice(1)}, ${event.occurredInWords}: ${event.headline}.`;
}

export const visitTitle = (visit: Visit) => `${visit.headline}, ${visit.occurredInWords}.`;

/** The as-of line's hover text: the state of relations and how many agreements were in force that day. */
export function asOfTitle(data: ChartData, asOf: string): string {
  const relations = data.relationsOnAsOf ? `${data.relationsOnAsOf}; ` : '';
  const agreements = data.agreements.length
    ? `${data.agreements.filter(inForce).length} of ${plural(data.agreements.length, 'agreement')} in force`
    : 'no agreements drawn';
  return `On ${occurredInWords(asOf)}: ${relations}${agreements}.`;
}

/** The chart's description: everything it shows, for a reader who cannot see it. */
export function chartDescription(data: ChartData, asOf: string, years: [number, number]): string {
  const parts = [`A time axis from ${years[0]} to ${years[1]}.`];
  if (data.periods.length) {
    const changes = data.periods.map((period) => `${period.status} ${period.event.occurredInWords}`).join(', ');
    parts.push(`Diplomatic relations: ${changes}.`);
  }
  for (const q of data.qualifiers) parts.push(`${qualifierTitle(q)}`);
  if (data.agreements.length) {
    const { agreements } = data;
    const count = (test: (agreement: AgreementView) => boolean) => agreements.filter(test).length;
    const levels = (['federal', 'subnational'] as const)
      .map((level) => [level, count((a) => a.level === level)] as const)
      .filter(([, n]) => n > 0).map(([level, n]) => `${n} ${level}`).join(', ');
    parts.push(`${plural(agreements.length, 'agreement')} (${levels}): ${count((a) => /^\d/.test(a.validUntil ?? ''))} valid ` +
      `until a stated day, ${count((a) => a.validUntil === 'indefinite')} indefinitely, ` +
      `${count((a) => a.validUntil === null)} whose validity the source does not give.`);
  }
  if (data.visits.length) {
    const byDestination = new Map<string, number>();
    for (const { visit } of data.visits) byDestination.set(visit.to, (byDestination.get(visit.to) ?? 0) + 1);
    const destinations = [...byDestination].map(([to, n]) => `${n} to ${country(to)}`).join(', ');
    parts.push(`${plural(data.visits.length, 'visit')}: ${destinations}.`);
  }
  if (!data.periods.length && !data.agreements.length && !data.visits.length) parts.push('Nothing recorded matches the filters.');
  parts.push(`A vertical line marks ${occurredInWords(asOf)}. ${asOfTitle(data, asOf)}`);
  return parts.join(' ');
}
