import type { Words } from '../i18n/words';
import type { LogCounts } from '../store/relations';

/**
 * What the counts of a relation count, in words, the same on every page: its facts on record (live: what the
 * timeline shows) and the events of its log, which also holds the facts since retracted and the corrections
 * and retractions themselves.
 */

/** "the log holds 90 events: 88 facts as recorded, 2 of them since retracted, and 2 corrections and retractions". */
export function logInWords({ t }: Words, facts: number, log: LogCounts): string {
  const recorded = log.events - log.amendments;
  const withdrawn = recorded - facts;
  const events = t('count.events', { count: log.events });
  if (log.amendments === 0) return t('log.allFacts', { events });
  return t(withdrawn ? 'log.withRetracted' : 'log.amended', {
    events,
    recorded: t('count.facts', { count: recorded }),
    withdrawn,
    amendments: t('count.amendments', { count: log.amendments }),
  });
}
