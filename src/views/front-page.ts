import type { Language } from '../i18n/languages';
import type { Db } from '../store/db';
import { logCountsQuery, type LogCounts } from '../store/relations';
import { readViews } from './freshness';
import { anniversariesFrom, anniversariesStatement, type Anniversary } from './on-this-day/queries';
import { directoryFrom, directoryQueries } from './relation-directory';
import {
  allStatusChangesQuery, allStatusQualifiersQuery, byRelation, statusChangesFrom, statusQualifiersFrom, statusReport, type RelationStatusReport,
} from './relation-status/queries';

/**
 * What the front page shows, in one call: every relation with what it holds (its live facts, the first and
 * last of them in the order things happened, the events of its log) and its status today; and today's
 * anniversaries across relations.
 */

export interface RelationEntry {
  relation: string;
  /** Live facts: what the timeline shows, corrections applied and retractions left out. */
  facts: number;
  /** What its log holds: every event, corrections and retractions included, and those. */
  log: LogCounts;
  /** EDTF: the first and the last fact in the order things happened (by their first day, an open start by its end). */
  firstOccurred: string | null;
  lastOccurred: string | null;
  status: RelationStatusReport;
}

export interface FrontPage {
  relations: RelationEntry[];
  anniversaries: Anniversary[];
}

/** The front page as of `today` (YYYY-MM-DD, UTC), its anniversaries in `language`. One D1 call. */
export async function frontPage(db: Db, today: string, language: Language): Promise<FrontPage> {
  const [year, month, day] = today.split('-').map(Number);
  const directory = directoryQueries(db);
  const [counts, ...read] = await readViews(db, [
    logCountsQuery(db, null), ...directory, allStatusChangesQuery(db, language), allStatusQualifiersQuery(db, language), anniversariesStatement(db, { year, month, day, language }),
  ]);
  const [changes, qualifiers, anniversaries] = read.slice(directory.length);
  const summaries = new Map(directoryFrom(read.slice(0, directory.length)).map((row) => [row.relation, row]));
  const changesOf = byRelation(changes, (result) => statusChangesFrom(result, language));
  const qualifiersOf = byRelation(qualifiers, (result) => statusQualifiersFrom(result, language));
  return {
    relations: (counts.results as unknown as LogCounts[]).map((log) => {
      const summary = summaries.get(log.relation);
      return {
        relation: log.relation,
        facts: summary?.facts ?? 0,
        log,
        firstOccurred: summary?.firstOccurred ?? null,
        lastOccurred: summary?.lastOccurred ?? null,
        status: statusReport(changesOf(log.relation), qualifiersOf(log.relation), today),
      };
    }),
    anniversaries: anniversariesFrom(anniversaries, year, language),
  };
}
