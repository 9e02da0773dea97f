import { isAmendment, type EventContent, type RecordedEvent } from '../domain/catalog';
import type { Db } from '../store/db';

/** What a projector reads of an event: the same whether it is being appended or replayed. */
export type ProjectedEvent = EventContent & Pick<RecordedEvent, 'relation'>;

/**
 * The tables a projector writes: the live ones (`''`), or the fresh ones a rebuild fills before
 * it swaps them in (`'_next'`).
 */
export type TableSet = '' | '_next';

/**
 * A view's projector: a pure function from one event to the statements it writes. The append
 * path and the rebuild call the same function, so a rebuilt view equals the live one row for row.
 */
export interface Projector {
  name: string;
  /** Bump it when what the projector writes changes: the view is then rebuilt before it serves. */
  version: number;
  /** The tables it writes, as migrations/ defines them. */
  tables: string[];
  handle(db: Db, event: ProjectedEvent, tables: TableSet): D1PreparedStatement[];
}

/** The fact an amendment points at, or null for a fact. */
export function amendedEventId(event: ProjectedEvent): string | null {
  return isAmendment(event.type) ? (event.data.eventId as string) : null;
}

/**
 * The statements of a view that copies one row per event from the timeline (where corrections are
 * already applied): a fact is copied when `copies` it; an amendment drops the rows of the event it
 * points at and, for a correction, copies it again. `rowsOf` is the condition that finds the rows of
 * an event, its id being `?1`. A translation changes only the views that keep translated text (`translated`).
 */
export function copiedFromTimeline(
  db: Db,
  event: ProjectedEvent,
  tables: string[],
  copies: boolean,
  copy: (eventId: string) => D1PreparedStatement[],
  rowsOf = 'event_id = ?1',
  translated = false,
): D1PreparedStatement[] {
  const target = amendedEventId(event);
  if (target === null) return copies ? copy(event.id) : [];
  if (event.type === 'EventTranslated' && !translated) return [];
  const forget = tables.map((table) => db.prepare(`DELETE FROM ${table} WHERE ${rowsOf}`, target));
  return event.type === 'EventRetracted' ? forget : [...forget, ...copy(target)];
}
