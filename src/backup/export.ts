import type { Db } from '../store/db';
import { logExtent, storedEventPage } from '../store/events';
import { columnOf, EXPORT_FORMAT, EXPORT_VERSION, EXPORTED_FIELDS, fileLine, type ExportedEvent, type FileHeader } from './file-format';

/**
 * The whole log as a backup file (./file-format.ts), streamed: one page of the log read, written out and let
 * go at a time, so its memory is one page whatever the size of the log. It reads the log, never the views.
 * The export holds the log up to its last position when it began (later appends wait for the next one): an
 * append-only log needs no lock for a consistent copy.
 */

/** Events read (and held in memory) at a time: one D1 call each. */
export const EXPORT_PAGE_SIZE = 2000;

/** An event as the file holds it, from its row. */
export function exportedEvent(row: Record<string, unknown>): ExportedEvent {
  return Object.fromEntries(EXPORTED_FIELDS.map((field) => [field, row[columnOf(field)]])) as ExportedEvent;
}

export async function exportLog(db: Db, origin: string, exported: string): Promise<{ header: FileHeader; body: ReadableStream<Uint8Array> }> {
  const { events, through } = await logExtent(db);
  const header: FileHeader = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported, origin, through, events };
  const encoder = new TextEncoder();
  let check = '';
  let after = 0;
  let written = 0;
  let ended = false;
  const line = async (members: object) => {
    const next = await fileLine(check, members);
    check = next.check;
    return next.text;
  };
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(await line(header)));
    },
    // Called when what was written before has been taken: one page in memory at a time.
    async pull(controller) {
      if (ended) return;
      const rows = after < through ? await storedEventPage(db, after, through, EXPORT_PAGE_SIZE) : [];
      let text = '';
      for (const row of rows) text += await line(exportedEvent(row));
      written += rows.length;
      if (rows.length) after = rows[rows.length - 1].position as number;
      if (rows.length < EXPORT_PAGE_SIZE || after >= through) {
        // The log is append-only: every position up to `through` was read, so `written` is `events`.
        text += await line({ end: true, events: written });
        ended = true;
        controller.enqueue(encoder.encode(text));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(text));
    },
  }, { highWaterMark: 0 });
  return { header, body };
}
