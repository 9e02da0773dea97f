import { z } from 'zod';
import { recordedDaysFallingOn, recordedDaysForAnyRule, yearsAgo, type February29Rule } from '../../domain/anniversaries';
import { EVENT_TYPES, Source, type EventType } from '../../domain/catalog';
import { occurredInWords } from '../../domain/dates';
import { factPagePath } from '../../domain/pages';
import { Uuid } from '../../domain/uuid';
import { LanguageCode, LOG_LANGUAGE, type Language } from '../../i18n/languages';
import type { Db } from '../../store/db';
import { fromColumns } from '../../store/event-columns';
import { readRelationViews, readViews, type Row } from '../freshness';

/** On this day, read side: the anniversaries of a day, by the (month, day) index. */

export interface AnniversaryQuery {
  month: number;
  day: number;
  /** The year the anniversaries are counted in; events of later years are left out. */
  year: number;
  relations?: string[];
  types?: string[];
  tags?: string[];
  /** Where facts of 29 February fall in a common year (default `feb28`); `any`: every day a rule may put them on. */
  rule?: February29Rule | 'any';
  /** The language of the text and the dates in words (default: the log's). */
  language?: Language;
}

/** A live event on the day asked for, with how many years ago it happened. */
export const Anniversary = z.object({
  id: Uuid,
  relation: z.string(),
  type: z.enum(EVENT_TYPES),
  occurred: z.string(),
  occurredInWords: z.string(),
  yearsAgo: z.number().int(),
  headline: z.string(),
  summary: z.string().nullable(),
  source: Source,
  tags: z.array(z.string()),
  links: z.object({ event: z.string(), page: z.string().describe("the fact's page, for people") }),
  textLanguage: LanguageCode.optional().describe("in another language than the log's: that of headline and summary (the log's: untranslated)"),
  translator: z.string().nullable().optional().describe("in another language than the log's: whose translation it is"),
});
export type Anniversary = z.output<typeof Anniversary>;

interface AnniversaryRow {
  event_id: string;
  relation: string;
  year: number;
  position: number;
  type: EventType;
  occurred: string;
  occurred_in_words: string | null;
  headline: string;
  summary: string | null;
  source: Source;
  tags: string[];
  /** Its item in the language read, when that is not the log's (`textIn`). */
  text?: string | null;
}

/**
 * The text columns of a fact `t` in `language`: its own, and in a language other than the log's its item in that
 * language (`text`, from `view_timeline_languages`, whose placeholder is `at`), which `inLanguage` reads.
 */
export const textIn = (language: Language, at: string) => language === LOG_LANGUAGE
  ? { columns: 't.occurred_in_words, t.headline, t.summary', join: '' }
  : {
    columns: 't.occurred_in_words, t.headline, t.summary, l.item AS text',
    join: `LEFT JOIN view_timeline_languages l ON l.event_id = t.event_id AND l.language = ${at}`,
  };

/** A row's text in the language it was read in: from its item in that language, if it has one (until the rebuild). */
export function inLanguage<R extends { occurred_in_words: string | null; headline: string; summary?: string | null; text?: string | null }>(
  row: R,
): R & { textLanguage?: Language; translator?: string | null } {
  if (row.text === undefined) return row;
  const item = row.text ? JSON.parse(row.text) : null;
  return item
    ? { ...row, occurred_in_words: item.occurredInWords, headline: item.headline, summary: item.summary, textLanguage: item.textLanguage, translator: item.translator }
    : { ...row, textLanguage: LOG_LANGUAGE, translator: null };
}

/** A lookup by the (month, day) index, oldest first: the SQL and its parameters. */
export function anniversariesSql(query: AnniversaryQuery, page?: { after?: [number, number]; limit: number }) {
  const params: unknown[] = [];
  const bind = (value: unknown) => `?${params.push(value)}`;
  const recorded = query.rule === 'any'
    ? recordedDaysForAnyRule(query.year, query.month, query.day)
    : recordedDaysFallingOn(query.year, query.month, query.day, query.rule);
  const days = recorded.map((date) => `(o.month = ${bind(date.month)} AND o.day = ${bind(date.day)})`);
  const where = [`(${days.join(' OR ')})`, `o.year <= ${bind(query.year)}`];
  if (query.relations) where.push(`o.relation IN (SELECT value FROM json_each(${bind(JSON.stringify(query.relations))}))`);
  if (query.types?.length) where.push(`t.type IN (SELECT value FROM json_each(${bind(JSON.stringify(query.types))}))`);
  if (query.tags?.length) {
    where.push(`EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value IN (SELECT value FROM json_each(${bind(JSON.stringify(query.tags))})))`);
  }
  if (page?.after) where.push(`(o.year, o.position) > (${bind(page.after[0])}, ${bind(page.after[1])})`);
  const limit = page ? ` LIMIT ${bind(page.limit + 1)}` : '';
  const language = query.language ?? LOG_LANGUAGE;
  const text = textIn(language, language === LOG_LANGUAGE ? '' : bind(language));
  const sql = `SELECT o.event_id, o.relation, o.year, o.position, t.type, t.occurred, ${text.columns}, t.source, t.tags
     FROM view_on_this_day o JOIN view_timeline t ON t.event_id = o.event_id ${text.join}
     WHERE ${where.join(' AND ')} ORDER BY o.year, o.position${limit}`;
  return { sql, params };
}

/** The lookup as a statement, to read in a batch with others. */
export function anniversariesStatement(db: Db, query: AnniversaryQuery, page?: { after?: [number, number]; limit: number }) {
  const { sql, params } = anniversariesSql(query, page);
  return db.prepare(sql, ...params);
}

/** A row of the lookup as the anniversary it is in `year`, in the language it was read in. */
export function anniversaryOfRow(columns: Row, year: number, language: Language = LOG_LANGUAGE): Anniversary {
  const row = inLanguage(fromColumns<AnniversaryRow>(columns));
  const translated = row.textLanguage ? { textLanguage: row.textLanguage, translator: row.translator } : {};
  return {
    id: row.event_id,
    relation: row.relation,
    type: row.type,
    occurred: row.occurred,
    occurredInWords: row.occurred_in_words ?? occurredInWords(row.occurred, language),
    yearsAgo: yearsAgo(row.year, year),
    headline: row.headline,
    summary: row.summary,
    source: row.source,
    tags: row.tags,
    links: { event: `/v1/events/${row.event_id}`, page: factPagePath(row.relation, row.event_id, language) },
    ...translated,
  };
}

/** The rows of the lookup as the anniversaries they are in `year`, in `language`. */
export const anniversariesFrom = (result: D1Result<Row>, year: number, language: Language = LOG_LANGUAGE): Anniversary[] =>
  result.results.map((row) => anniversaryOfRow(row, year, language));

/** Every anniversary on a day of `year`, in all relations or the ones named. One D1 call, an index lookup. */
export async function anniversariesOn(db: Db, query: AnniversaryQuery): Promise<Anniversary[]> {
  const [rows] = await readViews(db, [anniversariesStatement(db, query)]);
  return anniversariesFrom(rows, query.year, query.language);
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
  const reads = [anniversariesStatement(db, { ...query, relations }, { after, limit: query.limit })];
  const read = query.relation === undefined ? await readViews(db, reads) : await readRelationViews(db, query.relation, reads);
  if (!read) return null;
  const all = read[0].results;
  const shown = all.slice(0, query.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => anniversaryOfRow(row, query.year, query.language)),
    next: all.length > query.limit && last ? encodeAnniversaryCursor(last.year as number, last.position as number) : null,
  };
}
