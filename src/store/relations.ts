import { AMENDMENT_TYPES_SQL } from './amendment-types';
import { relationDisplayName } from '../domain/relation';
import type { Db } from './db';

/** The relations table: one row per relation (its stream), with its version; and what a reader sees of each. */

export interface RelationSummary {
  relation: string;
  name: string;
  version: number;
  events: number;
  firstOccurred: string | null;
  lastOccurred: string | null;
  created: string;
}

/** Creates the relation on its first event; a no-op afterwards. */
export function openRelation(db: Db, relation: string, recorded: string): D1PreparedStatement {
  return db.prepare(
    'INSERT INTO relations (relation, version, created) VALUES (?1, 0, ?2) ON CONFLICT (relation) DO NOTHING',
    relation, recorded,
  );
}

/** Aborts the batch it is in unless the relation is at `expected`. */
export function requireVersion(db: Db, relation: string, expected: number): D1PreparedStatement {
  return db.prepare('INSERT INTO expected_versions (relation, expected) VALUES (?1, ?2)', relation, expected);
}

export function advanceVersion(db: Db, relation: string, count: number): D1PreparedStatement {
  return db.prepare('UPDATE relations SET version = version + ?2 WHERE relation = ?1', relation, count);
}

export const selectRelationNames = (db: Db) => db.prepare('SELECT relation FROM relations ORDER BY relation');

export function selectVersion(db: Db, relation: string): D1PreparedStatement {
  return db.prepare('SELECT version FROM relations WHERE relation = ?1', relation);
}

interface RelationRow {
  relation: string;
  version: number;
  created: string;
  first_occurred: string | null;
  last_occurred: string | null;
}

// First and last `occurred` of the live facts, in the timeline's own order (the first day a date can mean,
// its end for `/2023`, then the position): corrections happen when recorded, and a retracted fact is no
// longer the relation's first or last. Read from the timeline view, whose index (relation, sort_day,
// position) finds both ends without a scan.
const SUMMARY = `
  SELECT r.relation, r.version, r.created,
    (SELECT occurred FROM view_timeline t WHERE t.relation = r.relation
     ORDER BY t.sort_day, t.position LIMIT 1) AS first_occurred,
    (SELECT occurred FROM view_timeline t WHERE t.relation = r.relation
     ORDER BY t.sort_day DESC, t.position DESC LIMIT 1) AS last_occurred
  FROM relations r`;

function summaryFromRow(row: RelationRow): RelationSummary {
  return {
    relation: row.relation,
    name: relationDisplayName(row.relation),
    version: row.version,
    events: row.version,
    firstOccurred: row.first_occurred,
    lastOccurred: row.last_occurred,
    created: row.created,
  };
}

export async function listRelations(db: Db): Promise<RelationSummary[]> {
  const rows = await db.all<RelationRow>(listRelationsQuery(db));
  return rows.map(summaryFromRow);
}

/** Every relation's summary, as a statement of a batch: read with `relationsFrom`. */
export const listRelationsQuery = (db: Db) => db.prepare(`${SUMMARY} ORDER BY r.relation`);
export const relationsFrom = (result: D1Result) => (result.results as unknown as RelationRow[]).map(summaryFromRow);

/** What the log of a relation holds: its events, and how many of them correct or retract another. */
export interface LogCounts {
  relation: string;
  events: number;
  amendments: number;
}

/** The counts of the log of one relation (a row only if it has events), or of every relation (null). */
export function logCountsQuery(db: Db, relation: string | null): D1PreparedStatement {
  return db.prepare(
    `SELECT r.relation, r.version AS events,
       (SELECT COUNT(*) FROM events e WHERE e.relation = r.relation AND e.type IN (${AMENDMENT_TYPES_SQL})) AS amendments
     FROM relations r WHERE ?1 IS NULL OR r.relation = ?1 ORDER BY r.relation`,
    relation,
  );
}

export async function relationSummary(db: Db, relation: string): Promise<RelationSummary | null> {
  const row = await db.first<RelationRow>(db.prepare(`${SUMMARY} WHERE r.relation = ?1`, relation));
  return row && summaryFromRow(row);
}
