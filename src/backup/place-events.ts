import type { Db } from '../store/db';
import { fromColumns } from '../store/event-columns';
import { chunkContext, type RestoreRow } from '../store/restores';
import type { LineRefusal } from './check-lines';
import { exportedEvent } from './export';
import type { ExportedEvent } from './file-format';

/** Where the events of a chunk of a backup file go: found in the log already, or staged; or why the file is refused. */

export type Placed = { matched: number; staged: ExportedEvent[] } | { refusal: LineRefusal; differs: boolean };

/**
 * Where each event of a chunk goes, with one read: up to the log's last position, the log must hold exactly
 * that event there (and no event the file lacks); after it, the event is staged, as the next version of its
 * relation, with an id the log and the staged events do not have yet.
 */
export async function placeEvents(db: Db, run: RestoreRow, events: { line: number; event: ExportedEvent }[]): Promise<Placed> {
  const first = events[0].event.position;
  const last = events[events.length - 1].event.position;
  const relations = [...new Set(events.map(({ event }) => event.relation))];
  const [logRows, versionRows, idRows] = await db.batch<Record<string, unknown>>(
    chunkContext(db, run, first, last, relations, events.map(({ event }) => event.id)),
  );
  const inLog = new Map(logRows.results.map((row) => [row.position as number, exportedEvent(fromColumns(row))]));
  const versions = new Map(versionRows.results.map((row) => [row.relation as string, row.version as number]));
  const positionsOfIds = new Map<string, number>();
  for (const row of idRows.results) positionsOfIds.set(row.id as string, row.position as number);

  let matched = 0;
  const staged: ExportedEvent[] = [];
  // The log's positions in the chunk's range, in order: each must meet a line of the file.
  const logPositions = [...inLog.keys()];
  let next = 0;
  for (const { line, event } of events) {
    if (next < logPositions.length && logPositions[next] < event.position) {
      const missing = logPositions[next];
      return differs(line, `the log holds an event at position ${missing} (${inLog.get(missing)!.id}) that the file does not`);
    }
    if (event.position <= run.log_through) {
      const held = inLog.get(event.position);
      if (!held) return differs(line, `the log holds no event at position ${event.position}, where the file has ${event.id}`);
      if (JSON.stringify(held) !== JSON.stringify(event)) {
        return differs(line, `the log holds another event at position ${event.position} (${held.id})`);
      }
      next += 1;
      matched += 1;
    } else {
      const expected = (versions.get(event.relation) ?? 0) + 1;
      if (event.version !== expected) {
        return invalid(line, `version ${event.version} of ${event.relation}, where the file has brought it to ${expected - 1}: versions go 1, 2, 3 … in position order`);
      }
      const elsewhere = positionsOfIds.get(event.id);
      if (elsewhere !== undefined && elsewhere !== event.position) return invalid(line, `the id ${event.id} is the event at position ${elsewhere} already`);
      positionsOfIds.set(event.id, event.position);
      staged.push(event);
    }
    versions.set(event.relation, event.version);
  }
  if (next < logPositions.length) {
    const extra = logPositions[next];
    return differs(events[events.length - 1].line, `the log holds an event at position ${extra} (${inLog.get(extra)!.id}) that the file does not`);
  }
  return { matched, staged };
}

const differs = (line: number, detail: string): Placed => ({
  refusal: { line, detail: `line ${line}: ${detail}: this log is not the one the file was exported from; restore it into an empty log` },
  differs: true,
});
const invalid = (line: number, detail: string): Placed => ({ refusal: { line, detail: `line ${line}: ${detail}` }, differs: false });
