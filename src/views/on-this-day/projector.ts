import type { Db } from '../../store/db';
import { copiedFromTimeline, type Projector, type TableSet } from '../projection';

/**
 * On this day, write side: live events dated to an exact day, keyed by month and day. An event known
 * only to the month or the year, or to an approximate or uncertain day (`1890-12-01~`), has no anniversary.
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
  name: 'on-this-day',
  version: 1,
  tables: ['view_on_this_day'],
  handle(db, event, tables) {
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(event.occurred);
    return copiedFromTimeline(db, event, [`view_on_this_day${tables}`], dated, (id) => [copyDay(db, id, tables)]);
  },
};
