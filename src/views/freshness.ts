import type { Db } from '../store/db';
import { selectVersion } from '../store/relations';
import { PROJECTORS } from './projectors';

/**
 * The read side's check of the views: every read batch also reads the projector versions the views were
 * built with. When one differs from this code's (a projector changed, or the views were created on an
 * existing log), the views are still served as they are, and the request starts a rebuild
 * (`db.staleViews`, src/app.ts), which swaps the new views in when it is done.
 */

/** True when every view was built by the projector version this code has. */
export function viewsAreCurrent(stored: { view: string; version: number }[]): boolean {
  const versions = new Map(stored.map((row) => [row.view, row.version]));
  return PROJECTORS.every((projector) => versions.get(projector.name) === projector.version);
}

/** The versions the views were built with, as a statement, for `viewsAreCurrent`. */
export const viewVersions = (db: Db) => db.prepare('SELECT view, version FROM view_versions');

/** A row as D1 answers it: column names to values. */
export type Row = Record<string, unknown>;

/** Runs the reads of a view request in one batch together with the check of the views' versions. */
export async function readViews(db: Db, reads: D1PreparedStatement[]): Promise<D1Result<Row>[]> {
  const [versions, ...results] = await db.batch<Row>([viewVersions(db), ...reads]);
  if (!viewsAreCurrent(versions.results as unknown as { view: string; version: number }[])) db.staleViews = true;
  return results;
}

/** The reads of a view of one relation, in the same call; null when the relation has no events. */
export async function readRelationViews(db: Db, relation: string, reads: D1PreparedStatement[]): Promise<D1Result<Row>[] | null> {
  const [known, ...results] = await readViews(db, [selectVersion(db, relation), ...reads]);
  return known.results.length ? results : null;
}

/**
 * Marks every view as built by no projector version, so that the next read (or the cron) starts a rebuild:
 * for when the log has changed under the views, as a restore changes it.
 */
export const markViewsStale = (db: Db) => db.prepare('UPDATE view_versions SET version = 0');
