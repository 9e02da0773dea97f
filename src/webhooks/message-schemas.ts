import { z } from 'zod';
import { FEBRUARY_29_RULES } from '../domain/anniversaries';
import { FACT_TYPES, RecordedEvent, Source } from '../domain/catalog';
import { Uuid } from '../domain/uuid';
import { LanguageCode } from '../i18n/languages';

/**
 * The payload of every kind of message, as zod schemas: messages.ts builds each body to its schema, the
 * OpenAPI document's `webhooks` and `GET /v1/webhooks/kinds` describe them with the JSON Schema made from it,
 * and the suite checks every message its receiver gets against that. A payload is Standard Webhooks'
 * `{ type, timestamp, data }`.
 */

const AbsoluteUrl = z.url();

const envelope = <K extends string, D extends z.ZodType>(type: K, data: D, description: string) =>
  z.object({
    type: z.literal(type),
    timestamp: z.iso.datetime(),
    data,
  }).meta({ description });

export const FactLinks = z.object({
  event: AbsoluteUrl.describe('the fact as JSON'),
  page: AbsoluteUrl.describe('its page for people'),
});

export const EventRecordedMessage = envelope('event.recorded', z.object({
  relation: z.string(),
  event: RecordedEvent,
  links: z.object({
    event: AbsoluteUrl,
    page: AbsoluteUrl.describe('of the fact, or of the fact an amendment amends'),
    amends: AbsoluteUrl.optional(),
  }),
}), 'An appended event.');

export const AnniversaryItem = z.object({
  id: Uuid,
  relation: z.string(),
  type: z.enum(FACT_TYPES),
  date: z.iso.date(),
  dateInWords: z.string(),
  yearsAgo: z.number().int().min(0),
  headline: z.string(),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  citation: Source,
  links: FactLinks,
  textLanguage: LanguageCode.optional().describe("in a subscription's language other than the log's: that of headline and summary (the log's: untranslated)"),
});

export const February29 = z.object({
  rule: z.enum(FEBRUARY_29_RULES),
  description: z.string(),
  applied: z.boolean().describe('the rule acted on this day'),
});

export const AnniversaryTodayMessage = envelope('anniversary.today', z.object({
  day: z.iso.date().describe('the local date'),
  february29: February29,
  anniversaries: z.array(AnniversaryItem).min(1),
}), "The local day's anniversaries.");

export const WebhookTestMessage = envelope('webhook.test', z.object({
  subscription: z.string(),
  message: z.string(),
}), 'Sent on request.');

export type EventRecordedBody = z.input<typeof EventRecordedMessage>;
export type AnniversaryTodayBody = z.input<typeof AnniversaryTodayMessage>;
export type AnniversaryItemBody = z.input<typeof AnniversaryItem>;
export type WebhookTestBody = z.input<typeof WebhookTestMessage>;
