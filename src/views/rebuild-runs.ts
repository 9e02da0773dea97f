import { z } from 'zod';
import type { Db } from '../store/db';

/** The rebuild runs table: one row per rebuild of the views, with its progress; one active at a time. */

export const RebuildStatus = z.object({
  id: z.string(),
  state: z.enum(['queued', 'running', 'complete', 'errored']),
  reason: z.string().describe('why it ran: asked for by an editor, or a projector that changed'),
  pageSize: z.number().int().describe('events replayed per step'),
  total: z.number().int().nullable().describe('events in the log when the replay began'),
  events: z.number().int().describe('events replayed so far'),
  throughPosition: z.number().int().describe('the last position of the log replayed'),
  pages: z.number().int(),
  calls: z.number().int().describe('D1 calls its steps made'),
  started: z.string(),
  finished: z.string().nullable(),
  error: z.string().nullable(),
  links: z.object({ self: z.string() }),
});
export type RebuildStatus = z.output<typeof RebuildStatus>;

export interface RunRow {
  id: string;
  active: number | null;
  state: RebuildStatus['state'];
  reason: string;
  page_size: number;
  total: number | null;
  events: number;
  through_position: number;
  pages: number;
  calls: number;
  started: string;
  progressed: string | null;
  finished: string | null;
  error: string | null;
}

export function statusOf(row: RunRow): RebuildStatus {
  return {
    id: row.id,
    state: row.state,
    reason: row.reason,
    pageSize: row.page_size,
    total: row.total,
    events: row.events,
    throughPosition: row.through_position,
    pages: row.pages,
    calls: row.calls,
    started: row.started,
    finished: row.finished,
    error: row.error,
    links: { self: `/v1/admin/rebuilds/${row.id}` },
  };
}

export interface RunRequest {
  id: string;
  reason: string;
  pageSize: number;
  started: string;
}

/**
 * Makes `request` the active run unless another is active. Answers the active run and whether it is
 * the one asked for. One D1 call.
 */
export async function claimActiveRun(db: Db, request: RunRequest): Promise<{ run: RunRow; claimed: boolean }> {
  const [, active] = await db.batch<RunRow>([
    db.prepare(
      `INSERT INTO view_rebuild_runs (id, active, state, reason, page_size, started) VALUES (?1, 1, 'queued', ?2, ?3, ?4)
       ON CONFLICT DO NOTHING`,
      request.id, request.reason, request.pageSize, request.started,
    ),
    db.prepare('SELECT * FROM view_rebuild_runs WHERE active = 1'),
  ]);
  const run = active.results[0];
  return { run, claimed: run.id === request.id };
}

export async function runById(db: Db, id: string): Promise<RunRow | null> {
  return db.first<RunRow>(db.prepare('SELECT * FROM view_rebuild_runs WHERE id = ?1', id));
}

/** Ends a run that failed: it is no longer active, and says why. */
export async function endFailedRun(db: Db, id: string, error: string): Promise<void> {
  await db.batch([db.prepare(
    `UPDATE view_rebuild_runs SET active = NULL, state = 'errored', error = ?2, finished = ?3 WHERE id = ?1 AND active = 1`,
    id, error.slice(0, 2000), new Date().toISOString(),
  )]);
}
