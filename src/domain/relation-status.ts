import { whenInWords, type DatedFact } from './agreements';
import { occurredInWords } from './dates';

/**
 * Whether relations were open on a day, from the events that established, severed or restored
 * them. Pure. A change dated only to a month or a year may or may not have happened yet on a day
 * inside that month or year: the answer then says so instead of guessing.
 */

export const RELATION_CHANGES = ['established', 'severed', 'restored'] as const;
export type RelationChange = (typeof RELATION_CHANGES)[number];
export const RELATION_STATES = [...RELATION_CHANGES, 'not_established', 'unknown'] as const;
export type RelationState = (typeof RELATION_STATES)[number];

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

export interface RelationStatusOn<E> {
  status: RelationState;
  reason: string;
  /** The last change certainly made by that day. */
  event: E | null;
  /** A later change that may or may not have happened by that day. */
  possibleChange: E | null;
}

export interface StatusPeriod<E> {
  status: RelationChange;
  from: string;
  until: string | null;
  event: E;
}

const ordered = <E>(changes: StatusChange<E>[]) =>
  [...changes].sort((a, b) => a.sortDay.localeCompare(b.sortDay) || a.position - b.position);

const VERB: Record<RelationChange, string> = { established: 'established', severed: 'severed', restored: 'restored' };

export function relationStatusOn<E>(changes: StatusChange<E>[], day: string): RelationStatusOn<E> {
  const inOrder = ordered(changes);
  // Certainly happened: the last day it can mean is on or before the day. Every change after it
  // in order then ends after the day; the first of those that may already have begun is in doubt.
  const certainIndex = inOrder.findLastIndex((change) => change.latest !== null && change.latest <= day);
  const certain = certainIndex >= 0 ? inOrder[certainIndex] : null;
  const possible = inOrder
    .slice(certainIndex + 1)
    .find((change) => change.earliest === null || change.earliest <= day) ?? null;
  const on = occurredInWords(day);
  if (possible) {
    const was = certain ? `relations were ${VERB[certain.change]} ${whenInWords(certain)} and ` : '';
    return {
      status: 'unknown',
      reason: `${was}${VERB[possible.change]} ${whenInWords(possible)}; whether that had happened by ${on} is not known`,
      event: certain?.event ?? null,
      possibleChange: possible.event,
    };
  }
  if (!certain) {
    const first = inOrder[0];
    const reason = first
      ? `relations were first ${VERB[first.change]} ${whenInWords(first)}, after ${on}`
      : 'no event of the log establishes relations';
    return { status: 'not_established', reason, event: null, possibleChange: null };
  }
  return {
    status: certain.change,
    reason: `relations were ${VERB[certain.change]} ${whenInWords(certain)}`,
    event: certain.event,
    possibleChange: null,
  };
}

/** The periods over time: each change begins one, which lasts until the next. */
export function relationStatusPeriods<E>(changes: StatusChange<E>[]): StatusPeriod<E>[] {
  const inOrder = ordered(changes);
  return inOrder.map((change, index) => ({
    status: change.change,
    from: change.occurred,
    until: inOrder[index + 1]?.occurred ?? null,
    event: change.event,
  }));
}
