import type { Db } from '../store/db';
import { selectVersion } from '../store/relations';
import { PROJECTORS } from './projectors';
import { RebuildInProgress, rebuildViews } from './rebuild';

/** The read side's guard: a view is read only when it was built by the projector this code has. */

const WAIT_MS = 250;
const MAX_WAITS = 240;

/** True when every view was built by the projector version this code has. */
export function viewsAreCurrent(stored: { view: string; version: number }[]): boolean {
  const versions = new Map(stored.map((row) => [row.view, row.version]));
  return PROJECTORS.every((projector) => versions.get(projector.name) === projector.version);
}

/** A row as D1 answers it: column names to values. */
export type Row = Record<string, unknown>;

/**
 * Runs the reads of a view request in one batch together with the check of the views' versions.
 * When a view is stale (a projector changed, or the views were created on an existing log), it is
 * rebuilt before it serves: one call when current, as every request is, more only that once.
 */
export async function readViews(db: Db, reads: D1PreparedStatement[]): Promise<D1Result<Row>[]> {
  for (let waits = 0; ; ) {
    const [versions, ...results] = await db.batch<Row>([db.prepare('SELECT view, version FROM view_versions'), ...reads]);
    if (viewsAreCurrent(versions.results as unknown as { view: string; version: number }[])) return results;
    try {
      await rebuildViews(db);
    } catch (error) {
      if (!(error instanceof RebuildInProgress) || ++waits > MAX_WAITS) throw error;
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
  }
}

/** The reads of a view of one relation, in the same call; null when the relation has no events. */
export async function readRelationViews(db: Db, relation: string, reads: D1PreparedStatement[]): Promise<D1Result<Row>[] | null> {
  const [known, ...results] = await readViews(db, [selectVersion(db, relation), ...reads]);
  return known.results.length ? results : null;
}
