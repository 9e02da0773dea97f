import { z } from 'zod';
import type { RestoreRow } from '../store/restores';
import { LineCheck } from './file-format';

/** What the API says of a restore, and what it takes to begin one. */

export const RestoreRequest = z.strictObject({
  lines: z.number().int().min(2).describe('the lines of the file'),
  check: LineCheck.describe('the check of its last line'),
});

export const RestoreStatus = z.object({
  id: z.string(),
  state: z.enum(['receiving', 'received', 'complete', 'refused', 'cancelled'])
    .describe('received: every line checked, nothing in the log yet; complete: its events are in the log'),
  lines: z.number().int().describe('the lines of the file'),
  received: z.number().int().describe('lines received and checked: send from the next'),
  events: z.number().int().nullable().describe('the events of the file'),
  through: z.number().int().nullable().describe('the file\u2019s last position'),
  logThrough: z.number().int().describe('the log\u2019s last position when the restore began'),
  matched: z.number().int().describe('events the log held already'),
  staged: z.number().int().describe('events the log lacked: written at the commit'),
  committed: z.number().int(),
  started: z.string(),
  finished: z.string().nullable(),
  error: z.object({ line: z.number().int().nullable(), detail: z.string() }).nullable(),
  links: z.object({
    self: z.string(),
    lines: z.string(),
    commit: z.string(),
    rebuild: z.string().nullable().describe('the rebuild of the views it started'),
  }),
});
export type RestoreStatus = z.output<typeof RestoreStatus>;

export function restoreStatusOf(row: RestoreRow): RestoreStatus {
  const self = `/v1/admin/restores/${row.id}`;
  return {
    id: row.id,
    state: row.state,
    lines: row.lines,
    received: row.received,
    events: row.events,
    through: row.through,
    logThrough: row.log_through,
    matched: row.matched,
    staged: row.staged,
    committed: row.committed,
    started: row.started,
    finished: row.finished,
    error: row.error === null ? null : { line: row.error_line, detail: row.error },
    links: {
      self,
      lines: `${self}/lines`,
      commit: `${self}/commit`,
      rebuild: row.rebuild_id && `/v1/admin/rebuilds/${row.rebuild_id}`,
    },
  };
}
