import { z } from 'zod';
import { FEBRUARY_29_RULES } from '../domain/anniversaries';
import { FACT_TYPES, RecordedEvent, Source } from '../domain/catalog';
import { Uuid } from '../domain/uuid';

/**
 * The payload of every kind of message, as zod schemas: messages.ts builds each body to its schema, the
 * OpenAPI document's `webhooks` and `GET /v1/webhooks/kinds` describe them with the JSON Schema made from it,
 * and the suite checks every message its receiver gets against that. A payload is Standard Webhooks'
 * `{ type, timestamp, data }`.
 */

const AbsoluteUrl = z.url().describe('an absolute URL, under PUBLIC_ORIGIN or else the origin that took the subscription');

const envelope = <K extends string, D extends z.ZodType>(type: K, data: D, description: string) =>
  z.object({
    type: z.literal(type),
    timestamp: z.iso.datetime().describe('when the message was made (UTC); the same on every attempt'),
    data,
  }).meta({ description });

export const FactLinks = z.object({
  event: AbsoluteUrl.describe('the fact as JSON (GET /v1/events/{id})'),
  page: AbsoluteUrl.describe("the fact's page for people (/{relation}/events/{id})"),
});

export const EventRecordedMessage = envelope('event.recorded', z.object({
  relation: z.string(),
  event: RecordedEvent.describe('the event as the log holds it (GET /v1/events/{id})'),
  links: z.object({
    event: AbsoluteUrl.describe('this event as JSON'),
    page: AbsoluteUrl.describe("the page for people of the fact: the event's own, or for a correction or retraction the page of the fact it amends"),
    amends: AbsoluteUrl.optional().describe('for a correction or retraction: the fact it amends, as JSON'),
  }),
}), 'An event appended to the log that matches the filters; corrections and retractions included.');

export const AnniversaryItem = z.object({
  id: Uuid,
  relation: z.string(),
  type: z.enum(FACT_TYPES),
  date: z.iso.date().describe('when it happened (EDTF, to the day)'),
  dateInWords: z.string().describe('1 December 1890'),
  yearsAgo: z.number().int().min(0),
  headline: z.string(),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  citation: Source,
  links: FactLinks,
});

export const February29 = z.object({
  rule: z.enum(FEBRUARY_29_RULES).describe("the subscription's rule for facts of 29 February in a common year"),
  description: z.string(),
  applied: z.boolean().describe('true on the day of a common year on which the rule moved the facts of 29 February here, or left them out'),
});

export const AnniversaryTodayMessage = envelope('anniversary.today', z.object({
  day: z.iso.date().describe("the subscriber's local date: today where its time zone is"),
  february29: February29,
  anniversaries: z.array(AnniversaryItem).min(1).describe('oldest first'),
}), "The day's anniversaries of facts dated to an exact day, at the subscription's local hour; none, no message.");

export const WebhookTestMessage = envelope('webhook.test', z.object({
  subscription: z.string(),
  message: z.string(),
}), 'Sent on request (POST /v1/webhooks/{id}/test).');

export type EventRecordedBody = z.input<typeof EventRecordedMessage>;
export type AnniversaryTodayBody = z.input<typeof AnniversaryTodayMessage>;
export type AnniversaryItemBody = z.input<typeof AnniversaryItem>;
export type WebhookTestBody = z.input<typeof WebhookTestMessage>;
