import type { Level } from '../../domain/catalog';
import { parseOccurred } from '../../domain/dates';
import type { Db } from '../../store/db';
import { readRelationViews, readViews, type Row } from '../freshness';
import { matchingFacts } from '../search/queries';
import { searchTerms } from '../search/terms';
import { LOG_LANGUAGE, type Language } from '../../i18n/languages';
import { itemJson, itemSelection, languageJoin, timelineItem, type TimelineItem } from './item';

/** The timeline's read side: the live facts of a relation in the order things happened. */

export const TIMELINE_SORTS = ['timeline', 'relevance'] as const;
export type TimelineSort = (typeof TIMELINE_SORTS)[number];

export interface TimelineQuery {
  /** EDTF: events whose date begins on or after the first day it can mean. */
  from?: string;
  /** EDTF: events whose date begins on or before the last day it can mean. */
  to?: string;
  types?: string[];
  tag?: string;
  level?: Level;
  /** A search (src/views/search/terms.ts): only the facts whose words match it. */
  q?: string;
  /** In the order things happened (the default), or best match first (only with `q`). */
  sort?: TimelineSort;
  limit: number;
  /** Opaque: the `next` of the previous page. */
  cursor?: string;
  /** The language of the items' text and dates in words (default: the log's). */
  language?: Language;
}


/**
 * Where a page starts: after this item, in the order of the page. A page in the order things happened
 * goes by (day, position); best match first by (score, day, position). Opaque to clients.
 */
export interface TimelineCursor {
  score?: number;
  sortDay: string;
  position: number;
}

export function encodeCursor({ score, sortDay, position }: TimelineCursor): string {
  const value = score === undefined ? [sortDay, position] : [score, sortDay, position];
  return btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

export function decodeCursor(cursor: string): TimelineCursor | null {
  try {
    const value = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
    if (!Array.isArray(value)) return null;
    const [score, sortDay, position] = value.length === 3 ? value : [undefined, ...value];
    if ((value.length === 2 || (value.length === 3 && Number.isFinite(score)))
      && typeof sortDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sortDay) && Number.isSafeInteger(position)) {
      return score === undefined ? { sortDay, position } : { score, sortDay, position };
    }
  } catch {
    // not base64 or not JSON: not a cursor of ours
  }
  return null;
}

/**
 * A page of the timeline of one relation (or of all, `relation` null) as SQL; `marked` reads the matched words
 * of the headline and summary marked (MARK_START, MARK_END), and `counted` adds a statement that counts every
 * fact the query selects, on every page.
 */
function pageStatements(db: Db, relation: string | null, query: TimelineQuery, options: { marked?: boolean; counted?: boolean } = {}) {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown) => `?${params.push(value)}`;
  if (relation !== null) where.push(`t.relation = ${bind(relation)}`);
  const search = query.q === undefined ? null : searchTerms(query.q);
  const byRelevance = search !== null && query.sort === 'relevance';
  const order = byRelevance ? ['m.score', 't.sort_day', 't.position'] : ['t.sort_day', 't.position'];
  const from = query.from && parseOccurred(query.from).earliest;
  if (from) where.push(`t.sort_day >= ${bind(from)}`);
  const to = query.to && parseOccurred(query.to).latest;
  if (to) where.push(`t.sort_day <= ${bind(to)}`);
  if (query.types?.length) where.push(`t.type IN (SELECT value FROM json_each(${bind(JSON.stringify(query.types))}))`);
  if (query.tag) where.push(`EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value = ${bind(query.tag)})`);
  if (query.level) where.push(`t.level = ${bind(query.level)}`);
  const marked = Boolean(options.marked && search);
  const matching = search ? `JOIN ${matchingFacts(bind, search, marked)} m ON m.event_id = t.event_id` : '';
  const count = options.counted
    ? db.prepare(`SELECT COUNT(*) AS total FROM view_timeline t ${matching} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, ...params)
    : null;
  // After the count, which reads no item: its statement takes the parameters bound so far.
  const inLanguage = languageJoin('t', query.language ?? LOG_LANGUAGE, bind);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (after) {
    const values = byRelevance ? [after.score, after.sortDay, after.position] : [after.sortDay, after.position];
    where.push(`(${order.join(', ')}) > (${values.map(bind).join(', ')})`);
  }
  const columns = [itemSelection('t', inLanguage.item), ...(byRelevance ? ['m.score AS score'] : []), ...(options.marked ? ['t.relation AS fact_relation'] : []),
    ...(marked ? ['m.headline_marked', 'm.summary_marked'] : [])];
  const page = db.prepare(
    `SELECT ${columns.join(', ')} FROM view_timeline t ${matching} ${inLanguage.join}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order.join(', ')} LIMIT ${bind(query.limit + 1)}`,
    ...params,
  );
  return { page, count };
}

/** The rows of a page read, the one past it left out, and the cursor of the next page. */
function pageOfRows(rows: Row[], limit: number): { rows: Row[]; next: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    rows: shown,
    next: more && last
      ? encodeCursor({ score: last.score as number | undefined, sortDay: last.sort_day as string, position: last.position as number })
      : null,
  };
}

/** Every live event of a relation in the order things happened, in `language`: read each row with `timelineItem`. */
export function wholeTimelineQuery(db: Db, relation: string, language: Language = LOG_LANGUAGE): D1PreparedStatement {
  const params: unknown[] = [relation];
  const { join, item } = languageJoin('t', language, (value) => `?${params.push(value)}`);
  return db.prepare(
    `SELECT ${itemSelection('t', item)} FROM view_timeline t ${join} WHERE t.relation = ?1 ORDER BY t.sort_day, t.position`, ...params,
  );
}

/** Every live event of a relation in the order things happened, in `language`, or null for an unknown relation. One D1 call. */
export async function wholeTimeline(db: Db, relation: string, language: Language = LOG_LANGUAGE): Promise<TimelineItem[] | null> {
  const read = await readRelationViews(db, relation, [wholeTimelineQuery(db, relation, language)]);
  return read && read[0].results.map(timelineItem);
}

/**
 * One page of a relation's timeline, its items as the JSON their rows keep (sent on as they are), or null
 * when the relation has no events. One D1 call.
 */
export async function timelinePage(
  db: Db,
  relation: string,
  query: TimelineQuery,
): Promise<{ items: string[]; next: string | null } | null> {
  const read = await readRelationViews(db, relation, [pageStatements(db, relation, query).page]);
  if (!read) return null;
  const { rows, next } = pageOfRows(read[0].results, query.limit);
  return { items: rows.map(({ score, ...row }) => itemJson(row)), next };
}

/** A page of the timeline for people: the items, their matched words marked, how many facts match in all. */
export interface MarkedTimelinePage {
  items: TimelineItem[];
  /** By item id: its headline and summary with every match between MARK_START and MARK_END. */
  marked: Map<string, { headline: string; summary: string | null }>;
  /** By item id: the relation of its fact. */
  relations: Map<string, string>;
  next: string | null;
  total: number;
}

/** The statements of a marked page, to be read with `markedPageFrom` in the batch of a page's reads. */
export function markedPageStatements(db: Db, relation: string | null, query: TimelineQuery): D1PreparedStatement[] {
  const { page, count } = pageStatements(db, relation, query, { marked: true, counted: true });
  return [page, count!];
}

export function markedPageFrom([page, count]: D1Result<Row>[], limit: number): MarkedTimelinePage {
  const { rows, next } = pageOfRows(page.results, limit);
  const marked = new Map<string, { headline: string; summary: string | null }>();
  const relations = new Map<string, string>();
  const items = rows.map(({ score, headline_marked: headline, summary_marked: summary, fact_relation: relation, ...row }) => {
    const item = timelineItem(row);
    relations.set(item.id, relation as string);
    if (typeof headline === 'string') marked.set(item.id, { headline, summary: typeof summary === 'string' ? summary : null });
    return item;
  });
  return { items, marked, relations, next, total: (count.results[0]?.total as number | undefined) ?? 0 };
}

/** A page of the timeline of every relation, for people (a search across relations). One D1 call. */
export async function markedTimelineOfAll(db: Db, query: TimelineQuery): Promise<MarkedTimelinePage> {
  return markedPageFrom(await readViews(db, markedPageStatements(db, null, query)), query.limit);
}
