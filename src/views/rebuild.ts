import type { Db } from '../store/db';
import { logPage } from '../store/events';
import { PROJECTORS, projectEvent } from './projectors';

/** Another rebuild holds the lease. */
export class RebuildInProgress extends Error {}

export interface RebuildReport {
  /** Events replayed: every event of the log, amendments included. */
  events: number;
  /** The position of the last event replayed. */
  throughPosition: number;
  /** D1 calls the rebuild made (reads of the log, writes of the fresh tables, the swap). */
  calls: number;
  milliseconds: number;
  views: { view: string; version: number }[];
}

export interface RebuildOptions {
  /** Events read per page of the log; their statements are written in one batch. */
  pageSize?: number;
}

// Renewed with every page written, so it only runs out when a rebuild has stopped (a restart, a crash).
const LEASE_MS = 60 * 1000;
const MAX_CATCH_UPS = 50;

interface SchemaObject {
  type: 'table' | 'index';
  name: string;
  tbl_name: string;
  sql: string;
}

/**
 * Replays the whole log in position order through the same projectors into fresh tables and swaps
 * them in, in one transaction. Reads the log page by page and writes each page's rows in one batch.
 * If events are appended meanwhile (they go to the live tables), the swap refuses, the rebuild
 * replays them too and tries again, so the views it swaps in always cover the whole log.
 */
export async function rebuildViews(db: Db, options: RebuildOptions = {}): Promise<RebuildReport> {
  const pageSize = options.pageSize ?? 1000;
  const started = Date.now();
  const callsBefore = db.calls;
  const holder = crypto.randomUUID();
  const schema = await acquireLease(db, holder);
  let swapped = false;
  try {
    const tables = schema.filter((object) => object.type === 'table');
    await db.batch(tables.flatMap((table) => freshTable(db, table)));
    let after = 0;
    let events = 0;
    for (let attempt = 0; ; attempt += 1) {
      const replayed = await replayLog(db, holder, after, pageSize);
      after = replayed.after;
      events += replayed.events;
      if (await swapIn(db, holder, schema, events, after)) break;
      if (attempt >= MAX_CATCH_UPS) throw new Error('the log kept growing faster than the rebuild could catch up');
    }
    swapped = true;
    return {
      events,
      throughPosition: after,
      calls: db.calls - callsBefore,
      milliseconds: Date.now() - started,
      views: PROJECTORS.map(({ name, version }) => ({ view: name, version })),
    };
  } finally {
    if (!swapped) await db.batch([releaseLease(db, holder)]).catch(() => undefined);
  }
}

const VIEW_TABLES = PROJECTORS.flatMap((projector) => projector.tables);

/** Takes the lease unless another rebuild holds an unexpired one; reads the views' definitions in the same call. */
async function acquireLease(db: Db, holder: string): Promise<SchemaObject[]> {
  const now = new Date();
  const [lease, schema] = await db.batch([
    db.prepare(
      `INSERT INTO view_rebuild_lease (id, holder, expires) VALUES (1, ?1, ?2)
       ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
       WHERE view_rebuild_lease.expires < ?3
       RETURNING holder`,
      holder, new Date(now.getTime() + LEASE_MS).toISOString(), now.toISOString(),
    ),
    db.prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
       WHERE tbl_name IN (SELECT value FROM json_each(?1)) AND sql IS NOT NULL
       ORDER BY type DESC, name`,
      JSON.stringify(VIEW_TABLES),
    ),
  ]);
  if (!lease.results.length) throw new RebuildInProgress('another rebuild of the views is running');
  return schema.results as SchemaObject[];
}

/**
 * Renews the lease, and aborts the batch it leads if another rebuild has taken it meanwhile (the
 * insert then collides with that rebuild's row), so a rebuild never writes into another's tables.
 */
function holdLease(db: Db, holder: string): D1PreparedStatement[] {
  const expires = new Date(Date.now() + LEASE_MS).toISOString();
  return [
    db.prepare(
      `INSERT INTO view_rebuild_lease (id, holder, expires) SELECT 1, ?1, ?2
       WHERE NOT EXISTS (SELECT 1 FROM view_rebuild_lease WHERE holder = ?1)`,
      holder, expires,
    ),
    db.prepare('UPDATE view_rebuild_lease SET expires = ?2 WHERE holder = ?1', holder, expires),
  ];
}

function releaseLease(db: Db, holder: string): D1PreparedStatement {
  return db.prepare('DELETE FROM view_rebuild_lease WHERE holder = ?1', holder);
}

/** An empty copy of a view table, defined as the migration defines the live one (secondary indexes come at the swap). */
function freshTable(db: Db, table: SchemaObject): D1PreparedStatement[] {
  const definition = table.sql.replace(/^CREATE TABLE\s+("?)(\w+)\1/i, `CREATE TABLE ${table.name}_next`);
  return [db.prepare(`DROP TABLE IF EXISTS ${table.name}_next`), db.prepare(definition)];
}

/** Replays the log after `after` into the fresh tables: one read and one write per page. */
async function replayLog(db: Db, holder: string, after: number, pageSize: number) {
  let events = 0;
  for (;;) {
    const page = await logPage(db, after, pageSize);
    if (!page.length) return { after, events };
    try {
      await db.batch([...holdLease(db, holder), ...page.flatMap((event) => projectEvent(db, event, '_next'))]);
    } catch (error) {
      if (await holdsLease(db, holder)) throw error;
      throw new RebuildInProgress('the rebuild lost its lease to another');
    }
    events += page.length;
    after = page[page.length - 1].position;
    if (page.length < pageSize) return { after, events };
  }
}

async function holdsLease(db: Db, holder: string): Promise<boolean> {
  const lease = await db.first<{ holder: string }>(db.prepare('SELECT holder FROM view_rebuild_lease WHERE id = 1'));
  return lease?.holder === holder;
}

/**
 * Swaps the fresh tables in, in one transaction. False when the log has moved past `through`
 * (the guard row's CHECK aborts the batch), so the caller replays the rest and tries again.
 */
async function swapIn(db: Db, holder: string, schema: SchemaObject[], events: number, through: number) {
  const tables = schema.filter((object) => object.type === 'table');
  const indexes = schema.filter((object) => object.type === 'index');
  try {
    await db.batch([
      db.prepare(
        `INSERT INTO view_rebuilds (rebuilt, events, through_position, log_position, holds_lease)
         VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(position), 0) FROM events),
           (SELECT COUNT(*) FROM view_rebuild_lease WHERE holder = ?4))`,
        new Date().toISOString(), events, through, holder,
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
      releaseLease(db, holder),
    ]);
    return true;
  } catch (error) {
    const state = await db.first<{ holder: string | null; last: number }>(
      db.prepare(
        `SELECT (SELECT holder FROM view_rebuild_lease) AS holder, (SELECT COALESCE(MAX(position), 0) FROM events) AS last`,
      ),
    );
    if (state?.holder !== holder) throw new RebuildInProgress('the rebuild lost its lease to another');
    if (state.last > through) return false;
    throw error;
  }
}
