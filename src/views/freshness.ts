import type { Db } from '../store/db';
import { projectors } from './projectors';
import { RebuildInProgress, rebuildViews } from './rebuild';

const WAIT_MS = 250;
const MAX_WAITS = 240;

/** True when every view was built by the projector version this code has. */
export function viewsAreCurrent(stored: { view: string; version: number }[]): boolean {
  const versions = new Map(stored.map((row) => [row.view, row.version]));
  return projectors().every((projector) => versions.get(projector.view) === projector.version);
}

/**
 * Runs the reads of a view request in one batch together with the check of the views' versions.
 * When a view is stale (a projector changed, or the views were created on an existing log), it is
 * rebuilt before it serves: one call when current, as every request is, more only that once.
 */
export async function readViews(db: Db, reads: D1PreparedStatement[]): Promise<D1Result[]> {
  for (let waits = 0; ; ) {
    const [versions, ...results] = await db.batch([db.prepare('SELECT view, version FROM view_versions'), ...reads]);
    if (viewsAreCurrent(versions.results as { view: string; version: number }[])) return results;
    try {
      await rebuildViews(db);
    } catch (error) {
      if (!(error instanceof RebuildInProgress) || ++waits > MAX_WAITS) throw error;
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
  }
}
