import type { Db } from '../store/db';
import type { MessageKind } from './kinds';

/** The delivery log: each delivery of a subscription with every attempt, as editors read it. */

export interface Attempt {
  attempted: string;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
  succeeded: boolean;
}

export interface DeliveryView {
  id: string;
  messageId: string;
  type: MessageKind;
  status: 'pending' | 'succeeded' | 'failed';
  created: string;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  failure: string | null;
  deadLetteredAt: string | null;
  attempts: Attempt[];
}

interface DeliveryRow {
  seq: number;
  id: string;
  message_id: string;
  type: MessageKind;
  status: DeliveryView['status'];
  created: string;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  failure: string | null;
  dead_lettered_at: string | null;
}

interface AttemptRow {
  delivery_id: string;
  attempted: string;
  status_code: number | null;
  latency_ms: number;
  response_body: string | null;
  error: string | null;
  succeeded: number;
}

export interface DeliveryQuery {
  status?: DeliveryView['status'];
  before?: number;
  limit: number;
}

const PAGE = `
  SELECT d.rowid AS seq, d.id, d.message_id, m.type, d.status, d.created, d.next_attempt_at, d.last_attempt_at,
    d.failure, d.dead_lettered_at
  FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id
  WHERE d.subscription_id = ?1 AND (?2 IS NULL OR d.status = ?2) AND (?3 IS NULL OR d.rowid < ?3)
  ORDER BY d.rowid DESC LIMIT ?4`;

/** A subscription's deliveries, newest first, each with its attempts; null when there is no such subscription. */
export async function deliveriesOf(db: Db, subscriptionId: string, query: DeliveryQuery) {
  const params = [subscriptionId, query.status ?? null, query.before ?? null, query.limit];
  const [known, page, attempts] = await db.batch([
    db.prepare('SELECT id FROM webhook_subscriptions WHERE id = ?1', subscriptionId),
    db.prepare(PAGE, ...params),
    db.prepare(
      `SELECT delivery_id, attempted, status_code, latency_ms, response_body, error, succeeded FROM webhook_attempts
       WHERE delivery_id IN (SELECT id FROM (${PAGE})) ORDER BY id`,
      ...params,
    ),
  ]);
  if (known.results.length === 0) return null;
  const byDelivery = new Map<string, AttemptRow[]>();
  for (const row of attempts.results as AttemptRow[]) byDelivery.set(row.delivery_id, [...(byDelivery.get(row.delivery_id) ?? []), row]);
  const rows = page.results as DeliveryRow[];
  return {
    deliveries: rows.map((row) => deliveryView(row, byDelivery.get(row.id) ?? [])),
    before: rows.length === query.limit ? rows[rows.length - 1].seq : null,
  };
}

function deliveryView(row: DeliveryRow, attempts: AttemptRow[]): DeliveryView {
  return {
    id: row.id,
    messageId: row.message_id,
    type: row.type,
    status: row.status,
    created: row.created,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    failure: row.failure,
    deadLetteredAt: row.dead_lettered_at,
    attempts: attempts.map(attemptFromRow),
  };
}

export function attemptFromRow(row: Omit<AttemptRow, 'delivery_id'>): Attempt {
  return {
    attempted: row.attempted,
    statusCode: row.status_code,
    latencyMs: row.latency_ms,
    responseBody: row.response_body,
    error: row.error,
    succeeded: row.succeeded === 1,
  };
}

export async function deliveryById(db: Db, subscriptionId: string, deliveryId: string): Promise<DeliveryView | null> {
  const [page, attempts] = await db.batch([
    db.prepare(
      `SELECT d.rowid AS seq, d.id, d.message_id, m.type, d.status, d.created, d.next_attempt_at, d.last_attempt_at,
         d.failure, d.dead_lettered_at
       FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id
       WHERE d.id = ?1 AND d.subscription_id = ?2`,
      deliveryId, subscriptionId,
    ),
    db.prepare(
      `SELECT delivery_id, attempted, status_code, latency_ms, response_body, error, succeeded FROM webhook_attempts
       WHERE delivery_id = ?1 ORDER BY id`,
      deliveryId,
    ),
  ]);
  const row = page.results[0] as DeliveryRow | undefined;
  return row ? deliveryView(row, attempts.results as AttemptRow[]) : null;
}
