import { recordedDaysFallingOn, yearsAgo } from '../domain/anniversaries';
import type { EventType, Source } from '../domain/catalog';
import { occurredInWords } from '../domain/dates';
import type { Db } from '../store/db';
import { readViews } from './freshness';
import { copiedFromTimeline, type Projector, type TableSet } from './projection';

/**
 * On this day: live events dated to an exact day, keyed by month and day. An event known only to
 * the month or the year, or to an approximate or uncertain day (`1890-12-01~`), has no anniversary.
 */

/** Copies a fact from its timeline row if it is dated to an exact day. */
function copyDay(db: Db, eventId: string, tables: TableSet) {
  return db.prepare(
    `INSERT INTO view_on_this_day${tables} (event_id, relation, month, day, year, position)
     SELECT event_id, relation, CAST(substr(earliest, 6, 2) AS INTEGER), CAST(substr(earliest, 9, 2) AS INTEGER),
       CAST(substr(earliest, 1, 4) AS INTEGER), position
     FROM view_timeline${tables}
     WHERE event_id = ?1 AND precision = 'day' AND occurred NOT GLOB '*[~?%]*'`,
    eventId,
  );
}

export const onThisDayProjector: Projector = {
  view: 'on-this-day',
  version: 1,
  tables: ['view_on_this_day'],
  project(db, event, tables) {
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(event.occurred);
    return copiedFromTimeline(db, event, `view_on_this_day${tables}`, dated, (id) => copyDay(db, id, tables));
  },
};

export interface AnniversaryQuery {
  month: number;
  day: number;
  /** The year the anniversaries are counted in; events of later years are left out. */
  year: number;
  relations?: string[];
  types?: string[];
  tags?: string[];
}

export interface Anniversary {
  id: string;
  relation: string;
  type: EventType;
  occurred: string;
  occurredInWords: string;
  yearsAgo: number;
  headline: string;
  summary: string | null;
  source: Source;
  tags: string[];
  links: { event: string };
}

interface AnniversaryRow {
  event_id: string;
  relation: string;
  year: number;
  position: number;
  type: EventType;
  occurred: string;
  headline: string;
  summary: string | null;
  source: string;
  tags: string;
}

/** A lookup by the (month, day) index, oldest first: the SQL and its parameters. */
export function anniversariesSql(query: AnniversaryQuery, page?: { after?: [number, number]; limit: number }) {
  const params: unknown[] = [];
  const bind = (value: unknown) => `?${params.push(value)}`;
  const days = recordedDaysFallingOn(query.year, query.month, query.day).map((date) => bind(date.day));
  const where = [`o.month = ${bind(query.month)}`, `o.day IN (${days.join(', ')})`, `o.year <= ${bind(query.year)}`];
  if (query.relations) where.push(`o.relation IN (SELECT value FROM json_each(${bind(JSON.stringify(query.relations))}))`);
  if (query.types?.length) where.push(`t.type IN (SELECT value FROM json_each(${bind(JSON.stringify(query.types))}))`);
  if (query.tags?.length) {
    where.push(`EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value IN (SELECT value FROM json_each(${bind(JSON.stringify(query.tags))})))`);
  }
  if (page?.after) where.push(`(o.year, o.position) > (${bind(page.after[0])}, ${bind(page.after[1])})`);
  const limit = page ? ` LIMIT ${bind(page.limit + 1)}` : '';
  const sql = `SELECT o.event_id, o.relation, o.year, o.position, t.type, t.occurred, t.headline, t.summary, t.source, t.tags
     FROM view_on_this_day o JOIN view_timeline t ON t.event_id = o.event_id
     WHERE ${where.join(' AND ')} ORDER BY o.year, o.position${limit}`;
  return { sql, params };
}

function anniversariesQuery(db: Db, query: AnniversaryQuery, page?: { after?: [number, number]; limit: number }) {
  const { sql, params } = anniversariesSql(query, page);
  return db.prepare(sql, ...params);
}

function anniversary(row: AnniversaryRow, year: number): Anniversary {
  return {
    id: row.event_id,
    relation: row.relation,
    type: row.type,
    occurred: row.occurred,
    occurredInWords: occurredInWords(row.occurred),
    yearsAgo: yearsAgo(row.year, year),
    headline: row.headline,
    summary: row.summary,
    source: JSON.parse(row.source),
    tags: JSON.parse(row.tags),
    links: { event: `/v1/events/${row.event_id}` },
  };
}

/** Every anniversary on a day of `year`, in all relations or the ones named. One D1 call, an index lookup. */
export async function anniversariesOn(db: Db, query: AnniversaryQuery): Promise<Anniversary[]> {
  const [rows] = await readViews(db, [anniversariesQuery(db, query)]);
  return (rows.results as AnniversaryRow[]).map((row) => anniversary(row, query.year));
}

export function encodeAnniversaryCursor(year: number, position: number): string {
  return btoa(JSON.stringify([year, position])).replaceAll('=', '');
}

export function decodeAnniversaryCursor(cursor: string): [number, number] | null {
  try {
    const value = JSON.parse(atob(cursor));
    if (Array.isArray(value) && value.length === 2 && value.every(Number.isSafeInteger)) return value as [number, number];
  } catch {
    // not a cursor of ours
  }
  return null;
}

/**
 * One page of anniversaries for the API: of one relation (null when it is unknown) or of all.
 * One D1 call.
 */
export async function anniversariesPage(
  db: Db,
  query: AnniversaryQuery & { relation?: string; limit: number; cursor?: string },
): Promise<{ items: Anniversary[]; next: string | null } | null> {
  const after = query.cursor === undefined ? undefined : decodeAnniversaryCursor(query.cursor) ?? undefined;
  const relations = query.relation === undefined ? query.relations : [query.relation];
  const reads = [anniversariesQuery(db, { ...query, relations }, { after, limit: query.limit })];
  if (query.relation !== undefined) reads.push(db.prepare('SELECT 1 FROM relations WHERE relation = ?1', query.relation));
  const [rows, known] = await readViews(db, reads);
  if (known && !known.results.length) return null;
  const all = rows.results as AnniversaryRow[];
  const shown = all.slice(0, query.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => anniversary(row, query.year)),
    next: all.length > query.limit && last ? encodeAnniversaryCursor(last.year, last.position) : null,
  };
}
