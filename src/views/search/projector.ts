import type { Db } from '../../store/db';
import { copiedFromTimeline, type Projector, type TableSet } from '../projection';

/**
 * Search, write side: the words of every live fact (headline, summary, participants, places, and its
 * translations) in the FTS5 index `view_search`, copied from the fact's timeline rows, where corrections and
 * translations are applied.
 */

/** Copies the words of a fact from its timeline rows; the rowid is its position in the log. */
function copyWords(db: Db, eventId: string, tables: TableSet) {
  return db.prepare(
    `INSERT INTO view_search${tables} (rowid, event_id, relation, headline, summary, participants, places, translations)
     SELECT position, event_id, relation, headline, summary,
       (SELECT group_concat(value, '; ') FROM json_each(participants)),
       (SELECT group_concat(value, '; ') FROM json_each(places)),
       (SELECT group_concat(l.headline || COALESCE(' ' || l.summary, ''), ' ; ') FROM view_timeline_languages${tables} l
        WHERE l.event_id = ?1 AND l.translator IS NOT NULL)
     FROM view_timeline${tables} WHERE event_id = ?1`,
    eventId,
  );
}

// An FTS5 table finds a row fast by its rowid only: an amendment finds the words of its fact by the fact's position.
const ROWS_OF_EVENT = 'rowid = (SELECT position FROM events WHERE id = ?1)';

export const searchProjector: Projector = {
  name: 'search',
  // 2: with the words of the fact's translations.
  version: 2,
  tables: ['view_search'],
  handle(db, event, tables) {
    return copiedFromTimeline(db, event, [`view_search${tables}`], true, (id) => [copyWords(db, id, tables)], ROWS_OF_EVENT, true);
  },
};
