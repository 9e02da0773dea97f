import type { FactType } from '../../domain/catalog';
import type { RelationChange } from '../../domain/relation-status';
import type { Db } from '../../store/db';
import { copiedFromTimeline, type Projector, type TableSet } from '../projection';

/**
 * Relation status, write side: the live events that established, severed or restored relations, and
 * those that qualify their state over a span without changing it.
 */

/** The fact types that change the state of relations, and the change each makes. */
export const CHANGE_OF_TYPE: Partial<Record<FactType, RelationChange>> = {
  RelationsEstablished: 'established',
  RelationsSevered: 'severed',
  RelationsRestored: 'restored',
};

/** The fact type that qualifies the state of relations (its `data.qualifier` says how). */
export const QUALIFYING_TYPE: FactType = 'RelationsQualified';

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

/** Copies a qualifier from its timeline row, likewise. */
function copyQualifier(db: Db, eventId: string, tables: TableSet) {
  return db.prepare(
    `INSERT INTO view_relation_qualifiers${tables} (event_id, relation, qualifier, position)
     SELECT event_id, relation, json_extract(data, '$.qualifier'), position
     FROM view_timeline${tables}
     WHERE event_id = ?1 AND type = ?2`,
    eventId, QUALIFYING_TYPE,
  );
}

export const relationStatusProjector: Projector = {
  name: 'relation-status',
  version: 2,
  tables: ['view_relation_status', 'view_relation_qualifiers'],
  handle(db, event, tables) {
    const copies = event.type in CHANGE_OF_TYPE || event.type === QUALIFYING_TYPE;
    return copiedFromTimeline(
      db, event, [`view_relation_status${tables}`, `view_relation_qualifiers${tables}`], copies,
      (id) => [copyChange(db, id, tables), copyQualifier(db, id, tables)],
    );
  },
};
