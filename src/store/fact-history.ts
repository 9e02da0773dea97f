import { AMENDMENT_TYPES_SQL } from './amendment-types';
import type { RecordedEvent } from '../domain/catalog';
import type { Db } from './db';
import { eventColumns, eventFromRow } from './events';

/** A fact of the log with the corrections and retractions that point at it: what its page shows. */

/** Found by the partial index `events_amending` (migrations/0018): the same expression and condition. */
const AMENDMENTS = `SELECT ${eventColumns()} FROM events
  WHERE type IN (${AMENDMENT_TYPES_SQL}) AND json_extract(data, '$.eventId') = ?1 ORDER BY position`;

/**
 * The event with this id and the amendments that point at it, oldest first; null when the log has no
 * such event. One D1 call.
 */
export async function eventWithAmendments(db: Db, id: string): Promise<{ event: RecordedEvent; amendments: RecordedEvent[] } | null> {
  const [event, amendments] = await db.batch<Record<string, unknown>>([
    db.prepare(`SELECT ${eventColumns()} FROM events WHERE id = ?1`, id),
    db.prepare(AMENDMENTS, id),
  ]);
  const row = event.results[0];
  return row ? { event: eventFromRow(row), amendments: amendments.results.map(eventFromRow) } : null;
}
