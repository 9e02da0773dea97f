import { EVENT_FIELD_NAMES } from '../../domain/catalog';
import { occurredInWords, readOccurred } from '../../domain/dates';
import type { Db } from '../../store/db';
import { toColumns } from '../../store/event-columns';
import { amendedEventId, type ProjectedEvent, type Projector, type TableSet } from '../projection';

/**
 * The timeline's write side: one row per live fact with the event's own fields (a column each, as in
 * the log), corrections applied, retractions removed, and the columns that follow from its date.
 */

/** The fields of an event the timeline keeps, each in a column of its own name. */
const CONTENT_FIELDS = new Set<string>(['type', ...EVENT_FIELD_NAMES, 'data']);

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

/** The content fields among `fields`, as columns; a change of date also changes the columns that follow from it. */
function contentColumns(fields: Record<string, unknown>): Record<string, unknown> {
  const content = Object.fromEntries(Object.entries(fields).filter(([name, value]) => CONTENT_FIELDS.has(name) && value !== undefined));
  return { ...toColumns(content), ...(typeof content.occurred === 'string' ? dating(content.occurred) : {}) };
}

function insertFact(db: Db, event: ProjectedEvent, tables: TableSet): D1PreparedStatement {
  const columns = { event_id: event.id, relation: event.relation, ...contentColumns(event) };
  const names = Object.keys(columns);
  return db.prepare(
    `INSERT INTO view_timeline${tables} (position, ${names.join(', ')})
     VALUES ((SELECT position FROM events WHERE id = ?1), ${names.map((_, index) => `?${index + 1}`).join(', ')})`,
    ...Object.values(columns),
  );
}

/** A correction sets the fields it names on the row of the event it points at. */
function applyCorrection(db: Db, target: string, changes: Record<string, unknown>, tables: TableSet) {
  const columns = contentColumns(changes);
  const names = Object.keys(columns);
  if (!names.length) return [];
  const assignments = names.map((name, index) => `${name} = ?${index + 2}`).join(', ');
  return [
    db.prepare(`UPDATE view_timeline${tables} SET ${assignments} WHERE event_id = ?1`, target, ...Object.values(columns)),
  ];
}

export const timelineProjector: Projector = {
  name: 'timeline',
  // 2: the date in words is kept in the row.
  version: 2,
  tables: ['view_timeline'],
  handle(db, event, tables) {
    const target = amendedEventId(event);
    if (target === null) return [insertFact(db, event, tables)];
    if (event.type === 'EventRetracted') {
      return [db.prepare(`DELETE FROM view_timeline${tables} WHERE event_id = ?1`, target)];
    }
    return applyCorrection(db, target, event.data.changes as Record<string, unknown>, tables);
  },
};
