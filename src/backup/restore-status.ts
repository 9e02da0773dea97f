import { z } from 'zod';
import type { RestoreRow } from '../store/restores';
import { LineCheck } from './file-format';

/** What the API says of a restore, and what it takes to begin one. */

export const RestoreRequest = z.strictObject({
  lines: z.number().int().min(2).describe('the lines of the file, its first and last included'),
  check: LineCheck.describe('the check of the file\u2019s last line, which names the file'),
});

export const RestoreStatus = z.object({
  id: z.string(),
  state: z.enum(['receiving', 'received', 'complete', 'refused', 'cancelled'])
    .describe('receiving its lines; received (every line checked, nothing in the log yet); complete (its events are in the log); refused; cancelled'),
  lines: z.number().int().describe('the lines of the file'),
  received: z.number().int().describe('lines received and checked so far: the next chunk begins at the line after'),
  events: z.number().int().nullable().describe('the events the file announces'),
  through: z.number().int().nullable().describe('the last position of the log the file holds'),
  logThrough: z.number().int().describe('the last position of the log when the restore began'),
  matched: z.number().int().describe('events of the file the log already held, exactly as the file has them'),
  staged: z.number().int().describe('events of the file the log lacked: moved into the log once the whole file has been checked'),
  committed: z.number().int().describe('staged events moved into the log'),
  started: z.string(),
  finished: z.string().nullable(),
  error: z.object({ line: z.number().int().nullable(), detail: z.string() }).nullable()
    .describe('why it was refused, and the line of the file'),
  links: z.object({
    self: z.string(),
    lines: z.string().describe('POST the next lines here, from the line after `received`'),
    commit: z.string().describe('POST here once every line is received: the staged events go into the log'),
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
