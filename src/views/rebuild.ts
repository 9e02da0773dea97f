import type { Db } from '../store/db';
import { eventColumns, eventFromRow } from '../store/events';
import { selectRelationNames } from '../store/relations';
import { PROJECTORS, projectEvent } from './projectors';

/**
 * The steps of a rebuild, each a function of the database alone, so that a Workflow can run each as a
 * step of its own (src/rebuild-workflow.ts): make fresh tables, replay the log into them a page at a
 * time, swap them in. Each step can run again after a failure or a restart without doing its work twice:
 * every batch it writes begins with a hold (migrations/0009) that aborts unless the run is the active one
 * and the fresh tables are exactly where the step found them.
 */

/** Another rebuild is active, or this one has ended. */
export class NotTheActiveRebuild extends Error {}

interface SchemaObject {
  type: 'table' | 'index';
  name: string;
  sql: string;
}

const VIEW_TABLES = PROJECTORS.flatMap((projector) => projector.tables);

const hold = (db: Db, runId: string, through: number) =>
  db.prepare('INSERT INTO view_rebuild_holds (run_id, through) VALUES (?1, ?2)', runId, through);

/** The views' tables and indexes as the migrations define them. */
function viewSchema(db: Db): D1PreparedStatement {
  return db.prepare(
    `SELECT type, name, sql FROM sqlite_master
     WHERE tbl_name IN (SELECT value FROM json_each(?1)) AND sql IS NOT NULL ORDER BY type DESC, name`,
    JSON.stringify(VIEW_TABLES),
  );
}

/** Step 1: empty fresh tables (`<table>_next`) defined as the live ones, and the run's starting point. */
export async function prepareFreshTables(db: Db, runId: string): Promise<{ total: number }> {
  const [schema, count] = await db.batch<Record<string, unknown>>([
    viewSchema(db),
    db.prepare('SELECT COUNT(*) AS total FROM events'),
  ]);
  const tables = (schema.results as unknown as SchemaObject[]).filter((object) => object.type === 'table');
  const total = count.results[0].total as number;
  const [started] = await db.batch([
    db.prepare(
      `UPDATE view_rebuild_runs SET state = 'running', total = ?2, events = 0, through_position = 0, pages = 0,
         calls = calls + ?3, progressed = ?4
       WHERE id = ?1 AND active = 1 RETURNING id`,
      runId, total, db.calls + 1, new Date().toISOString(),
    ),
    ...tables.flatMap((table) => [
      db.prepare(`DROP TABLE IF EXISTS ${table.name}_next`),
      // Secondary indexes come at the swap: writing into bare tables is faster. A virtual table (the FTS5
      // index) is copied the same way: SQLite names its shadow tables after it, drops them with it and
      // renames them with it at the swap.
      db.prepare(table.sql.replace(/^CREATE (VIRTUAL )?TABLE\s+("?)(\w+)\2/i, `CREATE $1TABLE ${table.name}_next`)),
    ]),
  ]);
  if (!started.results.length) throw new NotTheActiveRebuild(`the rebuild ${runId} is not the active one`);
  return { total };
}

export interface PageReplayed {
  /** The last position replayed so far. */
  through: number;
  events: number;
  /** No event after `through` when the page was read. */
  done: boolean;
}

/**
 * Step 2, again and again: replays the page of the log that follows where the fresh tables are, and
 * records the run's progress in the same batch. One read and one write.
 */
export async function replayNextPage(db: Db, runId: string, pageSize: number): Promise<PageReplayed> {
  const [runs, page] = await db.batch<Record<string, unknown>>([
    db.prepare('SELECT through_position, events FROM view_rebuild_runs WHERE id = ?1 AND active = 1', runId),
    db.prepare(
      `SELECT ${eventColumns()} FROM events
       WHERE position > (SELECT through_position FROM view_rebuild_runs WHERE id = ?1)
       ORDER BY position LIMIT ?2`,
      runId, pageSize,
    ),
  ]);
  const run = runs.results[0] as { through_position: number; events: number } | undefined;
  if (!run) throw new NotTheActiveRebuild(`the rebuild ${runId} is not the active one`);
  const events = page.results.map(eventFromRow);
  if (!events.length) {
    await db.batch([db.prepare('UPDATE view_rebuild_runs SET calls = calls + ?2 WHERE id = ?1', runId, db.calls + 1)]);
    return { through: run.through_position, events: run.events, done: true };
  }
  const through = events[events.length - 1].position;
  await db.batch([
    hold(db, runId, run.through_position),
    ...events.flatMap((event) => projectEvent(db, event, '_next')),
    db.prepare(
      `UPDATE view_rebuild_runs SET through_position = ?2, events = events + ?3, pages = pages + 1, calls = calls + ?4,
         progressed = ?5
       WHERE id = ?1`,
      runId, through, events.length, db.calls + 1, new Date().toISOString(),
    ),
  ]);
  return { through, events: run.events + events.length, done: events.length < pageSize };
}

/**
 * Step 3: swaps the fresh tables in with their indexes, records the projector versions and ends the run,
 * in one transaction. False when the log has moved past what was replayed (appends meanwhile went to the
 * live views): the run replays the rest and tries again. True, too, when the swap has already happened.
 * Answers the relations, whose cached responses are now stale.
 */
export async function swapIn(db: Db, runId: string): Promise<{ swapped: boolean; relations: string[] }> {
  const [schema, runs] = await db.batch<Record<string, unknown>>([
    viewSchema(db),
    db.prepare('SELECT through_position, active, state FROM view_rebuild_runs WHERE id = ?1', runId),
  ]);
  const run = runs.results[0] as { through_position: number; active: number | null; state: string } | undefined;
  if (run?.state === 'complete') return { swapped: true, relations: relationsOf((await db.batch([selectRelationNames(db)]))[0]) };
  if (!run?.active) throw new NotTheActiveRebuild(`the rebuild ${runId} is not the active one`);
  const objects = schema.results as unknown as SchemaObject[];
  const tables = objects.filter((object) => object.type === 'table');
  const indexes = objects.filter((object) => object.type === 'index');
  let results: D1Result[];
  try {
    results = await db.batch([
      // The whole log must have been replayed: the hold aborts the swap unless the run is through its last position.
      db.prepare(
        `INSERT INTO view_rebuild_holds (run_id, through)
         SELECT ?1, COALESCE(MAX(position), 0) FROM events`,
        runId,
      ),
      ...tables.flatMap((table) => [
        db.prepare(`DROP TABLE ${table.name}`),
        db.prepare(`ALTER TABLE ${table.name}_next RENAME TO ${table.name}`),
      ]),
      ...indexes.map((index) => db.prepare(index.sql)),
      ...PROJECTORS.map(({ name, version }) =>
        db.prepare(
          'INSERT INTO view_versions (view, version) VALUES (?1, ?2) ON CONFLICT (view) DO UPDATE SET version = excluded.version',
          name, version,
        ),
      ),
      db.prepare(
        `UPDATE view_rebuild_runs SET active = NULL, state = 'complete', finished = ?2, calls = calls + ?3 WHERE id = ?1`,
        runId, new Date().toISOString(), db.calls + 1,
      ),
      selectRelationNames(db),
    ]);
  } catch (error) {
    const now = await db.first<{ active: number | null; last: number }>(db.prepare(
      `SELECT (SELECT active FROM view_rebuild_runs WHERE id = ?1) AS active,
         (SELECT COALESCE(MAX(position), 0) FROM events) AS last`,
      runId,
    ));
    if (!now?.active) throw new NotTheActiveRebuild(`the rebuild ${runId} is not the active one`);
    if (now.last > run.through_position) {
      await db.batch([db.prepare('UPDATE view_rebuild_runs SET calls = calls + ?2 WHERE id = ?1', runId, db.calls + 1)]);
      return { swapped: false, relations: [] };
    }
    throw error;
  }
  return { swapped: true, relations: relationsOf(results[results.length - 1]) };
}

const relationsOf = (result: D1Result) => (result.results as { relation: string }[]).map((row) => row.relation);
