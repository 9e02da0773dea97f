import type { Db } from '../store/db';
import { logCountsQuery, type LogCounts } from '../store/relations';
import { readViews } from './freshness';
import { anniversariesFrom, anniversariesStatement, type Anniversary } from './on-this-day/queries';
import { allStatusChangesQuery, statusChangesByRelation, statusReport, type RelationStatusReport } from './relation-status/queries';

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

// The live facts of each relation, by the timeline's own order.
const DIRECTORY = `
  SELECT relation, COUNT(*) AS facts,
    (SELECT occurred FROM view_timeline f WHERE f.relation = t.relation ORDER BY sort_day, position LIMIT 1) AS first_occurred,
    (SELECT occurred FROM view_timeline l WHERE l.relation = t.relation ORDER BY sort_day DESC, position DESC LIMIT 1) AS last_occurred
  FROM view_timeline t GROUP BY relation`;

interface DirectoryRow {
  relation: string;
  facts: number;
  first_occurred: string | null;
  last_occurred: string | null;
}

/** The front page as of `today` (YYYY-MM-DD, UTC). One D1 call. */
export async function frontPage(db: Db, today: string): Promise<FrontPage> {
  const [year, month, day] = today.split('-').map(Number);
  const [counts, directory, changes, anniversaries] = await readViews(db, [
    logCountsQuery(db, null), db.prepare(DIRECTORY), allStatusChangesQuery(db), anniversariesStatement(db, { year, month, day }),
  ]);
  const byRelation = statusChangesByRelation(changes);
  const facts = new Map((directory.results as unknown as DirectoryRow[]).map((row) => [row.relation, row]));
  return {
    relations: (counts.results as unknown as LogCounts[]).map((log) => {
      const row = facts.get(log.relation);
      return {
        relation: log.relation,
        facts: row?.facts ?? 0,
        log,
        firstOccurred: row?.first_occurred ?? null,
        lastOccurred: row?.last_occurred ?? null,
        status: statusReport(byRelation.get(log.relation) ?? [], today),
      };
    }),
    anniversaries: anniversariesFrom(anniversaries, year),
  };
}
