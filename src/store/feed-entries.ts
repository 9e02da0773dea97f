import { AMENDMENT_TYPES_SQL } from './amendment-types';
import type { EventType, Level, RecordedEvent } from '../domain/catalog';
import { LOG_LANGUAGE, type Language } from '../i18n/languages';
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
  /**
   * The language of its headline and summary: a fact's translation into the feed's language where there is one
   * (then its headline and summary are the translation's), a translation's own, else the log's.
   */
  textLanguage: string;
}

/**
 * A feed's entries are numbered from the start of its sequence (its scope and filters, in log order:
 * the `recorded` clock) and cut into pages of this many: page 1 holds entries 1 to 50, page 2 entries 51
 * to 100, and so on. A full page never changes and keeps its number, so its URL stays valid and its
 * response can be cached for good. Never change this number: every archive URL ever given out means it.
 */
export const FEED_PAGE_SIZE = 50;

export interface FeedPageQuery {
  /** null: every relation. */
  relation: string | null;
  filters: FeedFilters;
  /** An archive page by its number (from 1, the oldest); absent: the subscription document. */
  page?: number;
  /** The language facts are told in, where they have a translation into it (default: the log's). */
  language?: Language;
}

export interface FeedPage {
  /** Newest recorded first. */
  entries: FeedEntry[];
  /** The number of the next older archive page; null when there is none. */
  older: number | null;
  /** The number of the next newer page, on a full archive page only (the newest may still be filling). */
  newer: number | null;
  /** A page holding its FEED_PAGE_SIZE entries: its content never changes. */
  full: boolean;
  /** When the scope began (the relation's first append), for a page with no entries. */
  created: string | null;
}

/**
 * One document of a feed, newest recorded first, or why there is none. The subscription document holds
 * the newest full page and the page still filling (50 to 99 entries once there are 50); an archive page
 * `page` holds its 50 entries, or the fewer of the page still filling. One D1 call.
 */
export async function feedPage(db: Db, query: FeedPageQuery): Promise<FeedPage | 'no such relation' | 'no such page'> {
  const [scope, page] = await db.batch([scopeStatement(db, query.relation), pageStatement(db, query)]);
  const { created, relations } = scope.results[0] as { created: string | null; relations: number };
  if (query.relation !== null && relations === 0) return 'no such relation';
  const results = page.results as (EntryColumns & { total?: number })[];
  const rows = results.map(({ total, ...row }) => entryFromRow(row, query.language ?? LOG_LANGUAGE));
  if (query.page === undefined) {
    const total = results[0]?.total ?? 0;
    const newestFull = Math.floor(total / FEED_PAGE_SIZE);
    return { entries: rows, older: newestFull >= 2 ? newestFull - 1 : null, newer: null, full: false, created };
  }
  // Past page 1, the oldest row read is the last entry of the page before: it shows that page is full.
  if (query.page > 1 && rows.length === 0) return 'no such page';
  const entries = query.page > 1 ? rows.slice(0, -1) : rows;
  const full = entries.length === FEED_PAGE_SIZE;
  return {
    entries,
    older: query.page > 1 ? query.page - 1 : null,
    newer: full ? query.page + 1 : null,
    full,
    created,
  };
}

/**
 * The number of the archive page that holds the newest entry before log position `before`, or null when
 * no entry is: where a link from before the pages were numbered (`?before=`: the entries before a position)
 * now leads. One D1 call.
 */
export async function archivePageBefore(db: Db, query: FeedPageQuery & { before: number }): Promise<number | null> {
  const params: unknown[] = [];
  const bind = (value: unknown) => `?${params.push(value)}`;
  const row = await db.first<{ older: number }>(db.prepare(
    `WITH feed (position) AS (${sequence(query, bind)}) SELECT COUNT(*) AS older FROM feed WHERE position < ${bind(query.before)}`,
    ...params,
  ));
  return row && row.older > 0 ? Math.ceil(row.older / FEED_PAGE_SIZE) : null;
}

function scopeStatement(db: Db, relation: string | null): D1PreparedStatement {
  return db.prepare(
    'SELECT MIN(created) AS created, COUNT(*) AS relations FROM relations WHERE ?1 IS NULL OR relation = ?1',
    relation,
  );
}

// The event a correction or retraction amends: the filters match through it.
const AMENDED = `LEFT JOIN events t ON e.type IN (${AMENDMENT_TYPES_SQL}) AND t.id = json_extract(e.data, '$.eventId')`;

/** The positions of a feed's entries, as a query: its scope and filters. */
function sequence(query: FeedPageQuery, bind: (value: unknown) => string): string {
  const { relation, filters } = query;
  const conditions: string[] = [];
  if (relation !== null) conditions.push(`e.relation = ${bind(relation)}`);
  if (filters.type) {
    const type = bind(filters.type);
    conditions.push(`(e.type = ${type} OR t.type = ${type})`);
  }
  if (filters.level) conditions.push(`COALESCE(t.level, e.level) = ${bind(filters.level)}`);
  if (filters.tag) {
    const tag = bind(filters.tag);
    conditions.push(`(EXISTS (SELECT 1 FROM json_each(e.tags) WHERE value = ${tag}) OR EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value = ${tag}))`);
  }
  const filtered = Boolean(filters.type || filters.level || filters.tag);
  return `SELECT e.position FROM events e ${filtered ? AMENDED : ''} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
}

/**
 * A fact's translation into `language`, as the timeline keeps it with its corrections (migrations/0023): the
 * translation a feed in that language shows in place of the log's text.
 */
function translationJoin(language: Language | undefined, bind: (value: unknown) => string): { columns: string; join: string } {
  if (language === undefined || language === LOG_LANGUAGE) return { columns: '', join: '' };
  return {
    columns: ', l.headline AS text_headline, l.summary AS text_summary',
    join: `LEFT JOIN view_timeline_languages l ON l.event_id = e.id AND l.language = ${bind(language)} AND l.translator IS NOT NULL`,
  };
}

function pageStatement(db: Db, query: FeedPageQuery): D1PreparedStatement {
  const params: unknown[] = [];
  const bind = (value: unknown) => `?${params.push(value)}`;
  const feed = `WITH feed (position) AS (${sequence(query, bind)})`;
  const translation = translationJoin(query.language, bind);
  const columns = `${eventColumns('e')}, t.id AS amends_id, t.type AS amends_type, t.occurred AS amends_occurred, t.headline AS amends_headline${translation.columns}`;
  const joins = `${AMENDED} ${translation.join}`;
  if (query.page === undefined) {
    // The newest full page and the page filling: (total mod 50) + 50 entries, or all of them while fewer than 50.
    return db.prepare(
      `${feed}, size (total) AS (SELECT COUNT(*) FROM feed)
       SELECT ${columns}, (SELECT total FROM size) AS total
       FROM events e ${joins}
       WHERE e.position IN (
         SELECT position FROM feed ORDER BY position DESC
         LIMIT (SELECT CASE WHEN total < ${FEED_PAGE_SIZE} THEN total ELSE ${FEED_PAGE_SIZE} + total % ${FEED_PAGE_SIZE} END FROM size))
       ORDER BY e.position DESC`,
      ...params,
    );
  }
  const first = (query.page - 1) * FEED_PAGE_SIZE;
  const [offset, limit] = query.page > 1 ? [first - 1, FEED_PAGE_SIZE + 1] : [0, FEED_PAGE_SIZE];
  return db.prepare(
    `${feed}
     SELECT ${columns} FROM events e ${joins}
     WHERE e.position IN (SELECT position FROM feed ORDER BY position LIMIT ${bind(limit)} OFFSET ${bind(offset)})
     ORDER BY e.position DESC`,
    ...params,
  );
}

type EntryColumns = Record<string, unknown> & {
  amends_id: string | null;
  amends_type: EventType | null;
  amends_occurred: string | null;
  amends_headline: string | null;
  text_headline?: string | null;
  text_summary?: string | null;
};

function entryFromRow(row: EntryColumns, language: Language): FeedEntry {
  const { amends_id, amends_type, amends_occurred, amends_headline, text_headline, text_summary, ...columns } = row;
  const amends = amends_id
    ? { id: amends_id, type: amends_type!, occurred: amends_occurred!, headline: amends_headline! }
    : null;
  const event = eventFromRow(columns);
  if (typeof text_headline === 'string') return { ...event, headline: text_headline, summary: text_summary ?? null, amends, textLanguage: language };
  const translated = event.type === 'EventTranslated' ? (event.data as { language: string }).language : LOG_LANGUAGE;
  return { ...event, amends, textLanguage: translated };
}
