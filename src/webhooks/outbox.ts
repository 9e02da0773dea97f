import { isAmendment } from '../domain/catalog';
import type { Db } from '../store/db';
import type { PendingEvent } from '../store/events';
import { MATCHES_FILTERS_SQL } from './filters';
import { wantsKind } from './kinds';
import { newMessageId, recordedLinkPaths, recordedMessage, type MessageBody } from './messages';

/**
 * The outbox: a message and one pending delivery per subscription it concerns, written before anything
 * is sent. A delivery is unique per (dedupe key, subscription), so writing the same message twice
 * (a cron that fires twice, a retried append) never makes a second delivery.
 */

/** SQL: a new delivery's id. */
export const NEW_DELIVERY_ID = `'dlv_' || lower(hex(randomblob(16)))`;
const NEW_MESSAGE_ID = `'msg_' || lower(hex(randomblob(16)))`;
/** The column the deliveries of an appended event are returned under, from the append's own batch. */
export const DELIVERY_ID = 'new_delivery_id';

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

/** SQL: the origin the links of subscription `s`'s messages are under: PUBLIC_ORIGIN (bound at `param`), else its own. */
export const originOf = (param: string) => `COALESCE(NULLIF(${param}, ''), s.origin, '')`;

/**
 * `event.recorded` for one appended event: goes into the SAME batch as the event, after its insert,
 * so the event's position and version are filled in from the row just written. One message is made per
 * origin the concerned subscriptions link under (its links absolute there), found again by its key. The
 * deliveries it makes come back with the batch's results (`newDeliveryIds`), so queueing them needs no read.
 */
export function recordedOutbox(db: Db, event: PendingEvent, publicOrigin: string | null): D1PreparedStatement[] {
  const amends = isAmendment(event.type) ? String(event.data.eventId) : null;
  const subject = [event.relation, event.type, JSON.stringify(event.tags), amends, publicOrigin ?? ''] as const;
  const links = recordedLinkPaths(event);
  const key = `event.recorded:${event.id}`;
  const amendsLink = links.amends ? `, '$.data.links.amends', o.origin || ?12` : '';
  return [
    db.prepare(
      `${RECORDED_SUBJECT}, o (origin) AS (SELECT DISTINCT ${originOf('?5')} FROM webhook_subscriptions s, f WHERE ${WANTS_RECORDED})
       INSERT INTO webhook_messages (id, type, body, created, message_key)
       SELECT ${NEW_MESSAGE_ID}, 'event.recorded',
         json_set(?6, '$.data.event.position', e.position, '$.data.event.version', e.version,
           '$.data.links.event', o.origin || ?10, '$.data.links.page', o.origin || ?11${amendsLink}),
         ?7, ?9 || ' ' || o.origin
       FROM events e, o WHERE e.id = ?8`,
      ...subject, JSON.stringify(recordedMessage(event)), event.recorded, event.id, key, links.event, links.page,
      ...(links.amends ? [links.amends] : []),
    ),
    db.prepare(
      `${RECORDED_SUBJECT}
       INSERT INTO webhook_deliveries (id, subscription_id, message_id, dedupe_key, status, next_attempt_at, created)
       SELECT ${NEW_DELIVERY_ID}, s.id, m.id, ?6, 'pending', ?7, ?7
       FROM webhook_subscriptions s, f JOIN webhook_messages m ON m.message_key = ?6 || ' ' || ${originOf('?5')}
       WHERE ${WANTS_RECORDED}
       ON CONFLICT DO NOTHING RETURNING id AS ${DELIVERY_ID}`,
      ...subject, key, event.recorded,
    ),
  ];
}

/** The ids of the deliveries `recordedOutbox` made, among the rows an append's batch returned. */
export function newDeliveryIds(rows: Record<string, unknown>[]): string[] {
  return rows.filter((row) => typeof row[DELIVERY_ID] === 'string').map((row) => row[DELIVERY_ID] as string);
}

/** Where a message of `anniversary.today` goes: the subscriptions of one filter set, origin and rule whose hour began. */
export interface AnniversaryAudience {
  filterKey: string;
  origin: string;
  rule: string;
  day: string;
  language: string;
  /** `[[zone, hour], …]`: the local hours that began for `day` (JSON). */
  hours: string;
  /** ANNIVERSARY_HOUR: the hour of a subscription that chose none. */
  defaultHour: number;
  publicOrigin: string | null;
}

/**
 * SQL: the subscriptions `s` whose local hour is one of the `[zone, hour, …]` rows of `json_each(…) j`, joined
 * after it (CROSS JOIN keeps that order: each zone looked up by the index, not every subscription against the list).
 */
export const AT_ITS_HOUR = (defaultHour: string) => `CROSS JOIN webhook_subscriptions s
  ON s.anniversary_time_zone = json_extract(j.value, '$[0]') AND COALESCE(s.anniversary_hour, ${defaultHour}) = json_extract(j.value, '$[1]')`;

/** `anniversary.today` for every subscription of an audience; answers the ids of new deliveries. */
export function anniversaryOutbox(
  db: Db, messageId: string, body: MessageBody, audience: AnniversaryAudience, now: string,
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
       FROM json_each(?4) j ${AT_ITS_HOUR('?5')}
       WHERE s.enabled = 1 AND ${wantsKind("'anniversary.today'")} AND s.filter_key = ?6 AND s.february29 = ?7
         AND ${originOf('?8')} = ?9 AND s.anniversary_language = ?10
       ON CONFLICT DO NOTHING RETURNING id`,
      messageId, `anniversary.today:${audience.day}`, now, audience.hours, audience.defaultHour, audience.filterKey,
      audience.rule, audience.publicOrigin ?? '', audience.origin, audience.language,
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
