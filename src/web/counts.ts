import type { LogCounts } from '../store/relations';

/**
 * What the counts of a relation count, in words, the same on every page: its facts on record (live: what the
 * timeline shows) and the events of its log, which also holds the facts since retracted and the corrections
 * and retractions themselves.
 */

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "the log holds 90 events: 88 facts as recorded, 2 of them since retracted, and 2 corrections and retractions". */
export function logInWords(facts: number, log: LogCounts): string {
  const recorded = log.events - log.amendments;
  const withdrawn = recorded - facts;
  if (log.amendments === 0) return `the log holds ${plural(log.events, 'event')}, all of them facts on record`;
  return `the log holds ${plural(log.events, 'event')}: ${plural(recorded, 'fact')} as recorded${withdrawn ? `, ${withdrawn} of them since retracted,` : ''}` +
    ` and ${plural(log.amendments, 'correction or retraction', 'corrections and retractions')}`;
}
