import { toHex } from '../hex';
import type { Db } from '../store/db';
import type { Topic } from './topics';

/**
 * The hub's subscriptions and the requests that make or end them. A request is kept as a verification until
 * the callback confirms it; only then does the subscription change (WebSub §5.1: a request that fails
 * verification leaves the subscription as it was).
 */

export type Mode = 'subscribe' | 'unsubscribe';

/** A request to subscribe or unsubscribe, waiting for its verification of intent. */
export interface Verification {
  id: string;
  subscriptionId: string;
  mode: Mode;
  /** hub.topic as it was sent: the challenge echoes it. */
  requestedTopic: string;
  topic: Topic;
  callback: string;
  /** hub.secret, sealed under the subscription's id; null: distributions unsigned. */
  secret: string | null;
  leaseSeconds: number;
}

/** The id of a (topic, callback) pair: a subscription is the same one whenever it is requested again. */
export async function websubSubscriptionId(topic: string, callback: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${topic}\n${callback}`)));
  return `ws_${toHex(digest.slice(0, 16))}`;
}

/**
 * Keeps a request for verification, unless its topic is a relation with no events (not a feed at all):
 * answers false then. One D1 call.
 */
export async function requestVerification(db: Db, request: Omit<Verification, 'id'>, id: string, now: string): Promise<boolean> {
  const { topic } = request;
  const row = await db.first<{ id: string }>(db.prepare(
    `INSERT INTO websub_verifications (id, subscription_id, mode, requested_topic, topic, callback, kind, relation, type, tag,
       level, secret, lease_seconds, status, requested)
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'pending', ?14
     WHERE ?8 IS NULL OR EXISTS (SELECT 1 FROM relations WHERE relation = ?8)
     RETURNING id`,
    id, request.subscriptionId, request.mode, request.requestedTopic, topic.url, request.callback, topic.kind,
    topic.relation, topic.type, topic.tag, topic.level, request.secret, request.leaseSeconds, now,
  ));
  return row !== null;
}

interface VerificationRow {
  id: string;
  subscription_id: string;
  mode: Mode;
  requested_topic: string;
  topic: string;
  callback: string;
  kind: Topic['kind'];
  relation: string | null;
  type: string | null;
  tag: string | null;
  level: string | null;
  secret: string | null;
  lease_seconds: number;
}

/** A request still waiting for its verification; null when it has been answered (or never was). */
export async function pendingVerification(db: Db, id: string): Promise<Verification | null> {
  const row = await db.first<VerificationRow>(db.prepare(
    `SELECT id, subscription_id, mode, requested_topic, topic, callback, kind, relation, type, tag, level, secret, lease_seconds
     FROM websub_verifications WHERE id = ?1 AND status = 'pending'`,
    id,
  ));
  if (!row) return null;
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    mode: row.mode,
    requestedTopic: row.requested_topic,
    topic: { url: row.topic, kind: row.kind, relation: row.relation, type: row.type, tag: row.tag, level: row.level },
    callback: row.callback,
    secret: row.secret,
    leaseSeconds: row.lease_seconds,
  };
}

/**
 * What the callback's answer to the challenge does, in one D1 call: a confirmed subscribe makes the
 * subscription or renews it (its lease from the challenge, its secret the new one, or none); a confirmed
 * unsubscribe ends it, and its distributions still waiting with it; a failed verification changes nothing
 * but the request's record.
 */
export async function answerVerification(
  db: Db, verification: Verification, outcome: { verified: boolean; failure: string | null; challenged: Date },
): Promise<void> {
  const at = outcome.challenged.toISOString();
  const record = db.prepare(
    // The secret, once the subscription holds it (or the request failed), is kept nowhere else.
    `UPDATE websub_verifications SET status = ?2, failure = ?3, answered = ?4, secret = NULL WHERE id = ?1`,
    verification.id, outcome.verified ? 'verified' : 'failed', outcome.failure, new Date().toISOString(),
  );
  if (!outcome.verified) {
    await db.batch([record]);
    return;
  }
  const { topic, subscriptionId: id } = verification;
  if (verification.mode === 'unsubscribe') {
    await db.batch([
      db.prepare(
        `UPDATE webhook_deliveries SET status = 'failed', failure = 'unsubscribed', claim = NULL, claimed_until = NULL
         WHERE subscription_id = ?1 AND status = 'pending'`,
        id,
      ),
      db.prepare('DELETE FROM websub_subscriptions WHERE id = ?1', id),
      record,
    ]);
    return;
  }
  const expires = new Date(outcome.challenged.getTime() + verification.leaseSeconds * 1000).toISOString();
  await db.batch([
    db.prepare(
      `INSERT INTO websub_subscriptions (id, topic, callback, kind, relation, type, tag, level, secret, lease_seconds, expires, created, updated)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)
       ON CONFLICT (id) DO UPDATE SET secret = excluded.secret, lease_seconds = excluded.lease_seconds,
         expires = excluded.expires, updated = excluded.updated`,
      id, topic.url, verification.callback, topic.kind, topic.relation, topic.type, topic.tag, topic.level,
      verification.secret, verification.leaseSeconds, expires, at,
    ),
    // The one message every distribution of this subscription refers to: what it distributes is the topic.
    db.prepare(
      `INSERT INTO webhook_messages (id, type, body, created) VALUES (?1, 'websub.distribution', ?2, ?3) ON CONFLICT (id) DO NOTHING`,
      distributionMessageId(id), JSON.stringify({ topic: topic.url }), at,
    ),
    record,
  ]);
}

/** The message of a subscription's distributions: `msg_` and the digits of its id. */
export const distributionMessageId = (subscriptionId: string) => `msg_${subscriptionId.slice('ws_'.length)}`;

/** Subscriptions whose lease has ended: removed by the cron (no distribution is made after `expires` anyway). */
export function expiredSubscriptions(db: Db, now: Date): D1PreparedStatement {
  return db.prepare('DELETE FROM websub_subscriptions WHERE expires <= ?1', now.toISOString());
}

/**
 * Requests still waiting after `lostMs` (their queue message was lost, or the Worker died), to be queued again
 * (the last statement's rows); those waiting after `givenUpMs` fail, so that a callback is never challenged hours
 * after it asked; the record of a request answered more than a week ago goes.
 */
export function verificationUpkeep(db: Db, now: Date, lostMs: number, givenUpMs: number): D1PreparedStatement[] {
  return [
    db.prepare(
      "DELETE FROM websub_verifications WHERE status <> 'pending' AND answered < ?1",
      new Date(now.getTime() - 7 * 24 * 3_600_000).toISOString(),
    ),
    db.prepare(
      `UPDATE websub_verifications SET status = 'failed', failure = 'the hub did not get to verify it in time: request it again', answered = ?1
       WHERE status = 'pending' AND requested < ?2`,
      now.toISOString(), new Date(now.getTime() - givenUpMs).toISOString(),
    ),
    db.prepare(
      `SELECT id FROM websub_verifications WHERE status = 'pending' AND requested < ?1 ORDER BY requested LIMIT 100`,
      new Date(now.getTime() - lostMs).toISOString(),
    ),
  ];
}
