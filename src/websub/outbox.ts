import { isAmendment } from '../domain/catalog';
import type { Db } from '../store/db';
import type { PendingEvent } from '../store/events';
import { DELIVERY_ID, NEW_DELIVERY_ID } from '../webhooks/outbox';

/**
 * Content distributions, written in the batch of the append that changed their topic, as the webhook outbox
 * is: one pending delivery for every WebSub subscription in its lease whose topic the event changes (its
 * relation's feeds and pages and those of all relations, through the feed's filters; an amendment through the
 * event it amends, as the feeds match it). A subscription that already has a distribution waiting, not yet
 * taken, gets none more: that one sends the topic's content as it is when it goes, this event included. The
 * deliveries come back with the batch's results, as those of event.recorded do (`newDeliveryIds`).
 */

export function websubOutbox(db: Db, event: PendingEvent): D1PreparedStatement[] {
  const amends = isAmendment(event.type) ? String(event.data.eventId) : null;
  return [db.prepare(
    `WITH f (relation, type, amended_type, tags, level) AS (
       SELECT ?1, ?2, t.type, json(?3), COALESCE(t.level, ?4)
       FROM (SELECT 1) LEFT JOIN events t ON t.id = ?5)
     INSERT INTO webhook_deliveries (id, subscription_id, message_id, dedupe_key, status, next_attempt_at, created)
     SELECT ${NEW_DELIVERY_ID}, w.id, 'msg_' || substr(w.id, 4), 'websub:' || ?6, 'pending', ?7, ?7
     FROM websub_subscriptions w, f
     WHERE w.expires > ?7 AND (w.relation IS NULL OR w.relation = f.relation)
       AND (w.type IS NULL OR w.type = f.type OR w.type = f.amended_type)
       AND (w.tag IS NULL OR EXISTS (SELECT 1 FROM json_each(f.tags) WHERE value = w.tag)
         OR EXISTS (SELECT 1 FROM events t, json_each(t.tags) WHERE t.id = ?5 AND value = w.tag))
       AND (w.level IS NULL OR w.level = f.level)
       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.subscription_id = w.id AND p.status = 'pending' AND p.claim IS NULL)
     ON CONFLICT DO NOTHING RETURNING id AS ${DELIVERY_ID}`,
    event.relation, event.type, JSON.stringify(event.tags), event.level, amends, event.id, event.recorded,
  )];
}
