import type { AgreementBar, PeriodSegment, QualifierMark, VisitMark } from './marks';

/** The keys of the legend, in the order they are listed, and which of them a chart needs. */

export const LEGEND_KEYS = [
  'relations-open', 'relations-severed', 'relations-practically-non-existent', 'relations-sources-differ', 'agreement-day', 'agreement-open', 'agreement-unknown', 'fuzzy',
  'visit-exact', 'visit-fuzzy', 'as-of',
] as const;
export type LegendKey = (typeof LEGEND_KEYS)[number];

/** The keys for what is drawn: a legend explains only the marks its chart has. */
export function legendKeys(
  segments: PeriodSegment[], bars: AgreementBar[], visits: VisitMark[], qualifiers: QualifierMark[] = [],
): LegendKey[] {
  const present = new Set<LegendKey>(['as-of']);
  for (const { qualifier } of qualifiers) {
    present.add(qualifier.qualifier === 'sources_differ' ? 'relations-sources-differ' : 'relations-practically-non-existent');
  }
  for (const { period, start, end } of segments) {
    present.add(period.status === 'severed' ? 'relations-severed' : 'relations-open');
    if (start.kind === 'fuzzy' || end.kind === 'fuzzy') present.add('fuzzy');
  }
  for (const { body, start, end } of bars) {
    if (body === 'unknown') present.add('agreement-unknown');
    else present.add(end.kind === 'open' ? 'agreement-open' : 'agreement-day');
    if (start.kind === 'fuzzy' || end.kind === 'fuzzy') present.add('fuzzy');
  }
  for (const visit of visits) present.add(visit.exact ? 'visit-exact' : 'visit-fuzzy');
  return LEGEND_KEYS.filter((key) => present.has(key));
}
