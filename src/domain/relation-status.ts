import { whenInWords } from './agreements';
import { occurredInWords, type DatedFact } from './dates';
import { clause, type ReasonClause } from './reasons';

/**
 * Whether relations were open on a day, from the events that established, severed or restored
 * them. Pure. A change dated only to a month or a year may or may not have happened yet on a day
 * inside that month or year: the answer then says so instead of guessing.
 *
 * A source may also qualify the state of relations over a span without changing it (relations
 * "practically non-existent" during a revolution; sources that differ on whether they were
 * established again): such a qualifier holds on every day its date can mean, beside the status,
 * never in place of it, so that no break is invented where the source dates none.
 */

export const RELATION_CHANGES = ['established', 'severed', 'restored'] as const;
export type RelationChange = (typeof RELATION_CHANGES)[number];
export const RELATION_STATES = [...RELATION_CHANGES, 'not_established', 'unknown'] as const;
export type RelationState = (typeof RELATION_STATES)[number];

/** What a source may say of the state of relations over a span, without changing it. */
export const RELATION_QUALIFIERS = ['practically_non_existent', 'sources_differ'] as const;
export type RelationQualifier = (typeof RELATION_QUALIFIERS)[number];

/** A qualifier as a reader is told it: "practically non-existent", "the sources differ". */
export const QUALIFIER_WORDS: Record<RelationQualifier, string> = {
  practically_non_existent: 'practically non-existent',
  sources_differ: 'the sources differ',
};

/** A period of relations as a heading names it. */
export const PERIOD_NAMES: Record<RelationChange, string> = {
  established: 'Relations established',
  severed: 'Relations severed',
  restored: 'Relations restored',
};

export interface StatusChange<E> extends DatedFact {
  change: RelationChange;
  sortDay: string;
  position: number;
  event: E;
}

export interface StatusQualifier<E> extends DatedFact {
  qualifier: RelationQualifier;
  position: number;
  event: E;
}

/** A qualifier as the status view answers it: which, and the event that says so (with its date). */
export interface QualifierOf<E> {
  qualifier: RelationQualifier;
  event: E;
}

export interface RelationStatusOn<E> {
  status: RelationState;
  reason: string;
  /** The reason in parts, for other languages than the log's. */
  because: ReasonClause[];
  /** The last change certainly made by that day. */
  event: E | null;
  /** A later change that may or may not have happened by that day. */
  possibleChange: E | null;
  /** What the sources say of relations on that day without changing them. */
  qualifiers: QualifierOf<E>[];
}

export interface StatusPeriod<E> {
  status: RelationChange;
  from: string;
  until: string | null;
  event: E;
  /** The qualifiers that hold on some day of the period. */
  qualifiers: QualifierOf<E>[];
}

const ordered = <E>(changes: StatusChange<E>[]) =>
  [...changes].sort((a, b) => a.sortDay.localeCompare(b.sortDay) || a.position - b.position);

const VERB: Record<RelationChange, string> = { established: 'established', severed: 'severed', restored: 'restored' };

/** The qualifiers that hold on a day: every day their date can mean (`/2023` from the beginning, `1990/` on). */
export function qualifiersOn<E>(qualifiers: StatusQualifier<E>[], day: string): StatusQualifier<E>[] {
  return qualifiers.filter((q) => (q.earliest === null || q.earliest <= day) && (q.latest === null || day <= q.latest));
}

const qualifierOf = <E>({ qualifier, event }: StatusQualifier<E>): QualifierOf<E> => ({ qualifier, event });

/** "; during 1910–August 1924 they were practically non-existent": what the qualifiers of a day add to its reason. */
function qualifiedReason(qualifiers: StatusQualifier<unknown>[]): string {
  return qualifiers.map((q) => q.qualifier === 'sources_differ'
    ? `; for ${occurredInWords(q.occurred)} ${QUALIFIER_WORDS[q.qualifier]}`
    : `; during ${occurredInWords(q.occurred)} they were ${QUALIFIER_WORDS[q.qualifier]}`).join('');
}

/** The same, in parts: a clause per qualifier, with the words of its date. */
const qualifierClauses = (qualifiers: StatusQualifier<unknown>[]): ReasonClause[] =>
  qualifiers.map((q) => clause(`qualifier.${q.qualifier}`, { date: { date: q.occurred } }));

/** The status on a day, with what qualifies it. */
export function relationStatusOn<E>(changes: StatusChange<E>[], day: string, qualifiers: StatusQualifier<E>[] = []): RelationStatusOn<E> {
  const status = unqualifiedStatusOn(changes, day);
  const holding = qualifiersOn(qualifiers, day);
  return {
    ...status,
    reason: status.reason + qualifiedReason(holding),
    because: [...status.because, ...qualifierClauses(holding)],
    qualifiers: holding.map(qualifierOf),
  };
}

function unqualifiedStatusOn<E>(changes: StatusChange<E>[], day: string): Omit<RelationStatusOn<E>, 'qualifiers'> {
  const inOrder = ordered(changes);
  // Certainly happened: the last day it can mean is on or before the day. Every change after it
  // in order then ends after the day; the first of those that may already have begun is in doubt.
  const certainIndex = inOrder.findLastIndex((change) => change.latest !== null && change.latest <= day);
  const certain = certainIndex >= 0 ? inOrder[certainIndex] : null;
  const possible = inOrder
    .slice(certainIndex + 1)
    .find((change) => change.earliest === null || change.earliest <= day) ?? null;
  const on = occurredInWords(day);
  const wereSo = (change: StatusChange<E>) => clause(`relations.${change.change}`, { when: { when: change } });
  if (possible) {
    const was = certain ? `relations were ${VERB[certain.change]} ${whenInWords(certain)} and ` : '';
    return {
      status: 'unknown',
      reason: `${was}${VERB[possible.change]} ${whenInWords(possible)}; whether that had happened by ${on} is not known`,
      because: [...(certain ? [wereSo(certain)] : []), clause(`maybe.${possible.change}`, { when: { when: possible }, day: { day } })],
      event: certain?.event ?? null,
      possibleChange: possible.event,
    };
  }
  if (!certain) {
    const first = inOrder[0];
    const reason = first
      ? `relations were first ${VERB[first.change]} ${whenInWords(first)}, after ${on}`
      : 'no event of the log establishes relations';
    const because = [first ? clause(`firstAfter.${first.change}`, { when: { when: first }, day: { day } }) : clause('none')];
    return { status: 'not_established', reason, because, event: null, possibleChange: null };
  }
  return {
    status: certain.change,
    reason: `relations were ${VERB[certain.change]} ${whenInWords(certain)}`,
    because: [wereSo(certain)],
    event: certain.event,
    possibleChange: null,
  };
}

/**
 * The periods over time: each change begins one, which lasts until the next, with the qualifiers that
 * hold on some day the period certainly covers: after the last day its change can mean and before the
 * first day the next one can (a qualifier that ends in the month relations changed is not the next period's).
 */
export function relationStatusPeriods<E>(changes: StatusChange<E>[], qualifiers: StatusQualifier<E>[] = []): StatusPeriod<E>[] {
  const inOrder = ordered(changes);
  return inOrder.map((change, index) => {
    const next = inOrder[index + 1];
    const overlapping = qualifiers.filter((q) =>
      (q.latest === null || change.latest === null || q.latest > change.latest) &&
      (next === undefined || q.earliest === null || next.earliest === null || q.earliest < next.earliest));
    return {
      status: change.change,
      from: change.occurred,
      until: next?.occurred ?? null,
      event: change.event,
      qualifiers: overlapping.map(qualifierOf),
    };
  });
}
