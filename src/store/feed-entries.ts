import type { EventType, Level, RecordedEvent } from '../domain/catalog';
import type { Db } from './db';
import { eventColumns, eventFromRow } from './events';

/** What a feed may be narrowed to. A correction or retraction matches through the event it amends. */
export interface FeedFilters {
  type?: EventType;
  tag?: string;
  level?: Level;
}

/** The event a correction or retraction points at, as much as its entry needs. */
export interface AmendedEvent {
  id: string;
  type: EventType;
  occurred: string;
  headline: string;
}

export interface FeedEntry extends RecordedEvent {
  amends: AmendedEvent | null;
}

export interface FeedPageQuery {
  /** null: every relation. */
  relation: string | null;
  filters: FeedFilters;
  /** Only entries recorded before this position: an archive page. */
  before?: number;
  limit: number;
}

export interface FeedPage {
  /** Newest recorded first. */
  entries: FeedEntry[];
  /** The `before` of the next, older page; null on the oldest page. */
  older: number | null;
  /** When the scope began (the relation's first append), for a page with no entries. */
  created: string | null;
}

/**
 * One page of a feed: the log in position order descending (the `recorded` clock), narrowed by
 * relation and filters. Null when the relation has no events. One D1 call.
 */
export async function feedPage(db: Db, query: FeedPageQuery): Promise<FeedPage | null> {
  const [scope, page] = await db.batch([scopeStatement(db, query.relation), pageStatement(db, query)]);
  const { created, relations } = scope.results[0] as { created: string | null; relations: number };
  if (query.relation !== null && relations === 0) return null;
  const rows = page.results as (Record<string, unknown> & AmendedColumns)[];
  const entries = rows.slice(0, query.limit).map(entryFromRow);
  const older = rows.length > query.limit ? entries[entries.length - 1].position : null;
  return { entries, older, created };
}

function scopeStatement(db: Db, relation: string | null): D1PreparedStatement {
  return db.prepare(
    'SELECT MIN(created) AS created, COUNT(*) AS relations FROM relations WHERE ?1 IS NULL OR relation = ?1',
    relation,
  );
}

function pageStatement(db: Db, query: FeedPageQuery): D1PreparedStatement {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replaceAll('?', `?${params.length}`));
  };
  if (query.relation !== null) where('e.relation = ?', query.relation);
  if (query.before !== undefined) where('e.position < ?', query.before);
  if (query.filters.type) where('(e.type = ? OR t.type = ?)', query.filters.type);
  if (query.filters.level) where('COALESCE(t.level, e.level) = ?', query.filters.level);
  if (query.filters.tag) {
    where(
      '(EXISTS (SELECT 1 FROM json_each(e.tags) WHERE value = ?) OR EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value = ?))',
      query.filters.tag,
    );
  }
  params.push(query.limit + 1);
  return db.prepare(
    `SELECT ${eventColumns('e')}, t.id AS amends_id, t.type AS amends_type, t.occurred AS amends_occurred, t.headline AS amends_headline
     FROM events e
     LEFT JOIN events t ON e.type IN ('EventCorrected', 'EventRetracted') AND t.id = json_extract(e.data, '$.eventId')
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY e.position DESC LIMIT ?${params.length}`,
    ...params,
  );
}

interface AmendedColumns {
  amends_id: string | null;
  amends_type: EventType | null;
  amends_occurred: string | null;
  amends_headline: string | null;
}

function entryFromRow(row: Record<string, unknown> & AmendedColumns): FeedEntry {
  const { amends_id, amends_type, amends_occurred, amends_headline, ...event } = row;
  const amends = amends_id
    ? { id: amends_id, type: amends_type!, occurred: amends_occurred!, headline: amends_headline! }
    : null;
  return { ...eventFromRow(event), amends };
}
