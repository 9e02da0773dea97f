import type { Db } from './db';

/**
 * The tables of a restore (migrations/0016): its run, its staged events, and the hold that every batch of it
 * begins with. The events of the file are staged as the `events` table holds them (a row keyed by column);
 * once the whole file has arrived they are moved into the log, page by page.
 */

export type RestoreState = 'receiving' | 'received' | 'complete' | 'refused' | 'cancelled';

export interface RestoreRow {
  id: string;
  active: number | null;
  state: RestoreState;
  file_check: string;
  lines: number;
  received: number;
  last_check: string;
  last_position: number;
  log_through: number;
  events: number | null;
  through: number | null;
  matched: number;
  staged: number;
  committed: number;
  rebuild_id: string | null;
  started: string;
  finished: string | null;
  error: string | null;
  error_line: number | null;
}

export function restoreById(db: Db, id: string): Promise<RestoreRow | null> {
  return db.first<RestoreRow>(db.prepare('SELECT * FROM restore_runs WHERE id = ?1', id));
}

export const selectActiveRestore = (db: Db) => db.prepare('SELECT * FROM restore_runs WHERE active = 1');

/**
 * Begins a run for the file whose last line has `fileCheck`, unless a run is active; answers the active run
 * and whether it is this new one. The log's last position is read in the same statement.
 */
export async function claimRestore(
  db: Db,
  run: { id: string; fileCheck: string; lines: number; started: string },
): Promise<{ run: RestoreRow; claimed: boolean }> {
  const [claimed, active] = await db.batch<RestoreRow>([
    db.prepare(
      `INSERT INTO restore_runs (id, active, state, file_check, lines, log_through, started)
       SELECT ?1, 1, 'receiving', ?2, ?3, (SELECT COALESCE(MAX(position), 0) FROM events), ?4
       WHERE NOT EXISTS (SELECT 1 FROM restore_runs WHERE active = 1)
       RETURNING *`,
      run.id, run.fileCheck, run.lines, run.started,
    ),
    selectActiveRestore(db),
  ]);
  return { run: (claimed.results[0] ?? active.results[0])!, claimed: claimed.results.length > 0 };
}

/** The newest complete restore of a file: its events are in the log. */
export function completedRestoreOf(db: Db, fileCheck: string): Promise<RestoreRow | null> {
  return db.first<RestoreRow>(db.prepare(
    "SELECT * FROM restore_runs WHERE file_check = ?1 AND state = 'complete' ORDER BY started DESC LIMIT 1",
    fileCheck,
  ));
}

/** Aborts the batch it begins unless the run is active, with `received` lines and `committed` events moved. */
export const restoreHold = (db: Db, run: Pick<RestoreRow, 'id' | 'received' | 'committed'>) =>
  db.prepare('INSERT INTO restore_holds (run_id, received, committed) VALUES (?1, ?2, ?3)', run.id, run.received, run.committed);

/** What a chunk of lines must be checked against, in one read: the log's rows and the staged events it touches. */
export function chunkContext(db: Db, run: RestoreRow, first: number, last: number, relations: string[], ids: string[]) {
  return [
    // The log's events in the positions of the chunk (those it held when the restore began).
    db.prepare('SELECT * FROM events WHERE position BETWEEN ?1 AND ?2 ORDER BY position', first, Math.min(last, run.log_through)),
    // Each relation's last version before the chunk, in the log or staged.
    db.prepare(
      `SELECT relation, MAX(version) AS version FROM (
         SELECT relation, version FROM events WHERE position < ?1 AND relation IN (SELECT value FROM json_each(?2))
         UNION ALL
         SELECT relation, version FROM restore_events WHERE relation IN (SELECT value FROM json_each(?2))
       ) GROUP BY relation`,
      first, JSON.stringify(relations),
    ),
    // Where the chunk's ids already are.
    db.prepare(
      `SELECT id, position FROM events WHERE id IN (SELECT value FROM json_each(?1))
       UNION ALL SELECT id, position FROM restore_events WHERE id IN (SELECT value FROM json_each(?1))`,
      JSON.stringify(ids),
    ),
  ];
}

/** Stages one event: `row` is keyed by the columns of `events`. */
export function stageEvent(db: Db, row: Record<string, unknown>): D1PreparedStatement {
  const columns = Object.keys(row);
  return db.prepare(
    `INSERT INTO restore_events (${columns.join(', ')}) VALUES (${columns.map((_, index) => `?${index + 1}`).join(', ')})`,
    ...Object.values(row),
  );
}

/** The run after a chunk: where it now is. */
export function advanceRestore(
  db: Db,
  id: string,
  progress: Pick<RestoreRow, 'received' | 'last_check' | 'last_position' | 'matched' | 'staged' | 'state'> & Pick<RestoreRow, 'events' | 'through'>,
): D1PreparedStatement {
  return db.prepare(
    `UPDATE restore_runs SET received = ?2, last_check = ?3, last_position = ?4, matched = ?5, staged = ?6, state = ?7,
       events = COALESCE(events, ?8), through = COALESCE(through, ?9)
     WHERE id = ?1`,
    id, progress.received, progress.last_check, progress.last_position, progress.matched, progress.staged, progress.state,
    progress.events, progress.through,
  );
}

/** Ends a run, refused (at a line), or cancelled; its staged events go. */
export function endRestore(db: Db, id: string, state: 'refused' | 'cancelled', finished: string, error?: { line: number; detail: string }) {
  return db.batch([
    db.prepare(
      'UPDATE restore_runs SET active = NULL, state = ?2, finished = ?3, error = ?4, error_line = ?5 WHERE id = ?1',
      id, state, finished, error?.detail ?? null, error?.line ?? null,
    ),
    db.prepare('DELETE FROM restore_events'),
  ]);
}

/**
 * Moves the next `count` staged events into the log, after the hold: their relations first (the log's rows
 * point at them; `created` is the time of a relation's first event), then the events at their own positions.
 */
export function commitPage(db: Db, run: RestoreRow, columns: string[], count: number): D1PreparedStatement[] {
  const list = columns.join(', ');
  const page = `(SELECT * FROM restore_events ORDER BY position LIMIT ?1)`;
  return [
    restoreHold(db, run),
    db.prepare(
      `INSERT INTO relations (relation, version, created)
       SELECT relation, MAX(version), COALESCE(MIN(CASE WHEN version = 1 THEN recorded END), MIN(recorded)) FROM ${page}
       GROUP BY relation
       ON CONFLICT (relation) DO UPDATE SET version = MAX(relations.version, excluded.version)`,
      count,
    ),
    db.prepare(`INSERT INTO events (${list}) SELECT ${list} FROM ${page} ORDER BY position`, count),
    db.prepare('DELETE FROM restore_events WHERE position <= (SELECT MAX(position) FROM events)'),
    db.prepare('UPDATE restore_runs SET committed = committed + ?2 WHERE id = ?1', run.id, count),
  ];
}

/** Ends a run whose every staged event is in the log. */
export function completeRestore(db: Db, run: RestoreRow, finished: string): D1PreparedStatement[] {
  return [
    restoreHold(db, run),
    db.prepare("UPDATE restore_runs SET active = NULL, state = 'complete', finished = ?2 WHERE id = ?1", run.id, finished),
  ];
}

export function recordRestoreRebuild(db: Db, id: string, rebuildId: string) {
  return db.batch([db.prepare('UPDATE restore_runs SET rebuild_id = ?2 WHERE id = ?1', id, rebuildId)]);
}
