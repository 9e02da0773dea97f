import { isAmendment, keptFields, SCHEMA_VERSION, type NewEvent } from '../domain/catalog';
import { parseOccurred } from '../domain/dates';
import { sha256Hex } from '../digest';
import { amendedIds, amendmentProblems, requireTarget, selectAmendmentsOf, type FieldError, type StoredAmendment } from './amendments';
import type { Db } from './db';
import { insertEvent, selectIdentities, type PendingEvent, type StoredIdentity } from './events';
import { advanceVersion, openRelation, requireVersion, selectVersion } from './relations';
import { selectActiveRestore } from './restores';

/** Appending to the log: one D1 batch per append, and what explains a batch that failed. */

export interface AppendRequest {
  relation: string;
  expectedVersion?: number;
  actor: string;
  events: NewEvent[];
  /** The transaction time of this append; every event of it gets the same `recorded`. */
  recorded: string;
}

/** Rows that other tables keep in step with the log: written in the same batch as the event. */
export type AlsoWrite = (event: PendingEvent) => D1PreparedStatement[];

export interface AppendedEvent {
  id: string;
  position: number;
  version: number;
}

export type AppendOutcome =
  | {
    outcome: 'appended'; relation: string; version: number; events: AppendedEvent[];
    /** The rows the statements kept in step with the events returned, for what follows the commit. */
    keptInStep: Record<string, unknown>[];
  }
  | { outcome: 'replayed'; relation: string; version: number; events: AppendedEvent[] }
  | { outcome: 'version-conflict'; currentVersion: number }
  | { outcome: 'id-conflict'; ids: string[] }
  | { outcome: 'partly-recorded'; ids: string[] }
  | { outcome: 'invalid'; errors: FieldError[] }
  /** A restore of the log is under way: nothing is appended until it ends (migrations/0016). */
  | { outcome: 'restoring' };

/**
 * Appends events to a relation's log in ONE D1 batch (one transaction): the events, and whatever
 * `alsoWrite` keeps in step with them. A retry with ids already in the log writes nothing and
 * answers with the original positions.
 */
export async function appendEvents(
  db: Db,
  request: AppendRequest,
  alsoWrite: AlsoWrite = () => [],
  attempts = 2,
): Promise<AppendOutcome> {
  const duplicates = duplicateIds(request.events);
  if (duplicates.length) return { outcome: 'invalid', errors: duplicates };

  const digests = await Promise.all(request.events.map((event) => digestOf(request.relation, event)));
  const pending = request.events.map((event, index) => pendingEvent(request, event, digests[index]));
  const { statements, inserts } = appendBatch(db, request, pending, alsoWrite);

  try {
    const results = await db.batch<AppendedEvent>(statements);
    const events = inserts.map((at) => results[at].results[0]);
    const eventRows = new Set(inserts);
    const keptInStep = results.flatMap((result, at) => (eventRows.has(at) ? [] : result.results)) as unknown as Record<string, unknown>[];
    return { outcome: 'appended', relation: request.relation, version: events[events.length - 1].version, events, keptInStep };
  } catch (error) {
    const explained = await explainFailedAppend(db, request, pending);
    if (explained) return explained;
    // Nothing in the log explains it now: it changed in between (an amended event recorded meanwhile).
    if (attempts > 1) return appendEvents(db, request, alsoWrite, attempts - 1);
    throw error;
  }
}

/**
 * The statements of an append, in the order they run in its one batch: the relation opened, the expected
 * version held, and for each event its amendment's target checked, its row and what is kept in step with
 * it; then the relation's new version. `inserts` says which results are the events' rows.
 */
export function appendBatch(db: Db, request: AppendRequest, pending: PendingEvent[], alsoWrite: AlsoWrite) {
  const statements = [openRelation(db, request.relation, request.recorded)];
  if (request.expectedVersion !== undefined) {
    statements.push(requireVersion(db, request.relation, request.expectedVersion));
  }
  const inserts: number[] = [];
  pending.forEach((event, index) => {
    if (isAmendment(event.type)) statements.push(...requireTarget(db, event));
    inserts.push(statements.length);
    statements.push(insertEvent(db, event, index + 1), ...alsoWrite(event));
  });
  statements.push(advanceVersion(db, request.relation, pending.length));
  return { statements, inserts };
}

/** An event as the log will hold it: its id, its date read, what it is about kept, its digest. */
export function pendingEvent(request: AppendRequest, event: NewEvent, digest: string): PendingEvent {
  // A correction or retraction that gives no date of its own happened when it was recorded.
  const occurred = event.occurred ?? request.recorded.slice(0, 10);
  const { earliest, latest } = parseOccurred(occurred);
  return {
    id: event.id ?? crypto.randomUUID(),
    type: event.type,
    ...keptFields(event),
    occurred,
    data: event.data,
    relation: request.relation,
    schema: SCHEMA_VERSION,
    recorded: request.recorded,
    actor: request.actor,
    occurredEarliest: earliest,
    occurredLatest: latest,
    digest,
  };
}

/** Identifies the event as submitted, so that a retry can be told from a different event with the same id. */
export function digestOf(relation: string, event: NewEvent): Promise<string> {
  return sha256Hex(JSON.stringify([relation, event]));
}

function duplicateIds(events: NewEvent[]): FieldError[] {
  const seen = new Set<string>();
  return events.flatMap((event, index) => {
    if (event.id === undefined) return [];
    if (seen.has(event.id)) return [{ pointer: `/events/${index}/id`, detail: 'the same id appears twice in this request' }];
    seen.add(event.id);
    return [];
  });
}

/**
 * The batch wrote nothing. Work out why with one read: a retry, an id conflict, a restore under way, an
 * amendment that points at the wrong event, or a stale expected version; null when none of these.
 */
async function explainFailedAppend(
  db: Db,
  request: AppendRequest,
  pending: PendingEvent[],
): Promise<AppendOutcome | null> {
  const ids = pending.map((event) => event.id);
  const [identities, version, restore, amendments] = await db.batch([
    selectIdentities(db, [...ids, ...amendedIds(pending)]),
    selectVersion(db, request.relation),
    selectActiveRestore(db),
    selectAmendmentsOf(db, amendedIds(pending)),
  ]);
  const rows = identities.results as StoredIdentity[];
  const stored = new Map(rows.filter((row) => ids.includes(row.id)).map((row) => [row.id, row]));
  const currentVersion = (version.results[0] as { version: number } | undefined)?.version ?? 0;
  if (stored.size > 0) {
    const changed = pending.filter((event) => stored.has(event.id) && stored.get(event.id)!.digest !== event.digest);
    if (changed.length) return { outcome: 'id-conflict', ids: changed.map((event) => event.id) };
    // A retry that also carries new events: answering 200 would hide them, appending would split the call.
    if (stored.size < pending.length) return { outcome: 'partly-recorded', ids: [...stored.keys()] };
    const events = pending.map(({ id }) => {
      const { position, version } = stored.get(id)!;
      return { id, position, version };
    });
    return { outcome: 'replayed', relation: request.relation, version: currentVersion, events };
  }
  if (restore.results.length) return { outcome: 'restoring' };
  const errors = amendmentProblems(request.relation, pending, rows, amendments.results as unknown as StoredAmendment[]);
  if (errors.length) return { outcome: 'invalid', errors };
  if (request.expectedVersion !== undefined && request.expectedVersion !== currentVersion) {
    return { outcome: 'version-conflict', currentVersion };
  }
  return null;
}
