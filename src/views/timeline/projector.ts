import { occurredInWords, readOccurred } from '../../domain/dates';
import type { Db } from '../../store/db';
import { toColumns } from '../../store/event-columns';
import { amendedEventId, type ProjectedEvent, type Projector, type TableSet } from '../projection';
import { CONTENT_FIELDS, itemKeyOf, itemOfColumns } from './item';
import { correctLanguageItems, forgetLanguageItems, insertLanguageItems, translateItem, type TranslatedText } from './languages';

/**
 * The timeline's write side: one row per live fact with the event's own fields (a column each, as in
 * the log), corrections applied, retractions removed, the columns that follow from its date, and the
 * item readers are sent (`item`, JSON), made here once instead of on every read; and the item in each
 * other language, its translation applied (./languages.ts).
 */


/**
 * The columns that follow from `occurred`, worked out once, when the fact is projected: its precision,
 * the first and last day it can mean, the day it sorts on, and the date in words readers are shown.
 */
export function dating(occurred: string) {
  const { precision, earliest, latest } = readOccurred(occurred);
  return {
    occurred, precision, earliest, latest, sort_day: (earliest ?? latest) as string, occurred_in_words: occurredInWords(occurred),
  };
}

/** The content fields among `fields`; a change of date also changes the columns that follow from it. */
function contentFields(fields: Record<string, unknown>): Record<string, unknown> {
  const content = Object.fromEntries(Object.entries(fields).filter(([name, value]) => CONTENT_FIELDS.has(name) && value !== undefined));
  return typeof content.occurred === 'string' ? { ...content, ...dating(content.occurred) } : content;
}

function insertFact(db: Db, event: ProjectedEvent, tables: TableSet): D1PreparedStatement[] {
  const fact = { event_id: event.id, relation: event.relation, ...contentFields(event) };
  const item = itemOfColumns(fact);
  const columns = { ...toColumns(fact), item: JSON.stringify(item) };
  const names = Object.keys(columns);
  return [db.prepare(
    `INSERT INTO view_timeline${tables} (position, ${names.join(', ')})
     VALUES ((SELECT position FROM events WHERE id = ?1), ${names.map((_, index) => `?${index + 1}`).join(', ')})`,
    ...Object.values(columns),
  ), ...insertLanguageItems(db, item, event.relation, tables)];
}

/**
 * A correction sets the fields it names on the row of the event it points at, in its columns and in its
 * item alike (JSON columns go into the item as JSON, not as text).
 */
function applyCorrection(db: Db, target: string, changes: Record<string, unknown>, tables: TableSet) {
  const fields = contentFields(changes);
  const names = Object.keys(fields);
  const translations = Object.entries((changes.translations ?? {}) as Record<string, TranslatedText>)
    .map(([language, text]) => translateItem(db, target, language, text, tables, true));
  if (!names.length) return translations;
  const assignments = names.map((name, index) => `${name} = ?${index + 2}`);
  const columns = toColumns(fields);
  const itemChanges = names.flatMap((name, index) => {
    const key = itemKeyOf(name);
    if (key === null) return [];
    const json = typeof fields[name] === 'object' && fields[name] !== null;
    return [{ key, value: columns[name], json, placeholder: json ? `json(?${index + 2})` : `?${index + 2}` }];
  });
  assignments.push(`item = json_set(item, ${itemChanges.map(({ key, placeholder }) => `'$.${key}', ${placeholder}`).join(', ')})`);
  return [
    db.prepare(`UPDATE view_timeline${tables} SET ${assignments.join(', ')} WHERE event_id = ?1`, target, ...Object.values(columns)),
    ...correctLanguageItems(db, target, itemChanges, tables),
    ...translations,
  ];
}

/** A translation recorded: its language's item takes its text. */
function applyTranslation(db: Db, target: string, data: Record<string, unknown>, tables: TableSet) {
  const { language, headline, summary, translator } = data as unknown as { language: string } & TranslatedText;
  return [translateItem(db, target, language, { headline, summary: summary ?? null, translator }, tables)];
}

export const timelineProjector: Projector = {
  name: 'timeline',
  // 2: the date in words is kept in the row; 3: so is the item, as JSON; 4: the item links its fact's page;
  // 5: and the item in every other language.
  version: 5,
  tables: ['view_timeline', 'view_timeline_languages'],
  handle(db, event, tables) {
    const target = amendedEventId(event);
    if (target === null) return insertFact(db, event, tables);
    if (event.type === 'EventRetracted') {
      return [db.prepare(`DELETE FROM view_timeline${tables} WHERE event_id = ?1`, target), forgetLanguageItems(db, target, tables)];
    }
    if (event.type === 'EventTranslated') return applyTranslation(db, target, event.data, tables);
    return applyCorrection(db, target, event.data.changes as Record<string, unknown>, tables);
  },
};
