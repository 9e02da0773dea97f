import { occurredInWords } from '../domain/dates';
import {
  relationStatusOn as statusOn, relationStatusPeriods as periodsOf,
  type RelationChange, type RelationStatusOn, type StatusChange, type StatusPeriod,
} from '../domain/relation-status';
import type { Db } from '../store/db';
import { readViews } from './freshness';
import { copiedFromTimeline, type Projector, type TableSet } from './projection';

/** Relation status: the live events that established, severed or restored relations. */

const CHANGES: Record<string, RelationChange> = {
  RelationsEstablished: 'established',
  RelationsSevered: 'severed',
  RelationsRestored: 'restored',
};

/** Copies a change from its timeline row, where corrections have already been applied. */
function copyChange(db: Db, eventId: string, tables: TableSet) {
  return db.prepare(
    `INSERT INTO view_relation_status${tables} (event_id, relation, change, position)
     SELECT event_id, relation,
       CASE type WHEN 'RelationsEstablished' THEN 'established' WHEN 'RelationsSevered' THEN 'severed' ELSE 'restored' END,
       position
     FROM view_timeline${tables}
     WHERE event_id = ?1 AND type IN ('RelationsEstablished', 'RelationsSevered', 'RelationsRestored')`,
    eventId,
  );
}

export const relationStatusProjector: Projector = {
  view: 'relation-status',
  version: 1,
  tables: ['view_relation_status'],
  project(db, event, tables) {
    const changes = event.type in CHANGES;
    return copiedFromTimeline(db, event, `view_relation_status${tables}`, changes, (id) => copyChange(db, id, tables));
  },
};

/** The event that made relations so, as a reader needs it. */
export interface StatusEvent {
  id: string;
  type: string;
  occurred: string;
  occurredInWords: string;
  headline: string;
  links: { event: string };
}

interface ChangeRow {
  event_id: string;
  change: RelationChange;
  position: number;
  type: string;
  occurred: string;
  earliest: string | null;
  latest: string | null;
  sort_day: string;
  headline: string;
}

function statusChange(row: ChangeRow): StatusChange<StatusEvent> {
  return {
    change: row.change,
    occurred: row.occurred,
    earliest: row.earliest,
    latest: row.latest,
    sortDay: row.sort_day,
    position: row.position,
    event: {
      id: row.event_id,
      type: row.type,
      occurred: row.occurred,
      occurredInWords: occurredInWords(row.occurred),
      headline: row.headline,
      links: { event: `/v1/events/${row.event_id}` },
    },
  };
}

/** The status changes of a relation, oldest first: read with `statusChangesFrom`. */
export function statusChangesQuery(db: Db, relation: string): D1PreparedStatement {
  return db.prepare(
    `SELECT s.event_id, s.change, s.position, t.type, t.occurred, t.earliest, t.latest, t.sort_day, t.headline
     FROM view_relation_status s JOIN view_timeline t ON t.event_id = s.event_id
     WHERE s.relation = ?1 ORDER BY t.sort_day, s.position`,
    relation,
  );
}

export function statusChangesFrom(result: D1Result): StatusChange<StatusEvent>[] {
  return (result.results as ChangeRow[]).map(statusChange);
}

/** Every change of a relation's status, or null for an unknown relation. One D1 call. */
async function statusChanges(db: Db, relation: string): Promise<StatusChange<StatusEvent>[] | null> {
  const [known, rows] = await readViews(db, [
    db.prepare('SELECT 1 FROM relations WHERE relation = ?1', relation),
    statusChangesQuery(db, relation),
  ]);
  if (!known.results.length) return null;
  return statusChangesFrom(rows);
}

export interface RelationStatusReport extends RelationStatusOn<StatusEvent> {
  on: string;
  periods: StatusPeriod<StatusEvent>[];
}

/** Whether relations were established, severed or restored on `day`, and the periods over time. One D1 call. */
export async function relationStatusReport(db: Db, relation: string, day: string): Promise<RelationStatusReport | null> {
  const changes = await statusChanges(db, relation);
  return changes && statusReport(changes, day);
}

export function statusReport(changes: StatusChange<StatusEvent>[], day: string): RelationStatusReport {
  return { on: day, ...statusOn(changes, day), periods: periodsOf(changes) };
}
