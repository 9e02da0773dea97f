import type { QualifierOf, StatusPeriod } from '../../domain/relation-status';
import type { AgreementView } from '../../views/agreements/queries';
import type { StatusEvent } from '../../views/relation-status/queries';
import type { Visit } from './rows';
import { dayNumber, edgeEnd, edgeOf, edgeStart, spanOf, type Edge, type TimeScale } from './time-scale';
import { pixels } from './widths';

/**
 * Where each mark lies along time, as the sources date it: a period of relations, an agreement's
 * bar, a visit. Horizontal geometry only (fractions of the width); the rows are laid out elsewhere.
 */

/** How a bar or a period ends: on a day; somewhere in a month or year; running on; or not given by the source. */
export type End =
  | { kind: 'day'; x: number }
  | { kind: 'fuzzy'; x0: number; x1: number }
  | { kind: 'open'; x: number }
  | { kind: 'unknown'; x: number };

export interface PeriodSegment {
  period: StatusPeriod<StatusEvent>;
  start: Edge;
  end: End;
}

/** A qualifier of relations over every day its date can mean, under the periods it qualifies. */
export interface QualifierMark {
  qualifier: QualifierOf<StatusEvent>;
  x0: number;
  x1: number;
}

export interface AgreementBar {
  agreement: AgreementView;
  start: Edge;
  /** `known` while its validity is stated (a day or indefinite); `unknown` when the source does not give it. */
  body: 'known' | 'unknown';
  end: End;
}

export interface VisitMark {
  visit: Visit;
  /** The days its date can mean, and its middle, where the mark is drawn. */
  x0: number;
  x1: number;
  x: number;
  /** Dated to a day: drawn solid; otherwise hollow, over the span it can mean. */
  exact: boolean;
}

/** How far a bar whose validity is not given is drawn, fading into a question mark. */
export const UNKNOWN_TAIL = pixels(22);
/** Room a mark at the end of a bar takes: the arrow of an open end, the question mark of an unknown one. */
export const END_MARK = pixels(10);
const MIN_BAR = pixels(3);

const endOf = (edge: Edge): End => (edge.kind === 'sharp' ? { kind: 'day', x: edge.x } : { kind: 'fuzzy', x0: edge.x0, x1: edge.x1 });
export const endStart = (end: End) => (end.kind === 'fuzzy' ? end.x0 : end.x);
export const endEnd = (end: End) => (end.kind === 'fuzzy' ? end.x1 : end.x);

/** The stretch of a period known for certain: from the last day its start can mean to the first its end can. */
export const bodySpan = ({ start, end }: PeriodSegment) => endStart(end) - edgeEnd(start);

/** The periods of relations, each from the change that began it to the next one, the last running on. */
export function periodSegments(scale: TimeScale, periods: StatusPeriod<StatusEvent>[]): PeriodSegment[] {
  return periods.map((period) => ({
    period,
    start: edgeOf(scale, period.from),
    end: period.until ? endOf(edgeOf(scale, period.until)) : { kind: 'open', x: scale.x(scale.until) },
  }));
}

export function qualifierMark(scale: TimeScale, qualifier: QualifierOf<StatusEvent>): QualifierMark {
  const { x0, x1 } = spanOf(scale, qualifier.event.occurred);
  return { qualifier, x0, x1: Math.max(x1, x0 + MIN_BAR) };
}

/** An agreement from its signing to the end of its validity, or to its ending when that came first. */
export function agreementBar(scale: TimeScale, agreement: AgreementView): AgreementBar {
  const start = edgeOf(scale, agreement.signed);
  const { validUntil, ended } = agreement;
  const body = validUntil === null ? 'unknown' : 'known';
  const expires = validUntil === null || validUntil === 'indefinite' ? null : scale.x(dayNumber(validUntil) + 1);
  const ending = ended ? edgeOf(scale, ended.occurred) : null;
  let end: End;
  if (ending && (expires === null || edgeStart(ending) < expires)) end = endOf(ending);
  else if (expires !== null) end = { kind: 'day', x: expires };
  else if (validUntil === 'indefinite') end = { kind: 'open', x: scale.x(scale.until) };
  else end = { kind: 'unknown', x: Math.min(edgeEnd(start) + UNKNOWN_TAIL, scale.x(scale.until)) };
  const least = edgeEnd(start) + MIN_BAR;
  if (end.kind !== 'fuzzy' && end.x < least) end = { ...end, x: least };
  return { agreement, start, body, end };
}

/** The extent a bar takes in its lane, with the mark at its end. */
export function barExtent(bar: AgreementBar): { x0: number; x1: number } {
  const mark = bar.end.kind === 'open' || bar.end.kind === 'unknown' ? END_MARK : 0;
  return { x0: edgeStart(bar.start), x1: endEnd(bar.end) + mark };
}

export function visitMark(scale: TimeScale, visit: Visit): VisitMark {
  const { x0, x1, exact } = spanOf(scale, visit.occurred);
  return { visit, x0, x1, x: (x0 + x1) / 2, exact };
}
