import type { Source } from '../domain/catalog';
import { eventPagePath } from '../domain/pages';
import type { PendingEvent } from '../store/events';
import type { MessageKind } from './kinds';

/** A Standard Webhooks payload: `{ type, timestamp, data }`. */
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

export const eventLink = (id: string) => `/v1/events/${id}`;

/**
 * The body of `event.recorded`, with `position` and `version` left at 0: the database fills them in
 * inside the append batch, where they are assigned.
 */
export function recordedMessage(event: PendingEvent): MessageBody {
  const { occurredEarliest, occurredLatest, digest, ...recorded } = event;
  return {
    type: 'event.recorded',
    timestamp: event.recorded,
    data: { relation: event.relation, event: { ...recorded, position: 0, version: 0 }, links: { event: eventLink(event.id), page: eventPagePath(event) } },
  };
}

/** One anniversary as a message carries it. */
export interface AnniversaryItem {
  id: string;
  relation: string;
  type: string;
  date: string;
  yearsAgo: number;
  headline: string;
  summary: string | null;
  tags: string[];
  citation: Source;
  /** The event in the log (JSON), and its fact's page for people. */
  links: { event: string; page: string };
}

export function anniversaryMessage(day: string, timestamp: string, anniversaries: AnniversaryItem[]): MessageBody {
  return { type: 'anniversary.today', timestamp, data: { day, anniversaries } };
}

export function testMessage(subscriptionId: string, timestamp: string): MessageBody {
  return {
    type: 'webhook.test',
    timestamp,
    data: { subscription: subscriptionId, message: 'A test message: this endpoint receives signed webhooks.' },
  };
}
