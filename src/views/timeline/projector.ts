import { EVENT_FIELD_NAMES } from '../../domain/catalog';
import { daysInMonth, readOccurred, type Precision } from '../../domain/dates';
import type { Db } from '../../store/db';
import { toColumns } from '../../store/event-columns';
import { amendedEventId, type ProjectedEvent, type Projector, type TableSet } from '../projection';

/**
 * The timeline's write side: one row per live fact with the event's own fields (a column each, as in
 * the log), corrections applied, retractions removed, and the columns that follow from its date.
 */

/** The fields of an event the timeline keeps, each in a column of its own name. */
const CONTENT_FIELDS = new Set<string>(['type', ...EVENT_FIELD_NAMES, 'data']);

// A month is 01 to 12: `1943-21` is a season, and goes to the parser.
const PLAIN_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?$/;

/**
 * The columns that follow from `occurred`. The plain forms (`1976`, `1943-06`, `1890-12-01`), most
 * of the log, are read directly, since the EDTF parser is the slowest step of a rebuild; the log
 * only holds validated dates, and anything else goes through the parser.
 */
export function dating(occurred: string) {
  const plain = PLAIN_DATE.exec(occurred);
  const { precision, earliest, latest } = plain ? plainBounds(plain[1], plain[2], plain[3]) : readOccurred(occurred);
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
  version: 1,
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
