import type { Db } from '../store/db';

/** A delivery taken for an attempt, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  messageId: string;
  attempts: number;
  body: string;
  url: string;
  /** The live secrets as stored: sealed (sealed-secrets.ts), the newest first; none for a WebSub subscription without hub.secret. */
  storedSecrets: string[];
  disabledReason: string | null;
  /** A WebSub content distribution: the topic whose content is sent (src/websub); null for a webhook message. */
  topic: string | null;
}

interface ClaimedRow {
  id: string;
  subscription_id: string;
  message_id: string;
  attempts: number;
  body: string;
  url: string | null;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_expires: string | null;
  enabled: number;
  disabled_reason: string | null;
  topic: string | null;
}

// A queue message may arrive a little before the delivery's due time.
const EARLY_MS = 2_000;

/**
 * Takes pending, due, unclaimed deliveries for an attempt, in one D1 call, for `leaseMs`: a lease that
 * runs out means the attempt's worker died. Anything else asked for
 * (already delivered, claimed by another attempt, a stale duplicate in the queue) is left alone.
 */
export async function claimDeliveries(db: Db, ids: string[], now: Date, leaseMs: number): Promise<ClaimedDelivery[]> {
  const claim = crypto.randomUUID();
  const at = now.toISOString();
  const [, claimed] = await db.batch<ClaimedRow>([
    db.prepare(
      `UPDATE webhook_deliveries SET claim = ?2, claimed_until = ?3
       WHERE id IN (SELECT value FROM json_each(?1)) AND status = 'pending'
         AND (claimed_until IS NULL OR claimed_until < ?4) AND next_attempt_at <= ?5`,
      JSON.stringify(ids), claim, new Date(now.getTime() + leaseMs).toISOString(), at,
      new Date(now.getTime() + EARLY_MS).toISOString(),
    ),
    // A delivery is to a webhook subscription or to a WebSub subscription (whose lease may have ended).
    db.prepare(
      `SELECT d.id, d.subscription_id, d.message_id, d.attempts, m.body, COALESCE(s.url, w.callback) AS url,
         COALESCE(s.secret, w.secret) AS secret, s.previous_secret, s.previous_secret_expires, w.topic,
         CASE WHEN s.id IS NOT NULL THEN s.enabled WHEN w.expires > ?3 THEN 1 ELSE 0 END AS enabled,
         CASE WHEN s.id IS NOT NULL THEN s.disabled_reason WHEN w.id IS NOT NULL THEN 'its lease ended at ' || w.expires
           ELSE 'the subscription has ended' END AS disabled_reason
       FROM webhook_deliveries d
       JOIN webhook_messages m ON m.id = d.message_id
       LEFT JOIN webhook_subscriptions s ON s.id = d.subscription_id
       LEFT JOIN websub_subscriptions w ON w.id = d.subscription_id
       WHERE d.id IN (SELECT value FROM json_each(?1)) AND d.claim = ?2`,
      JSON.stringify(ids), claim, at,
    ),
  ]);
  return claimed.results.map((row) => ({
    id: row.id,
    subscriptionId: row.subscription_id,
    messageId: row.message_id,
    attempts: row.attempts,
    body: row.body,
    url: row.url ?? '',
    storedSecrets: [row.secret, row.previous_secret && row.previous_secret_expires && row.previous_secret_expires > at ? row.previous_secret : null]
      .filter((secret): secret is string => secret !== null),
    disabledReason: row.enabled ? null : row.disabled_reason ?? 'disabled',
    topic: row.topic,
  }));
}

/**
 * Pending deliveries whose attempt is long overdue (lost between the outbox and the queue, or a worker
 * died mid-attempt): marks them due now and answers their ids, to be queued again. A statement, for the
 * cron's first batch.
 */
export function overdueDeliveries(db: Db, now: Date, overdueMs: number, limit: number): D1PreparedStatement {
  return db.prepare(
    `UPDATE webhook_deliveries SET next_attempt_at = ?1
     WHERE id IN (
       SELECT id FROM webhook_deliveries
       WHERE status = 'pending' AND next_attempt_at < ?2 AND (claimed_until IS NULL OR claimed_until < ?1)
       ORDER BY next_attempt_at LIMIT ?3)
     RETURNING id`,
    now.toISOString(), new Date(now.getTime() - overdueMs).toISOString(), limit,
  );
}

const START_AGAIN = `status = 'pending', attempts = 0, next_attempt_at = ?1, failure = NULL, claim = NULL, claimed_until = NULL`;

/** Starts a new round of attempts for one delivery that is not pending; answers its status before. */
export async function restartDelivery(db: Db, subscriptionId: string, deliveryId: string, now: string) {
  const [before] = await db.batch<{ status: string }>([
    db.prepare('SELECT status FROM webhook_deliveries WHERE id = ?1 AND subscription_id = ?2', deliveryId, subscriptionId),
    db.prepare(
      `UPDATE webhook_deliveries SET ${START_AGAIN} WHERE id = ?2 AND subscription_id = ?3 AND status <> 'pending'`,
      now, deliveryId, subscriptionId,
    ),
  ]);
  return before.results[0]?.status ?? null;
}

/** Starts a new round for every failed delivery of a subscription created since an instant. */
export async function restartFailedSince(db: Db, subscriptionId: string, since: string, now: string): Promise<string[]> {
  const rows = await db.all<{ id: string }>(db.prepare(
    `UPDATE webhook_deliveries SET ${START_AGAIN}
     WHERE subscription_id = ?2 AND status = 'failed' AND created >= ?3 RETURNING id`,
    now, subscriptionId, since,
  ));
  return rows.map((row) => row.id);
}
