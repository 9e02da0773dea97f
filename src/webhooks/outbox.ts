import { isAmendment } from '../domain/catalog';
import type { Db } from '../store/db';
import type { PendingEvent } from '../store/events';
import { MATCHES_FILTERS_SQL } from './filters';
import { wantsKind } from './kinds';
import { newMessageId, recordedMessage, type MessageBody } from './messages';

/**
 * The outbox: a message and one pending delivery per subscription it concerns, written before anything
 * is sent. A delivery is unique per (dedupe key, subscription), so writing the same message twice
 * (a cron that fires twice, a retried append) never makes a second delivery.
 */

const NEW_DELIVERY_ID = `'dlv_' || lower(hex(randomblob(16)))`;
// The column the deliveries of an appended event are returned under, from the append's own batch.
const DELIVERY_ID = 'new_delivery_id';

// What an event is about: an amendment also concerns the type and tags of the event it amends.
const RECORDED_SUBJECT = `
  WITH f (relation, types, tags) AS (
    SELECT ?1,
      CASE WHEN ?4 IS NULL THEN json_array(?2) ELSE json_array(?2, (SELECT type FROM events WHERE id = ?4)) END,
      (SELECT json_group_array(value) FROM (
         SELECT value FROM json_each(?3)
         UNION SELECT value FROM json_each(COALESCE((SELECT tags FROM events WHERE id = ?4), '[]'))))
  )`;

const WANTS_RECORDED = `s.enabled = 1 AND ${wantsKind("'event.recorded'")} AND ${MATCHES_FILTERS_SQL}`;

/**
 * `event.recorded` for one appended event: goes into the SAME batch as the event, after its insert,
 * so the event's position and version are filled in from the row just written. The deliveries it makes
 * come back with the batch's results (`newDeliveryIds`), so queueing them needs no read.
 */
export function recordedOutbox(db: Db, event: PendingEvent): D1PreparedStatement[] {
  const amends = isAmendment(event.type) ? String(event.data.eventId) : null;
  const subject = [event.relation, event.type, JSON.stringify(event.tags), amends] as const;
  const messageId = newMessageId();
  return [
    db.prepare(
      `${RECORDED_SUBJECT}
       INSERT INTO webhook_messages (id, type, body, created)
       SELECT ?5, 'event.recorded', json_set(?6, '$.data.event.position', e.position, '$.data.event.version', e.version), ?7
       FROM events e WHERE e.id = ?8
         AND EXISTS (SELECT 1 FROM webhook_subscriptions s, f WHERE ${WANTS_RECORDED})`,
      ...subject, messageId, JSON.stringify(recordedMessage(event)), event.recorded, event.id,
    ),
    db.prepare(
      `${RECORDED_SUBJECT}
       INSERT INTO webhook_deliveries (id, subscription_id, message_id, dedupe_key, status, next_attempt_at, created)
       SELECT ${NEW_DELIVERY_ID}, s.id, ?5, ?6, 'pending', ?7, ?7
       FROM webhook_subscriptions s, f WHERE ${WANTS_RECORDED}
       ON CONFLICT DO NOTHING RETURNING id AS ${DELIVERY_ID}`,
      ...subject, messageId, `event.recorded:${event.id}`, event.recorded,
    ),
  ];
}

/** The ids of the deliveries `recordedOutbox` made, among the rows an append's batch returned. */
export function newDeliveryIds(rows: Record<string, unknown>[]): string[] {
  return rows.filter((row) => typeof row[DELIVERY_ID] === 'string').map((row) => row[DELIVERY_ID] as string);
}

/** `anniversary.today` for every subscription with these filters; answers the ids of new deliveries. */
export function anniversaryOutbox(
  db: Db, messageId: string, body: MessageBody, filterKey: string, day: string, now: string,
): D1PreparedStatement[] {
  return [
    db.prepare(
      `INSERT INTO webhook_messages (id, type, body, created) VALUES (?1, 'anniversary.today', ?2, ?3)
       ON CONFLICT (id) DO NOTHING`,
      messageId, JSON.stringify(body), now,
    ),
    db.prepare(
      `INSERT INTO webhook_deliveries (id, subscription_id, message_id, dedupe_key, status, next_attempt_at, created)
       SELECT ${NEW_DELIVERY_ID}, s.id, ?1, ?2, 'pending', ?3, ?3
       FROM webhook_subscriptions s WHERE s.filter_key = ?4 AND s.enabled = 1 AND ${wantsKind("'anniversary.today'")}
       ON CONFLICT DO NOTHING RETURNING id`,
      messageId, `anniversary.today:${day}`, now, filterKey,
    ),
  ];
}

/** One message for one subscription (a test message); answers the new delivery's id. */
export function singleOutbox(db: Db, subscriptionId: string, body: MessageBody, now: string): D1PreparedStatement[] {
  const messageId = newMessageId();
  return [
    db.prepare(
      'INSERT INTO webhook_messages (id, type, body, created) VALUES (?1, ?2, ?3, ?4)',
      messageId, body.type, JSON.stringify(body), now,
    ),
    db.prepare(
      `INSERT INTO webhook_deliveries (id, subscription_id, message_id, dedupe_key, status, next_attempt_at, created)
       VALUES (${NEW_DELIVERY_ID}, ?1, ?2, ?3, 'pending', ?4, ?4) RETURNING id`,
      subscriptionId, messageId, `${body.type}:${messageId}`, now,
    ),
  ];
}
