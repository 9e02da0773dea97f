import { RecordedEvent, type EventType } from '../domain/catalog';
import { upcast } from '../domain/upcasters';
import type { Db } from './db';
import { fromColumns, toColumn } from './event-columns';
import { selectVersion } from './relations';

/** The events table: the log itself. Its columns are the recorded event's fields (see domain/catalog.ts). */

/** An event about to be appended: everything but what the database assigns. */
export type PendingEvent = Omit<RecordedEvent, 'position' | 'version'> & {
  occurredEarliest: string | null;
  occurredLatest: string | null;
  digest: string;
};

/** The columns that hold a recorded event, in the order of its schema. */
const EVENT_COLUMNS = Object.keys(RecordedEvent.shape) as (keyof RecordedEvent)[];

/** The column list of a SELECT of whole events, each column prefixed with `alias.` when one is given. */
export function eventColumns(alias?: string): string {
  return EVENT_COLUMNS.map((column) => (alias ? `${alias}.${column}` : column)).join(', ');
}

/** A row of the log as the event it holds, its payload upcast to the current version. */
export const eventFromRow = (row: Record<string, unknown>) => upcast(fromColumns<RecordedEvent>(row));

// The database assigns `position`; `version` is the relation's version, read inside the same transaction, plus the offset.
const WRITTEN = EVENT_COLUMNS.filter((column) => column !== 'position' && column !== 'version');
const INSERT_EVENT = `
  INSERT INTO events (version, ${WRITTEN.join(', ')}, occurred_earliest, occurred_latest, digest)
  VALUES ((SELECT version FROM relations WHERE relation = ?1) + ?2,
    ${[...WRITTEN, 'occurred_earliest', 'occurred_latest', 'digest'].map((_, index) => `?${index + 3}`).join(', ')})
  RETURNING id, position, version`;

/** Inserts one event as the `offset`-th of an append batch. */
export function insertEvent(db: Db, event: PendingEvent, offset: number): D1PreparedStatement {
  return db.prepare(
    INSERT_EVENT,
    event.relation, offset, ...WRITTEN.map((column) => toColumn(event[column])),
    event.occurredEarliest, event.occurredLatest, event.digest,
  );
}

export interface StoredIdentity {
  id: string;
  relation: string;
  position: number;
  version: number;
  type: EventType;
  digest: string;
  data: string;
}

export function selectIdentities(db: Db, ids: string[]): D1PreparedStatement {
  return db.prepare(
    `SELECT id, relation, position, version, type, digest, data FROM events
     WHERE id IN (SELECT value FROM json_each(?1))`,
    JSON.stringify(ids),
  );
}


/**
 * The log of one relation in position order, after a position: what a replica or an auditor replays.
 * Null when the relation has no events. One round trip: the relation and the page in one batch.
 */
export async function relationLogPage(db: Db, relation: string, after: number, limit: number) {
  const [known, page] = await db.batch<Record<string, unknown>>([
    selectVersion(db, relation),
    db.prepare(
      `SELECT ${eventColumns()} FROM events WHERE relation = ?1 AND position > ?2 ORDER BY position LIMIT ?3`,
      relation, after, limit,
    ),
  ]);
  if (known.results.length === 0) return null;
  return page.results.map(eventFromRow);
}

/** Every event in position order, page by page: the input of a rebuild. */
export async function logPage(db: Db, after: number, limit: number): Promise<RecordedEvent[]> {
  const rows = await db.all<Record<string, unknown>>(
    db.prepare(`SELECT ${eventColumns()} FROM events WHERE position > ?1 ORDER BY position LIMIT ?2`, after, limit),
  );
  return rows.map(eventFromRow);
}

/** How many events the log holds, and its last position. */
export async function logExtent(db: Db): Promise<{ events: number; through: number }> {
  return (await db.first<{ events: number; through: number }>(
    db.prepare('SELECT COUNT(*) AS events, COALESCE(MAX(position), 0) AS through FROM events'),
  ))!;
}

/**
 * Events after a position and up to another, in position order, exactly as the table holds them: every
 * column under its own name, lists and objects parsed, payloads at their recorded version (never upcast).
 * What a backup keeps.
 */
export async function storedEventPage(db: Db, after: number, through: number, limit: number): Promise<Record<string, unknown>[]> {
  const rows = await db.all<Record<string, unknown>>(
    db.prepare('SELECT * FROM events WHERE position > ?1 AND position <= ?2 ORDER BY position LIMIT ?3', after, through, limit),
  );
  return rows.map((row) => fromColumns(row));
}
