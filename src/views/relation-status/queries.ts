import { z } from 'zod';
import {
  relationStatusOn as statusOn, relationStatusPeriods as periodsOf, RELATION_CHANGES, RELATION_STATES,
  type RelationChange, type RelationStatusOn, type StatusChange, type StatusPeriod,
} from '../../domain/relation-status';
import { factPagePath } from '../../domain/pages';
import { Uuid } from '../../domain/uuid';
import type { Db } from '../../store/db';
import { readRelationViews } from '../freshness';
import { inWords } from '../timeline/item';

/** Relation status, read side: whether relations were open on a day, and the periods over time. */

/** The event that made relations so, as a reader needs it. */
export const StatusEvent = z.object({
  id: Uuid,
  type: z.string(),
  occurred: z.string(),
  occurredInWords: z.string(),
  headline: z.string(),
  links: z.object({ event: z.string(), page: z.string().describe("the fact's page, for people") }),
});
export type StatusEvent = z.output<typeof StatusEvent>;

interface ChangeRow {
  event_id: string;
  change: RelationChange;
  position: number;
  type: string;
  occurred: string;
  occurred_in_words: string | null;
  earliest: string | null;
  latest: string | null;
  sort_day: string;
  headline: string;
}

function statusChange(row: ChangeRow & { relation: string }): StatusChange<StatusEvent> {
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
      occurredInWords: inWords(row),
      headline: row.headline,
      links: { event: `/v1/events/${row.event_id}`, page: factPagePath(row.relation, row.event_id) },
    },
  };
}

/** The status changes of a relation, oldest first: read with `statusChangesFrom`. */
export function statusChangesQuery(db: Db, relation: string): D1PreparedStatement {
  return db.prepare(
    `SELECT s.event_id, s.relation, s.change, s.position, t.type, t.occurred, t.occurred_in_words, t.earliest, t.latest, t.sort_day, t.headline
     FROM view_relation_status s JOIN view_timeline t ON t.event_id = s.event_id
     WHERE s.relation = ?1 ORDER BY t.sort_day, s.position`,
    relation,
  );
}

/** The status changes of every relation, by relation and oldest first: read with `statusChangesByRelation`. */
export function allStatusChangesQuery(db: Db): D1PreparedStatement {
  return db.prepare(
    `SELECT s.event_id, s.relation, s.change, s.position, t.type, t.occurred, t.occurred_in_words, t.earliest, t.latest, t.sort_day, t.headline
     FROM view_relation_status s JOIN view_timeline t ON t.event_id = s.event_id
     ORDER BY s.relation, t.sort_day, s.position`,
  );
}

export function statusChangesByRelation(result: D1Result): Map<string, StatusChange<StatusEvent>[]> {
  const byRelation = new Map<string, StatusChange<StatusEvent>[]>();
  for (const row of result.results as (ChangeRow & { relation: string })[]) {
    byRelation.set(row.relation, [...(byRelation.get(row.relation) ?? []), statusChange(row)]);
  }
  return byRelation;
}

export function statusChangesFrom(result: D1Result): StatusChange<StatusEvent>[] {
  return (result.results as (ChangeRow & { relation: string })[]).map(statusChange);
}

/** Whether relations were open on a day, with the event that made them so, and every period over time. */
export const RelationStatusReport = z.object({
  on: z.string(),
  status: z.enum(RELATION_STATES),
  reason: z.string(),
  event: StatusEvent.nullable(),
  possibleChange: StatusEvent.nullable(),
  periods: z.array(z.object({ status: z.enum(RELATION_CHANGES), from: z.string(), until: z.string().nullable(), event: StatusEvent })),
});
export type RelationStatusReport = RelationStatusOn<StatusEvent> & { on: string; periods: StatusPeriod<StatusEvent>[] };

/** Whether relations were established, severed or restored on `day`, and the periods over time; null for an unknown relation. One D1 call. */
export async function relationStatusReport(db: Db, relation: string, day: string): Promise<RelationStatusReport | null> {
  const read = await readRelationViews(db, relation, [statusChangesQuery(db, relation)]);
  return read && statusReport(statusChangesFrom(read[0]), day);
}

export function statusReport(changes: StatusChange<StatusEvent>[], day: string): RelationStatusReport {
  return { on: day, ...statusOn(changes, day), periods: periodsOf(changes) };
}
