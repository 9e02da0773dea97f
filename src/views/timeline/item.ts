import { z } from 'zod';
import { EVENT_FIELD_NAMES, EventContent, FACT_TYPES } from '../../domain/catalog';
import { occurredInWords, PRECISIONS } from '../../domain/dates';
import { factPagePath } from '../../domain/pages';
import { LanguageCode, LOG_LANGUAGE, type Language } from '../../i18n/languages';
import { fromColumns } from '../../store/event-columns';

/**
 * A timeline item: a live fact as every reader of the timeline shows it. Its row keeps it ready as JSON
 * (`item`), made when the fact is projected and amended with each correction, so a read sends it on as it is.
 */

/** A live fact as the timeline shows it: what the event says, as corrected, and how it is dated. */
export const TimelineItem = EventContent.extend({
  type: z.enum(FACT_TYPES).describe('a fact: corrections and retractions are applied, never listed'),
  precision: z.enum(PRECISIONS),
  occurredInWords: z.string(),
  links: z.object({
    event: z.string().describe('the event in the log, as JSON'),
    page: z.string().optional().describe("the fact's page, for people (on items projected before it, until the rebuild)"),
  }),
  textLanguage: LanguageCode.optional().describe("in another language than the log's: that of headline and summary (the log's: untranslated)"),
  translator: z.string().nullable().optional().describe("in another language than the log's: whose translation it is"),
});
export type TimelineItem = z.output<typeof TimelineItem>;

/**
 * A fact's date in words, as its timeline row keeps it; worked out here only for a row projected before
 * the timeline kept it, until the rebuild that fills it in.
 */
export const inWords = (row: { occurred: string; occurred_in_words: string | null }) =>
  row.occurred_in_words ?? occurredInWords(row.occurred);

/** The columns of a timeline row its item leaves out: where the fact sorts and what keeps it. */
const NOT_IN_ITEM = new Set(['relation', 'position', 'earliest', 'latest', 'sort_day', 'item']);
const RENAMED: Record<string, string> = { event_id: 'id', occurred_in_words: 'occurredInWords' };

/** The name a column of a timeline row takes in its item, or null for a column the item leaves out. */
export const itemKeyOf = (column: string): string | null => (NOT_IN_ITEM.has(column) ? null : RENAMED[column] ?? column);

/** The fields of an event the timeline keeps, each in a column of its own name. */
export const CONTENT_FIELDS: ReadonlySet<string> = new Set(['type', ...EVENT_FIELD_NAMES, 'data']);

/** The columns a timeline item is made from: the event's id and content, and how it is dated. */
const ITEM_COLUMNS = ['event_id', 'relation', ...CONTENT_FIELDS, 'precision', 'occurred_in_words'];

/**
 * What to select from `view_timeline` (as `table`) to read its items: the item and where it sorts. The
 * columns an item is made from come only for a row projected before the timeline kept items (until the
 * rebuild that fills them in), so a row that keeps its item is not sent twice. `item` is the column of the item
 * in the language read (`languageJoin`).
 */
export const itemSelection = (table: string, item = `${table}.item`): string => [
  `${table}.sort_day`, `${table}.position`, `${item} AS item`,
  ...ITEM_COLUMNS.map((column) => `CASE WHEN ${table}.item IS NULL THEN ${table}.${column} END AS ${column}`),
].join(', ');

/**
 * How a read of `view_timeline` (as `table`) finds its items in `language`: the join of the rows in that
 * language (./languages.ts), none in the log's own, and the column of the item. A fact projected before the
 * timeline kept languages has no such row until the rebuild fills it in: it is read in the log's language.
 * `bind` adds the language as a parameter and answers its placeholder.
 */
export function languageJoin(table: string, language: Language, bind: (value: unknown) => string): { join: string; item: string } {
  if (language === LOG_LANGUAGE) return { join: '', item: `${table}.item` };
  return {
    join: `LEFT JOIN view_timeline_languages ${table}_l ON ${table}_l.event_id = ${table}.event_id AND ${table}_l.language = ${bind(language)}`,
    item: `COALESCE(${table}_l.item, ${table}.item)`,
  };
}

/** The item a timeline row's columns describe: the event's content, its date in words, its link. */
export function itemOfColumns(row: Record<string, unknown>): TimelineItem {
  const item: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(fromColumns<Record<string, unknown>>(row))) {
    const key = itemKeyOf(column);
    if (key !== null) item[key] = value;
  }
  item.occurredInWords = inWords(row as { occurred: string; occurred_in_words: string | null });
  item.links = { event: `/v1/events/${item.id}`, page: factPagePath(row.relation as string, item.id as string) };
  return item as TimelineItem;
}

/**
 * A timeline row's item as JSON text: the one it keeps, or for a row projected before the timeline kept
 * them (until the rebuild that fills them in), made from its columns.
 */
export const itemJson = (row: Record<string, unknown>): string =>
  typeof row.item === 'string' ? row.item : JSON.stringify(itemOfColumns(row));

/** A timeline row's item. */
export const timelineItem = (row: Record<string, unknown>): TimelineItem =>
  typeof row.item === 'string' ? JSON.parse(row.item) : itemOfColumns(row);
