import { amendableTypes, dataSchemas, isAmendment, type FactType } from '../domain/catalog';
import { AMENDMENT_TYPES_SQL } from './amendment-types';
import type { Db } from './db';
import type { PendingEvent, StoredIdentity } from './events';

/** One field that is wrong, as a JSON pointer into the request body. */
export interface FieldError {
  pointer: string;
  detail: string;
}


/**
 * Abort the batch they are in unless the amendment points at a fact of its relation, recorded before it,
 * whose type the amendment suits (see migrations/0005); and, for a translation, unless that fact is not
 * retracted, and for a correction of translations, unless each was recorded (migrations/0022).
 */
export function requireTarget(db: Db, amendment: PendingEvent): D1PreparedStatement[] {
  const { relation, data } = amendment;
  const target = db.prepare(
    'INSERT INTO amendment_targets (relation, event_id, allowed_types) VALUES (?1, ?2, ?3)',
    relation, data.eventId, JSON.stringify(amendableTypes(amendment.type, data)),
  );
  const languages = amendment.type === 'EventTranslated' ? [null] : Object.keys(correctedTranslations(data));
  const translations = languages.map((language) =>
    db.prepare('INSERT INTO translation_targets (relation, event_id, language) VALUES (?1, ?2, ?3)', relation, data.eventId, language));
  return [target, ...translations];
}

const correctedTranslations = (data: Record<string, unknown>) =>
  ((data.changes as { translations?: Record<string, unknown> } | undefined)?.translations ?? {});

/** The amendments of the events `ids`, as `explainAmendments` reads them. */
export function selectAmendmentsOf(db: Db, ids: string[]): D1PreparedStatement {
  return db.prepare(
    `SELECT type, json_extract(data, '$.eventId') AS target, json_extract(data, '$.language') AS language FROM events
     WHERE type IN (${AMENDMENT_TYPES_SQL}) AND json_extract(data, '$.eventId') IN (SELECT value FROM json_each(?1))`,
    JSON.stringify(ids),
  );
}

/** An amendment already recorded, as `selectAmendmentsOf` reads it. */
export interface StoredAmendment {
  type: string;
  target: string;
  language: string | null;
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
export function amendmentProblems(
  relation: string, events: PendingEvent[], stored: StoredIdentity[], amendments: StoredAmendment[] = [],
): FieldError[] {
  const known = new Map<string, { relation: string; type: string }>(stored.map((row) => [row.id, row]));
  const amended = [...amendments];
  const errors: FieldError[] = [];
  events.forEach((event, index) => {
    if (isAmendment(event.type)) {
      const problems = amendmentErrors(event, index, relation, known);
      errors.push(...(problems.length ? problems : translationErrors(event, index, amended)));
      amended.push({ type: event.type, target: event.data.eventId as string, language: (event.data.language as string | undefined) ?? null });
    }
    known.set(event.id, { relation, type: event.type });
  });
  return errors;
}

/** Why a translation, or a correction of one, cannot be recorded: its fact is retracted, or the translation it corrects is none. */
function translationErrors(event: PendingEvent, index: number, amended: StoredAmendment[]): FieldError[] {
  const target = event.data.eventId as string;
  const of = amended.filter((amendment) => amendment.target === target);
  if (event.type === 'EventTranslated') {
    return of.some((amendment) => amendment.type === 'EventRetracted')
      ? [{ pointer: `/events/${index}/data/eventId`, detail: 'a retracted fact' }]
      : [];
  }
  return Object.keys(correctedTranslations(event.data))
    .filter((language) => !of.some((amendment) => amendment.type === 'EventTranslated' && amendment.language === language))
    .map((language) => ({
      pointer: `/events/${index}/data/changes/translations/${language}`,
      detail: `no translation into ${language}`,
    }));
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
  if (isAmendment(target.type)) return [{ pointer, detail: 'an amendment points at a fact, not at another amendment' }];
  const corrected = (event.data.changes as { data?: unknown } | undefined)?.data;
  if (event.type !== 'EventCorrected' || corrected === undefined) return [];
  const result = dataSchemas[target.type as FactType].safeParse(corrected);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    pointer: [`/events/${index}/data/changes/data`, ...issue.path.map(String)].join('/'),
    detail: `${issue.message} (for ${target.type})`,
  }));
}
