import { z } from 'zod';
import {
  relationStatusOn as statusOn, relationStatusPeriods as periodsOf, RELATION_CHANGES, RELATION_QUALIFIERS, RELATION_STATES,
  type RelationChange, type RelationQualifier, type RelationStatusOn, type StatusChange, type StatusPeriod, type StatusQualifier,
} from '../../domain/relation-status';
import { factPagePath } from '../../domain/pages';
import { Uuid } from '../../domain/uuid';
import type { Db } from '../../store/db';
import { LanguageCode, LOG_LANGUAGE, type Language } from '../../i18n/languages';
import { readRelationViews } from '../freshness';
import { inLanguage, textIn } from '../on-this-day/queries';
import { inWords } from '../timeline/item';

/** Relation status, read side: whether relations were open on a day, what qualifies it, and the periods over time. */

/** The event that made relations so, as a reader needs it. */
export const StatusEvent = z.object({
  id: Uuid,
  type: z.string(),
  occurred: z.string(),
  occurredInWords: z.string(),
  headline: z.string(),
  links: z.object({ event: z.string(), page: z.string().describe("the fact's page, for people") }),
  textLanguage: LanguageCode.optional().describe("in another language than the log's: that of the headline (the log's: untranslated)"),
});
export type StatusEvent = z.output<typeof StatusEvent>;

interface FactRow {
  event_id: string;
  relation: string;
  position: number;
  type: string;
  occurred: string;
  occurred_in_words: string | null;
  earliest: string | null;
  latest: string | null;
  sort_day: string;
  headline: string;
  text?: string | null;
}

type ChangeRow = FactRow & { change: RelationChange };
type QualifierRow = FactRow & { qualifier: RelationQualifier };

function datedFact(read: FactRow, language: Language) {
  const row = inLanguage(read);
  const translated = row.textLanguage ? { textLanguage: row.textLanguage } : {};
  return {
    occurred: row.occurred,
    earliest: row.earliest,
    latest: row.latest,
    position: row.position,
    event: {
      id: row.event_id,
      type: row.type,
      occurred: row.occurred,
      occurredInWords: inWords(row),
      headline: row.headline,
      links: { event: `/v1/events/${row.event_id}`, page: factPagePath(row.relation, row.event_id, language) },
      ...translated,
    },
  };
}

const statusChange = (language: Language) => (row: ChangeRow): StatusChange<StatusEvent> =>
  ({ ...datedFact(row, language), change: row.change, sortDay: row.sort_day });
const statusQualifier = (language: Language) => (row: QualifierRow): StatusQualifier<StatusEvent> =>
  ({ ...datedFact(row, language), qualifier: row.qualifier });

type StatusTable = 'view_relation_status' | 'view_relation_qualifiers';

/** The rows of one of the view's tables, each with its fact's timeline columns, its text in `language` (placeholder `at`). */
function withTheirFacts(table: StatusTable, column: 'change' | 'qualifier', language: Language, at: string) {
  const text = textIn(language, at);
  return `SELECT v.event_id, v.relation, v.${column}, v.position, t.type, t.occurred, t.earliest, t.latest, t.sort_day, ${text.columns}
   FROM ${table} v JOIN view_timeline t ON t.event_id = v.event_id ${text.join}`;
}

/** The rows of one of the view's tables for a relation, oldest first. */
function ofRelation(db: Db, table: StatusTable, column: 'change' | 'qualifier', relation: string, language: Language) {
  const params = language === LOG_LANGUAGE ? [relation] : [relation, language];
  return db.prepare(`${withTheirFacts(table, column, language, '?2')} WHERE v.relation = ?1 ORDER BY t.sort_day, v.position`, ...params);
}

/** The status changes of a relation, oldest first: read with `statusChangesFrom`. */
export const statusChangesQuery = (db: Db, relation: string, language: Language = LOG_LANGUAGE): D1PreparedStatement =>
  ofRelation(db, 'view_relation_status', 'change', relation, language);

/** Every relation's rows of one of the view's tables, by relation and oldest first. */
function ofEveryRelation(db: Db, table: StatusTable, column: 'change' | 'qualifier', language: Language) {
  const params = language === LOG_LANGUAGE ? [] : [language];
  return db.prepare(`${withTheirFacts(table, column, language, '?1')} ORDER BY v.relation, t.sort_day, v.position`, ...params);
}

/** The status changes of every relation, by relation and oldest first: read with `byRelation`. */
export const allStatusChangesQuery = (db: Db, language: Language = LOG_LANGUAGE): D1PreparedStatement =>
  ofEveryRelation(db, 'view_relation_status', 'change', language);

/** The qualifiers of every relation, by relation and oldest first: read with `byRelation`. */
export const allStatusQualifiersQuery = (db: Db, language: Language = LOG_LANGUAGE): D1PreparedStatement =>
  ofEveryRelation(db, 'view_relation_qualifiers', 'qualifier', language);

/** The rows of every relation read by `from`, found by relation. */
export function byRelation<T>(result: D1Result, from: (result: D1Result) => T[]): (relation: string) => T[] {
  const rows = new Map<string, FactRow[]>();
  for (const row of result.results as FactRow[]) rows.set(row.relation, [...(rows.get(row.relation) ?? []), row]);
  return (relation) => from({ ...result, results: rows.get(relation) ?? [] });
}

export function statusChangesFrom(result: D1Result, language: Language = LOG_LANGUAGE): StatusChange<StatusEvent>[] {
  return (result.results as ChangeRow[]).map(statusChange(language));
}

/** The qualifiers of a relation's status, oldest first: read with `statusQualifiersFrom`. */
export const statusQualifiersQuery = (db: Db, relation: string, language: Language = LOG_LANGUAGE): D1PreparedStatement =>
  ofRelation(db, 'view_relation_qualifiers', 'qualifier', relation, language);

export function statusQualifiersFrom(result: D1Result, language: Language = LOG_LANGUAGE): StatusQualifier<StatusEvent>[] {
  return (result.results as QualifierRow[]).map(statusQualifier(language));
}

/** What a source says of relations over the span of its event, without changing them. */
const StatusQualifierView = z.object({
  qualifier: z.enum(RELATION_QUALIFIERS).describe('practically_non_existent, or sources_differ'),
  event: StatusEvent.describe('the event that says so: its date is the span it holds over'),
});

/** Whether relations were open on a day, with the event that made them so, and every period over time. */
export const RelationStatusReport = z.object({
  on: z.string(),
  status: z.enum(RELATION_STATES),
  reason: z.string().describe('why, in words: those of `lang`'),
  event: StatusEvent.nullable(),
  possibleChange: StatusEvent.nullable(),
  qualifiers: z.array(StatusQualifierView).describe('what the sources say of relations on that day without changing their status'),
  periods: z.array(z.object({
    status: z.enum(RELATION_CHANGES),
    from: z.string(),
    until: z.string().nullable(),
    event: StatusEvent,
    qualifiers: z.array(StatusQualifierView).describe('the qualifiers that hold on some day of the period'),
  })),
});
export type RelationStatusReport = RelationStatusOn<StatusEvent> & { on: string; periods: StatusPeriod<StatusEvent>[] };

/** Whether relations were established, severed or restored on `day`, what qualifies it, and the periods over time; null for an unknown relation. One D1 call. */
export async function relationStatusReport(
  db: Db, relation: string, day: string, language: Language = LOG_LANGUAGE,
): Promise<RelationStatusReport | null> {
  const read = await readRelationViews(db, relation, [statusChangesQuery(db, relation, language), statusQualifiersQuery(db, relation, language)]);
  return read && statusReport(statusChangesFrom(read[0], language), statusQualifiersFrom(read[1], language), day);
}

export function statusReport(
  changes: StatusChange<StatusEvent>[], qualifiers: StatusQualifier<StatusEvent>[], day: string,
): RelationStatusReport {
  return { on: day, ...statusOn(changes, day, qualifiers), periods: periodsOf(changes, qualifiers) };
}
