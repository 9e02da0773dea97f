import type { February29Note } from '../domain/anniversaries';
import { isAmendment } from '../domain/catalog';
import { eventPagePath } from '../domain/pages';
import type { PendingEvent } from '../store/events';
import type { Anniversary } from '../views/on-this-day/queries';
import type { MessageKind } from './kinds';
import type { AnniversaryItemBody, AnniversaryTodayBody, EventRecordedBody, WebhookTestBody } from './message-schemas';

/** A Standard Webhooks payload: `{ type, timestamp, data }`; each kind's shape is in message-schemas.ts. */
export interface MessageBody<D = unknown> {
  type: MessageKind;
  timestamp: string;
  data: D;
}

export function newMessageId(): string {
  return `msg_${crypto.randomUUID().replaceAll('-', '')}`;
}

/** The same id for the same inputs: a message the cron builds twice is one message. */
export async function stableMessageId(...parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n')));
  return `msg_${[...new Uint8Array(digest)].slice(0, 16).map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Where an event is as JSON: a path, put under an origin by the message that links it (its page: domain/pages.ts). */
export const eventPath = (id: string) => `/v1/events/${id}`;

/** The links of `event.recorded`, as paths: the outbox puts each subscription's origin in front of them. */
export function recordedLinkPaths(event: Pick<PendingEvent, 'id' | 'type' | 'relation' | 'data'>) {
  const amends = isAmendment(event.type) ? String(event.data.eventId) : null;
  return {
    event: eventPath(event.id),
    page: eventPagePath(event),
    ...(amends ? { amends: eventPath(amends) } : {}),
  };
}

/**
 * The body of `event.recorded`, with `position` and `version` left at 0 and the links as paths: the database
 * fills them in inside the append batch, where positions are assigned and the subscriptions' origins known.
 */
export function recordedMessage(event: PendingEvent): EventRecordedBody {
  const { occurredEarliest, occurredLatest, digest, ...recorded } = event;
  return {
    type: 'event.recorded',
    timestamp: event.recorded,
    data: { relation: event.relation, event: { ...recorded, position: 0, version: 0 }, links: recordedLinkPaths(event) },
  };
}

/** One anniversary as a message carries it, its links under `origin`. */
export function anniversaryItem(a: Anniversary, origin: string): AnniversaryItemBody {
  return {
    id: a.id,
    relation: a.relation,
    type: a.type as AnniversaryItemBody['type'],
    date: a.occurred,
    dateInWords: a.occurredInWords,
    yearsAgo: a.yearsAgo,
    headline: a.headline,
    summary: a.summary,
    tags: a.tags,
    citation: a.source,
    links: { event: `${origin}${eventPath(a.id)}`, page: `${origin}${a.links.page}` },
    ...(a.textLanguage ? { textLanguage: a.textLanguage } : {}),
  };
}

export function anniversaryMessage(
  day: string, timestamp: string, february29: February29Note, anniversaries: AnniversaryItemBody[],
): AnniversaryTodayBody {
  return { type: 'anniversary.today', timestamp, data: { day, february29, anniversaries } };
}

export function testMessage(subscriptionId: string, timestamp: string): WebhookTestBody {
  return {
    type: 'webhook.test',
    timestamp,
    data: { subscription: subscriptionId, message: 'A test message: this endpoint receives signed webhooks.' },
  };
}
