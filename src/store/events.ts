import type { EventType, Level, Source } from '../domain/catalog';
import type { Db } from './db';

/** An event as the log holds it. */
export interface RecordedEvent {
  position: number;
  id: string;
  relation: string;
  version: number;
  type: EventType;
  schema: number;
  occurred: string;
  recorded: string;
  headline: string;
  summary: string | null;
  tags: string[];
  places: string[];
  participants: string[];
  level: Level;
  data: Record<string, unknown>;
  source: Source;
  actor: string;
}

/** An event about to be appended: everything but what the database assigns. */
export type PendingEvent = Omit<RecordedEvent, 'position' | 'version'> & {
  occurredEarliest: string | null;
  occurredLatest: string | null;
  digest: string;
};

/** A row of the events table: the JSON columns still as text. */
type JsonColumn = 'tags' | 'places' | 'participants' | 'data' | 'source';
type EventRow = Omit<RecordedEvent, JsonColumn> & Record<JsonColumn, string>;

const COLUMNS =
  'position, id, relation, version, type, schema, occurred, recorded, headline, summary, tags, places, participants, level, data, source, actor';

export function eventFromRow(row: EventRow): RecordedEvent {
  return {
    ...row,
    tags: JSON.parse(row.tags),
    places: JSON.parse(row.places),
    participants: JSON.parse(row.participants),
    data: JSON.parse(row.data),
    source: JSON.parse(row.source),
  };
}

/**
 * Inserts one event as the `offset`-th of an append batch: its version is the relation's version
 * (read inside the same transaction) plus its offset.
 */
export function insertEvent(db: Db, event: PendingEvent, offset: number): D1PreparedStatement {
  return db.prepare(
    `INSERT INTO events (id, relation, version, type, schema, occurred, occurred_earliest, occurred_latest, recorded,
       headline, summary, tags, places, participants, level, data, source, actor, digest)
     VALUES (?1, ?2, (SELECT version FROM relations WHERE relation = ?2) + ?3, ?4, ?5, ?6, ?7, ?8, ?9,
       ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
     RETURNING id, position, version`,
    event.id, event.relation, offset, event.type, event.schema, event.occurred, event.occurredEarliest,
    event.occurredLatest, event.recorded, event.headline, event.summary, JSON.stringify(event.tags),
    JSON.stringify(event.places), JSON.stringify(event.participants), event.level, JSON.stringify(event.data),
    JSON.stringify(event.source), event.actor, event.digest,
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

export async function eventById(db: Db, id: string): Promise<RecordedEvent | null> {
  const row = await db.first<EventRow>(db.prepare(`SELECT ${COLUMNS} FROM events WHERE id = ?1`, id));
  return row && eventFromRow(row);
}

/**
 * The log of one relation in position order, after a position: what a replica or an auditor replays.
 * Null when the relation has no events. One round trip: the relation and the page in one batch.
 */
export async function relationLogPage(db: Db, relation: string, after: number, limit: number) {
  const [known, page] = await db.batch<EventRow>([
    db.prepare('SELECT version FROM relations WHERE relation = ?1', relation),
    db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE relation = ?1 AND position > ?2 ORDER BY position LIMIT ?3`,
      relation, after, limit,
    ),
  ]);
  if (known.results.length === 0) return null;
  return page.results.map(eventFromRow);
}

/** Every event in position order, page by page: the input of a rebuild. */
export async function logPage(db: Db, after: number, limit: number): Promise<RecordedEvent[]> {
  const rows = await db.all<EventRow>(
    db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ?1 ORDER BY position LIMIT ?2`, after, limit),
  );
  return rows.map(eventFromRow);
}
