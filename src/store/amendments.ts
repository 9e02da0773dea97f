import { amendableTypes, dataSchemas, isAmendment, type FactType } from '../domain/catalog';
import type { Db } from './db';
import type { PendingEvent, StoredIdentity } from './events';

/** One field that is wrong, as a JSON pointer into the request body. */
export interface FieldError {
  pointer: string;
  detail: string;
}

/**
 * Aborts the batch it is in unless the amendment points at a fact of its relation, recorded
 * before it, whose type the amendment suits (see migrations/0005).
 */
export function requireTarget(db: Db, amendment: PendingEvent): D1PreparedStatement {
  return db.prepare(
    'INSERT INTO amendment_targets (relation, event_id, allowed_types) VALUES (?1, ?2, ?3)',
    amendment.relation, amendment.data.eventId, JSON.stringify(amendableTypes(amendment.type, amendment.data)),
  );
}

/** The ids the amendments among `events` point at. */
export function amendedIds(events: PendingEvent[]): string[] {
  return events.filter((event) => isAmendment(event.type)).map((event) => event.data.eventId as string);
}

/**
 * Why amendments cannot be recorded, each at its JSON pointer, given the stored events they point
 * at: a target that is unknown, in another relation, or itself an amendment, or corrected `data`
 * that does not suit the target's type. An earlier event of the same request counts as recorded.
 */
export function amendmentProblems(relation: string, events: PendingEvent[], stored: StoredIdentity[]): FieldError[] {
  const known = new Map<string, { relation: string; type: string }>(stored.map((row) => [row.id, row]));
  const errors: FieldError[] = [];
  events.forEach((event, index) => {
    if (isAmendment(event.type)) errors.push(...amendmentErrors(event, index, relation, known));
    known.set(event.id, { relation, type: event.type });
  });
  return errors;
}

function amendmentErrors(
  event: PendingEvent,
  index: number,
  relation: string,
  known: Map<string, { relation: string; type: string }>,
): FieldError[] {
  const pointer = `/events/${index}/data/eventId`;
  const target = known.get(event.data.eventId as string);
  if (!target || target.relation !== relation) {
    return [{ pointer, detail: `no earlier event of ${relation} has this id` }];
  }
  if (isAmendment(target.type)) return [{ pointer, detail: 'corrections and retractions point at a fact, not at another amendment' }];
  const corrected = (event.data.changes as { data?: unknown } | undefined)?.data;
  if (event.type !== 'EventCorrected' || corrected === undefined) return [];
  const result = dataSchemas[target.type as FactType].safeParse(corrected);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    pointer: [`/events/${index}/data/changes/data`, ...issue.path.map(String)].join('/'),
    detail: `${issue.message} (for ${target.type})`,
  }));
}
