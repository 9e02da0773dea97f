import type { FactType } from '../../domain/catalog';
import type { RelationChange } from '../../domain/relation-status';
import type { Db } from '../../store/db';
import { copiedFromTimeline, type Projector, type TableSet } from '../projection';

/** Relation status, write side: the live events that established, severed or restored relations. */

/** The fact types that change the state of relations, and the change each makes. */
export const CHANGE_OF_TYPE: Partial<Record<FactType, RelationChange>> = {
  RelationsEstablished: 'established',
  RelationsSevered: 'severed',
  RelationsRestored: 'restored',
};

/** Copies a change from its timeline row, where corrections have already been applied. */
function copyChange(db: Db, eventId: string, tables: TableSet) {
  return db.prepare(
    `INSERT INTO view_relation_status${tables} (event_id, relation, change, position)
     SELECT event_id, relation, json_extract(?2, '$.' || type), position
     FROM view_timeline${tables}
     WHERE event_id = ?1 AND json_extract(?2, '$.' || type) IS NOT NULL`,
    eventId, JSON.stringify(CHANGE_OF_TYPE),
  );
}

export const relationStatusProjector: Projector = {
  name: 'relation-status',
  version: 1,
  tables: ['view_relation_status'],
  handle(db, event, tables) {
    const changes = event.type in CHANGE_OF_TYPE;
    return copiedFromTimeline(db, event, [`view_relation_status${tables}`], changes, (id) => [copyChange(db, id, tables)]);
  },
};
