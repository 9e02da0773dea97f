import type { Db } from '../store/db';
import type { RecordedEvent } from '../store/events';

/** What a projector reads of an event: the same whether it is being appended or replayed. */
export type ProjectedEvent = Pick<
  RecordedEvent,
  'id' | 'relation' | 'type' | 'occurred' | 'headline' | 'summary' | 'tags' | 'places' | 'participants' | 'level' | 'data' | 'source'
>;

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
  view: string;
  /** Bump it when what the projector writes changes: the view is then rebuilt before it serves. */
  version: number;
  tables: string[];
  project(db: Db, event: ProjectedEvent, tables: TableSet): D1PreparedStatement[];
}

/** The fact an amendment points at, or null for a fact. */
export function amendedEventId(event: ProjectedEvent): string | null {
  return event.type === 'EventCorrected' || event.type === 'EventRetracted' ? (event.data.eventId as string) : null;
}
