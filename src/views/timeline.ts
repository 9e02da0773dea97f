import type { EventType, Level } from '../domain/catalog';
import { daysInMonth, occurredInWords, parseOccurred, type Precision } from '../domain/dates';
import type { Db } from '../store/db';
import type { RecordedEvent } from '../store/events';
import { readViews } from './freshness';
import { amendedEventId, type ProjectedEvent, type Projector, type TableSet } from './projection';

/** The timeline: one row per live fact, in the order things happened. */

export interface TimelineQuery {
  /** EDTF: events whose date begins on or after the first day it can mean. */
  from?: string;
  /** EDTF: events whose date begins on or before the last day it can mean. */
  to?: string;
  types?: string[];
  tag?: string;
  level?: Level;
  /** Words in the headline or summary. */
  q?: string;
  limit: number;
  /** Opaque: the `next` of the previous page. */
  cursor?: string;
}

/** A live fact as the timeline shows it: the event's own fields, as corrected, and how it is dated. */
export type TimelineItem = Pick<
  RecordedEvent,
  'id' | 'type' | 'occurred' | 'headline' | 'summary' | 'tags' | 'places' | 'participants' | 'level' | 'source' | 'data'
> & {
  precision: Precision;
  occurredInWords: string;
  links: { event: string };
};

/** The columns of view_timeline an item is made of. */
export const TIMELINE_COLUMNS =
  'event_id, type, occurred, precision, headline, summary, tags, places, participants, level, data, source, sort_day, position';

export interface TimelineRow {
  event_id: string;
  type: EventType;
  occurred: string;
  precision: Precision;
  headline: string;
  summary: string | null;
  tags: string;
  places: string;
  participants: string;
  level: Level;
  data: string;
  source: string;
  sort_day: string;
  position: number;
}

export function timelineItem(row: TimelineRow): TimelineItem {
  return {
    id: row.event_id,
    type: row.type,
    occurred: row.occurred,
    precision: row.precision,
    occurredInWords: occurredInWords(row.occurred),
    headline: row.headline,
    summary: row.summary,
    tags: JSON.parse(row.tags),
    places: JSON.parse(row.places),
    participants: JSON.parse(row.participants),
    level: row.level,
    source: JSON.parse(row.source),
    data: JSON.parse(row.data),
    links: { event: `/v1/events/${row.event_id}` },
  };
}

const PLAIN_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The columns that follow from `occurred`. The plain forms (`1976`, `1943-06`, `1890-12-01`), most
 * of the log, are read directly, since the EDTF parser is the slowest step of a rebuild; the log
 * only holds validated dates, and anything else goes through the parser.
 */
export function dating(occurred: string) {
  const plain = PLAIN_DATE.exec(occurred);
  const { precision, earliest, latest } = plain ? plainBounds(plain[1], plain[2], plain[3]) : parseOccurred(occurred);
  return { occurred, precision, earliest, latest, sort_day: (earliest ?? latest) as string };
}

function plainBounds(year: string, month?: string, day?: string): { precision: Precision; earliest: string; latest: string } {
  if (day) return { precision: 'day', earliest: `${year}-${month}-${day}`, latest: `${year}-${month}-${day}` };
  if (month) {
    const last = String(daysInMonth(Number(year), Number(month))).padStart(2, '0');
    return { precision: 'month', earliest: `${year}-${month}-01`, latest: `${year}-${month}-${last}` };
  }
  return { precision: 'year', earliest: `${year}-01-01`, latest: `${year}-12-31` };
}

function insertFact(db: Db, event: ProjectedEvent, tables: TableSet): D1PreparedStatement {
  const { occurred, precision, earliest, latest, sort_day } = dating(event.occurred);
  return db.prepare(
    `INSERT INTO view_timeline${tables} (event_id, relation, position, type, occurred, precision, earliest, latest,
       sort_day, headline, summary, tags, places, participants, level, data, source)
     VALUES (?1, ?2, (SELECT position FROM events WHERE id = ?1), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)`,
    event.id, event.relation, event.type, occurred, precision, earliest, latest, sort_day, event.headline,
    event.summary ?? null, JSON.stringify(event.tags), JSON.stringify(event.places),
    JSON.stringify(event.participants), event.level, JSON.stringify(event.data), JSON.stringify(event.source),
  );
}

/** A correction sets the fields it names on the row of the event it points at. */
function applyCorrection(db: Db, target: string, changes: Record<string, unknown>, tables: TableSet) {
  const columns: Record<string, unknown> = {};
  if (typeof changes.occurred === 'string') Object.assign(columns, dating(changes.occurred));
  for (const field of ['headline', 'summary', 'level'] as const) {
    if (changes[field] !== undefined) columns[field] = changes[field];
  }
  for (const field of ['tags', 'places', 'participants', 'data', 'source'] as const) {
    if (changes[field] !== undefined) columns[field] = JSON.stringify(changes[field]);
  }
  const names = Object.keys(columns);
  if (!names.length) return [];
  const assignments = names.map((name, index) => `${name} = ?${index + 2}`).join(', ');
  return [
    db.prepare(`UPDATE view_timeline${tables} SET ${assignments} WHERE event_id = ?1`, target, ...Object.values(columns)),
  ];
}

export const timelineProjector: Projector = {
  view: 'timeline',
  version: 1,
  tables: ['view_timeline'],
  project(db, event, tables) {
    const target = amendedEventId(event);
    if (target === null) return [insertFact(db, event, tables)];
    if (event.type === 'EventRetracted') {
      return [db.prepare(`DELETE FROM view_timeline${tables} WHERE event_id = ?1`, target)];
    }
    return applyCorrection(db, target, event.data.changes as Record<string, unknown>, tables);
  },
};

/** The position after which a page starts: opaque to clients. */
export function encodeCursor(sortDay: string, position: number): string {
  return btoa(JSON.stringify([sortDay, position])).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

export function decodeCursor(cursor: string): [string, number] | null {
  try {
    const value = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string'
      && /^\d{4}-\d{2}-\d{2}$/.test(value[0]) && Number.isSafeInteger(value[1])) {
      return value as [string, number];
    }
  } catch {
    // not base64 or not JSON: not a cursor of ours
  }
  return null;
}

function pageQuery(db: Db, relation: string, query: TimelineQuery): D1PreparedStatement {
  const params: unknown[] = [relation];
  const where = ['relation = ?1'];
  const bind = (value: unknown) => `?${params.push(value)}`;
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (after) where.push(`(sort_day, position) > (${bind(after[0])}, ${bind(after[1])})`);
  const from = query.from && parseOccurred(query.from).earliest;
  if (from) where.push(`sort_day >= ${bind(from)}`);
  const to = query.to && parseOccurred(query.to).latest;
  if (to) where.push(`sort_day <= ${bind(to)}`);
  if (query.types?.length) where.push(`type IN (SELECT value FROM json_each(${bind(JSON.stringify(query.types))}))`);
  if (query.tag) where.push(`EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ${bind(query.tag)})`);
  if (query.level) where.push(`level = ${bind(query.level)}`);
  if (query.q) {
    const pattern = bind(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(headline LIKE ${pattern} ESCAPE '\\' OR summary LIKE ${pattern} ESCAPE '\\')`);
  }
  return db.prepare(
    `SELECT ${TIMELINE_COLUMNS} FROM view_timeline WHERE ${where.join(' AND ')}
     ORDER BY sort_day, position LIMIT ${bind(query.limit + 1)}`,
    ...params,
  );
}

/** Every live event of a relation in the order things happened: read each row with `timelineItem`. */
export function wholeTimelineQuery(db: Db, relation: string): D1PreparedStatement {
  return db.prepare(`SELECT ${TIMELINE_COLUMNS} FROM view_timeline WHERE relation = ?1 ORDER BY sort_day, position`, relation);
}

/** Every live event of a relation in the order things happened, or null for an unknown relation. One D1 call. */
export async function wholeTimeline(db: Db, relation: string): Promise<TimelineItem[] | null> {
  const [known, rows] = await readViews(db, [
    db.prepare('SELECT 1 FROM relations WHERE relation = ?1', relation),
    wholeTimelineQuery(db, relation),
  ]);
  if (!known.results.length) return null;
  return (rows.results as TimelineRow[]).map(timelineItem);
}

/** One page of a relation's timeline, or null when the relation has no events. One D1 call. */
export async function timelinePage(
  db: Db,
  relation: string,
  query: TimelineQuery,
): Promise<{ items: TimelineItem[]; next: string | null } | null> {
  const [known, page] = await readViews(db, [
    db.prepare('SELECT 1 FROM relations WHERE relation = ?1', relation),
    pageQuery(db, relation, query),
  ]);
  if (!known.results.length) return null;
  const rows = page.results as TimelineRow[];
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  const last = shown.at(-1);
  return { items: shown.map(timelineItem), next: more && last ? encodeCursor(last.sort_day, last.position) : null };
}
