import type { z } from 'zod';
import { MESSAGE_KINDS, type MessageKind } from './kinds';
import {
  AnniversaryTodayMessage, EventRecordedMessage, WebhookTestMessage,
  type AnniversaryTodayBody, type EventRecordedBody, type WebhookTestBody,
} from './message-schemas';

/**
 * Every kind of message with the schema of its payload and an example of one, for the OpenAPI document's
 * `webhooks` and `GET /v1/webhooks/kinds`. The examples are messages as the service would send them at
 * https://relations.example, of a seed fixture (shortened).
 */

const ORIGIN = 'https://relations.example';
const ESTABLISHED = '1b432ed5-e963-4ffa-aaa1-00c12cc15c72';
const CITATION = { title: 'Mexico–Russia relations', publisher: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Mexico%E2%80%93Russia_relations' };
const HEADLINE = 'Mexico and Russia established diplomatic relations';
const SUMMARY = 'Formally, in Mexico City.';
const LINKS = { event: `${ORIGIN}/v1/events/${ESTABLISHED}`, page: `${ORIGIN}/mx-ru/events/${ESTABLISHED}` };

const anniversaryExample: AnniversaryTodayBody = {
  type: 'anniversary.today',
  timestamp: '2026-12-01T14:00:00.000Z',
  data: {
    day: '2026-12-01',
    february29: {
      rule: 'feb28',
      description: 'in a common year, facts of 29 February are remembered on 28 February',
      applied: false,
    },
    anniversaries: [{
      id: ESTABLISHED,
      relation: 'mx-ru',
      type: 'RelationsEstablished',
      date: '1890-12-01',
      dateInWords: '1 December 1890',
      yearsAgo: 136,
      headline: HEADLINE,
      summary: SUMMARY,
      tags: ['diplomatic-relations'],
      citation: CITATION,
      links: LINKS,
    }],
  },
};

const recordedExample: EventRecordedBody = {
  type: 'event.recorded',
  timestamp: '2026-11-20T09:12:44.318Z',
  data: {
    relation: 'mx-ru',
    event: {
      id: ESTABLISHED,
      type: 'RelationsEstablished',
      occurred: '1890-12-01',
      headline: HEADLINE,
      summary: SUMMARY,
      tags: ['diplomatic-relations'],
      places: ['Mexico City'],
      participants: ['Baron Roman Rosen'],
      level: 'federal',
      source: CITATION,
      data: { states: ['Mexico', 'Russian Empire'] },
      relation: 'mx-ru',
      position: 1,
      version: 1,
      schema: 1,
      recorded: '2026-11-20T09:12:44.318Z',
      actor: 'Development Editor',
    },
    links: LINKS,
  },
};

const testExample: WebhookTestBody = {
  type: 'webhook.test',
  timestamp: '2026-11-20T09:15:02.007Z',
  data: { subscription: 'wh_4c1f0a9e2b7d4e6f8a3b5c7d9e1f2a4b', message: 'A test message: this endpoint receives signed webhooks.' },
};

export interface MessageDescription {
  kind: MessageKind;
  subscribable: boolean;
  description: string;
  schema: z.ZodType;
  example: unknown;
}

const PAYLOADS: Record<MessageKind, { schema: z.ZodType; example: unknown }> = {
  'anniversary.today': { schema: AnniversaryTodayMessage, example: anniversaryExample },
  'event.recorded': { schema: EventRecordedMessage, example: recordedExample },
  'webhook.test': { schema: WebhookTestMessage, example: testExample },
};

/** Every kind, in the order of kinds.ts. */
export const MESSAGE_CATALOG: MessageDescription[] = (Object.keys(MESSAGE_KINDS) as MessageKind[]).map((kind) => ({
  kind,
  subscribable: MESSAGE_KINDS[kind].subscribable,
  description: MESSAGE_KINDS[kind].description,
  ...PAYLOADS[kind],
}));
