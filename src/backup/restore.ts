import { DEFAULT_PAGE_SIZE, startRebuild, type RebuildParams } from '../rebuild-workflow';
import type { Db } from '../store/db';
import { selectRelationNames } from '../store/relations';
import {
  advanceRestore, claimRestore, commitPage, completedRestoreOf, completeRestore, endRestore,
  recordRestoreRebuild, restoreById, restoreHold, stageEvent, type RestoreRow,
} from '../store/restores';
import { markViewsStale } from '../views/freshness';
import { checkChunk, isRefusal, type LineRefusal } from './check-lines';
import { columnOf, EXPORTED_FIELDS, type ExportedEvent } from './file-format';
import { placeEvents } from './place-events';

/**
 * Restoring the log from a backup file, in three moves a client makes: it asks for the restore of a file
 * (named by the check of its last line), sends the file's lines in chunks, each checked against the line
 * before it and against the log, then commits. Events the log lacks are staged, and go into the log, at their
 * own positions, only once the whole file has arrived and proved itself: a file cut short or changed is
 * refused, at the line where it happened, before anything is written. Events the log already holds exactly
 * as the file has them are matched, not written again: restoring the same file twice writes nothing twice,
 * and a restore cut short carries on. A log that holds any other event refuses the file. While a restore is
 * active nothing else is appended (migrations/0016). The views are rebuilt from the restored log.
 */

/** Staged events moved into the log per D1 call. */
export const COMMIT_PAGE_SIZE = 5000;

const COLUMNS = EXPORTED_FIELDS.map(columnOf);

export type OpenOutcome =
  | { outcome: 'created' | 'resumed' | 'restored'; run: RestoreRow }
  | { outcome: 'busy'; run: RestoreRow };

/** Begins the restore of a file, or finds it begun (or done) already. */
export async function openRestore(db: Db, request: { lines: number; check: string }, now: Date): Promise<OpenOutcome> {
  const done = await completedRestoreOf(db, request.check);
  // This file was restored already: its events are in the log for good.
  if (done) return { outcome: 'restored', run: done };
  const { run, claimed } = await claimRestore(db, {
    id: crypto.randomUUID(), fileCheck: request.check, lines: request.lines, started: now.toISOString(),
  });
  if (claimed) return { outcome: 'created', run };
  if (run.file_check === request.check && run.lines === request.lines) return { outcome: 'resumed', run };
  return { outcome: 'busy', run };
}

export type ReceiveOutcome =
  | { outcome: 'received'; run: RestoreRow }
  | { outcome: 'refused'; run: RestoreRow; refusal: LineRefusal; differs: boolean }
  | { outcome: 'out-of-order'; run: RestoreRow }
  | { outcome: 'not-receiving'; run: RestoreRow }
  | { outcome: 'not-found' };

/** Checks the lines of a chunk, from line `from` of the file, and stages the events the log lacks. */
export async function receiveLines(db: Db, id: string, from: number, texts: string[], now: Date): Promise<ReceiveOutcome> {
  const run = await restoreById(db, id);
  if (!run) return { outcome: 'not-found' };
  if (run.state !== 'receiving') return { outcome: 'not-receiving', run };
  if (from !== run.received + 1) return { outcome: 'out-of-order', run };
  const refused = async (refusal: LineRefusal, differs: boolean): Promise<ReceiveOutcome> => {
    await endRestore(db, run.id, 'refused', now.toISOString(), refusal);
    return { outcome: 'refused', run: (await restoreById(db, id))!, refusal, differs };
  };

  const chunk = await checkChunk(texts, {
    lines: run.lines, fileCheck: run.file_check, received: run.received, lastCheck: run.last_check,
    lastPosition: run.last_position, events: run.events, through: run.through,
  });
  if (isRefusal(chunk)) return refused(chunk, false);

  const placed = chunk.events.length ? await placeEvents(db, run, chunk.events) : { matched: 0, staged: [] };
  if ('refusal' in placed) return refused(placed.refusal, placed.differs);

  const received = run.received + texts.length;
  const progress = {
    received,
    last_check: chunk.lastCheck,
    last_position: chunk.lastPosition,
    matched: run.matched + placed.matched,
    staged: run.staged + placed.staged.length,
    state: chunk.end ? 'received' as const : 'receiving' as const,
    events: chunk.header?.events ?? null,
    through: chunk.header?.through ?? null,
  };
  try {
    await db.batch([
      restoreHold(db, run),
      ...placed.staged.map((event) => stageEvent(db, rowOf(event))),
      advanceRestore(db, run.id, progress),
    ]);
  } catch (error) {
    // The hold aborted it: another request moved the run on meanwhile.
    const moved = await restoreById(db, id);
    if (moved && (moved.received !== run.received || moved.state !== 'receiving')) return { outcome: 'out-of-order', run: moved };
    throw error;
  }
  return { outcome: 'received', run: (await restoreById(db, id))! };
}

/**
 * An event of the file as a row of `events`: each field in its column, lists and objects as JSON. A field the
 * file lacks (one added to the log after the file was made) is left to the column's default.
 */
function rowOf(event: ExportedEvent): Record<string, unknown> {
  return Object.fromEntries(EXPORTED_FIELDS.filter((field) => event[field] !== undefined).map((field) => {
    const value = event[field];
    return [columnOf(field), value !== null && typeof value === 'object' ? JSON.stringify(value) : value];
  }));
}

export type CommitOutcome =
  | { outcome: 'complete'; run: RestoreRow; relations: string[] }
  | { outcome: 'not-ready'; run: RestoreRow }
  | { outcome: 'not-found' };

/**
 * Moves the staged events into the log, a page per D1 call (a commit cut short carries on when asked again),
 * ends the restore, and starts the rebuild of the views from the restored log; the views are also marked
 * stale, so that should the rebuild not start, the next read starts one. Committing a complete restore again
 * changes nothing.
 */
export async function commitRestore(
  db: Db, id: string, workflow: Workflow<RebuildParams>, now: Date,
): Promise<CommitOutcome> {
  let run = await restoreById(db, id);
  if (!run) return { outcome: 'not-found' };
  if (run.state === 'complete') return { outcome: 'complete', run, relations: [] };
  if (run.state !== 'received') return { outcome: 'not-ready', run };
  while (run.committed < run.staged) {
    const count = Math.min(COMMIT_PAGE_SIZE, run.staged - run.committed);
    await db.batch(commitPage(db, run, COLUMNS, count));
    run = { ...run, committed: run.committed + count };
  }
  const statements = completeRestore(db, run, now.toISOString());
  if (run.staged > 0) statements.push(markViewsStale(db));
  const results = await db.batch<{ relation: string }>([...statements, selectRelationNames(db)]);
  const relations = results[results.length - 1].results.map((row) => row.relation);
  if (run.staged > 0) {
    const { rebuild } = await startRebuild(db, workflow, { reason: 'restored from a backup', pageSize: DEFAULT_PAGE_SIZE });
    await recordRestoreRebuild(db, id, rebuild.id);
  }
  return { outcome: 'complete', run: (await restoreById(db, id))!, relations };
}

export type CancelOutcome = { outcome: 'cancelled' | 'not-active' | 'committing'; run: RestoreRow } | { outcome: 'not-found' };

/** Ends a restore that has written nothing to the log yet; its staged events go. */
export async function cancelRestore(db: Db, id: string, now: Date): Promise<CancelOutcome> {
  const run = await restoreById(db, id);
  if (!run) return { outcome: 'not-found' };
  if (!run.active) return { outcome: 'not-active', run };
  if (run.committed > 0) return { outcome: 'committing', run };
  await endRestore(db, run.id, 'cancelled', now.toISOString());
  return { outcome: 'cancelled', run: (await restoreById(db, id))! };
}
