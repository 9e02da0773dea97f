import type { Db } from '../store/db';
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
  /** Every event of the log, corrections and retractions included: the relation's version. */
  logEvents: number;
  /** EDTF: the first and the last fact in the order things happened (by their first day, an open start by its end). */
  firstOccurred: string | null;
  lastOccurred: string | null;
  status: RelationStatusReport;
}

export interface FrontPage {
  relations: RelationEntry[];
  anniversaries: Anniversary[];
}

// The relations table is the log's (src/store/relations.ts); its version is the number of events of the log.
const DIRECTORY = `
  SELECT r.relation, r.version,
    (SELECT COUNT(*) FROM view_timeline t WHERE t.relation = r.relation) AS facts,
    (SELECT occurred FROM view_timeline t WHERE t.relation = r.relation ORDER BY sort_day, position LIMIT 1) AS first_occurred,
    (SELECT occurred FROM view_timeline t WHERE t.relation = r.relation ORDER BY sort_day DESC, position DESC LIMIT 1) AS last_occurred
  FROM relations r ORDER BY r.relation`;

interface DirectoryRow {
  relation: string;
  version: number;
  facts: number;
  first_occurred: string | null;
  last_occurred: string | null;
}

/** The front page as of `today` (YYYY-MM-DD, UTC). One D1 call. */
export async function frontPage(db: Db, today: string): Promise<FrontPage> {
  const [year, month, day] = today.split('-').map(Number);
  const [directory, changes, anniversaries] = await readViews(db, [
    db.prepare(DIRECTORY), allStatusChangesQuery(db), anniversariesStatement(db, { year, month, day }),
  ]);
  const byRelation = statusChangesByRelation(changes);
  return {
    relations: (directory.results as unknown as DirectoryRow[]).map((row) => ({
      relation: row.relation,
      facts: row.facts,
      logEvents: row.version,
      firstOccurred: row.first_occurred,
      lastOccurred: row.last_occurred,
      status: statusReport(byRelation.get(row.relation) ?? [], today),
    })),
    anniversaries: anniversariesFrom(anniversaries, year),
  };
}
