import { LanguageCode } from '../i18n/languages';
import { z } from 'zod';
import { FEBRUARY_29_RULES } from '../domain/anniversaries';
import { EVENT_TYPES } from '../domain/catalog';
import { canonicalTimeZone } from '../domain/local-time';
import { relationNameProblem } from '../domain/relation';
import { isPrintable, TEXT_RULE } from '../domain/text';
import { ALL_KINDS, MESSAGE_KINDS, SUBSCRIBABLE_KINDS } from './kinds';
import { SIGNATURE_SCHEMES } from './signing';

/** Request and response shapes of /v1/webhooks; the OpenAPI document is generated from them. */

const Relation = z.string().superRefine((value, ctx) => {
  const problem = relationNameProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const Tag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lower-case-kebab');
const EventType = z.enum(EVENT_TYPES as [string, ...string[]]);
const SubscribableKind = z.enum(SUBSCRIBABLE_KINDS)
  .describe(SUBSCRIBABLE_KINDS.map((kind) => `${kind}: ${MESSAGE_KINDS[kind].description}`).join('; '));

const filters = {
  relations: z.array(Relation).min(1).max(50).nullable().optional()
    .describe('only these relations (null or absent: every relation)'),
  types: z.array(EventType).min(1).max(20).nullable().optional()
    .describe('only these event types; a correction or retraction also matches the type of the event it amends'),
  tags: z.array(Tag).min(1).max(50).nullable().optional().describe('only events with at least one of these tags'),
};

/** An IANA time zone, as the runtime's own data names it: `america/mexico_city` reads as `America/Mexico_City`. */
const TimeZone = z.string().max(64)
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (zone === null) ctx.addIssue({ code: 'custom', message: `not an IANA time zone: ${value}` });
    return zone ?? value;
  })
  .describe('an IANA time zone (America/Tijuana, Europe/Moscow), daylight saving time followed');
const Hour = z.number().int().min(0).max(23);
const February29Rule = z.enum(FEBRUARY_29_RULES).describe('a fact of 29 February in a common year: on 28 February, 1 March, or none');

/** When anniversary.today comes, and what it holds: one more option of the message goes here. */
const AnniversaryOptions = z.strictObject({
  timeZone: TimeZone.optional().describe('default UTC'),
  hour: Hour.nullable().optional().describe('the local hour (default, null: ANNIVERSARY_HOUR)'),
  february29: February29Rule.optional().describe('default feb28'),
  language: LanguageCode.optional().describe("of its texts and links (default: the log's)"),
});

export const CreateSubscription = z.strictObject({
  url: z.string().max(2000).regex(/^[^\s\u0000-\u001f\u007f-\u009f]*$/u, 'a URL holds no white space or control characters')
    .describe('https; http://localhost and http://127.0.0.1 only when ALLOW_HTTP_WEBHOOKS is set'),
  events: z.array(SubscribableKind).min(1).max(SUBSCRIBABLE_KINDS.length),
  ...filters,
  description: z.string().trim().max(500).refine(isPrintable, TEXT_RULE).nullable().optional()
    .describe(`what the subscription is for (white space at either end is removed); ${TEXT_RULE}`),
  anniversary: AnniversaryOptions.optional().describe("anniversary.today at the subscriber's own hour"),
  signatureScheme: z.enum(SIGNATURE_SCHEMES).optional().describe('v1 (default): HMAC-SHA256, a whsec_ secret; v1a: ed25519, a whpk_ public key'),
});

export const PatchSubscription = z
  .strictObject({
    url: CreateSubscription.shape.url.optional(),
    events: CreateSubscription.shape.events.optional(),
    ...filters,
    description: CreateSubscription.shape.description,
    anniversary: AnniversaryOptions.optional()
      .describe('the options named change; the others stay'),
    enabled: z.boolean().optional().describe('true re-enables a disabled subscription and clears the reason'),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'a patch changes at least one field' });

export const SubscriptionId = z.object({ id: z.string().regex(/^wh_[0-9a-f]{32}$/, 'a subscription id: wh_ and 32 hex digits') });

export const DeliveryParams = SubscriptionId.extend({
  deliveryId: z.string().regex(/^dlv_[0-9a-f]{32}$/, 'a delivery id: dlv_ and 32 hex digits'),
});

export const Subscription = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(SubscribableKind),
  relations: z.array(z.string()).nullable(),
  types: z.array(z.string()).nullable(),
  tags: z.array(z.string()).nullable(),
  description: z.string().nullable(),
  anniversary: z.object({
    timeZone: z.string(),
    hour: Hour.nullable().describe('null: ANNIVERSARY_HOUR'),
    february29: February29Rule,
    language: LanguageCode,
    next: z.string().nullable().describe('when the next anniversary.today is due'),
  }),
  signatureScheme: z.enum(SIGNATURE_SCHEMES),
  publicKey: z.string().nullable().describe('v1a: the whpk_ key'),
  origin: z.string().nullable().describe('links are under PUBLIC_ORIGIN, else this'),
  enabled: z.boolean(),
  disabled: z.object({ reason: z.string(), at: z.string() }).nullable().describe('why and when it was disabled'),
  failingSince: z.string().nullable().describe('the first failed attempt since the last success'),
  previousSecretExpires: z.string().nullable().describe('until when the secret replaced by a rotation still signs'),
  created: z.string(),
  updated: z.string(),
});

export const SubscriptionWithSecret = Subscription.extend({
  secret: z.string().nullable().describe('v1: whsec_…, shown this once; v1a: null'),
});

export const RotateSecret = z.strictObject({
  signatureScheme: z.enum(SIGNATURE_SCHEMES).optional().describe("default: the subscription's own"),
});

export const RotatedSecret = z.object({
  signatureScheme: z.enum(SIGNATURE_SCHEMES),
  secret: z.string().nullable().describe('v1: shown this once'),
  publicKey: z.string().nullable().describe('v1a'),
  previousSecretExpires: z.string(),
});

export const MessageKinds = z.object({
  kinds: z.array(z.object({
    kind: z.enum(ALL_KINDS),
    subscribable: z.boolean(),
    description: z.string(),
    schema: z.record(z.string(), z.unknown()).describe('JSON Schema 2020-12 of the payload'),
    example: z.record(z.string(), z.unknown()),
  })),
});

export const Attempt = z.object({
  attempted: z.string(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  responseBody: z.string().nullable().describe('the first 2 KB of the response'),
  error: z.string().nullable(),
  succeeded: z.boolean(),
});

export const Delivery = z.object({
  id: z.string(),
  messageId: z.string().describe('the webhook-id header: the same on every attempt'),
  type: z.enum(ALL_KINDS),
  status: z.enum(['pending', 'succeeded', 'failed']),
  created: z.string(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  failure: z.string().nullable(),
  deadLetteredAt: z.string().nullable(),
  attempts: z.array(Attempt),
});

export const DeliveriesQuery = z.object({
  status: z.enum(['pending', 'succeeded', 'failed']).optional(),
  before: z.coerce.number().int().min(1).optional().describe('a cursor: the `next` link carries it'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ListQuery = z.object({
  after: z.string().max(40).default('').describe('a cursor: the `next` link carries it'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const RecoverQuery = z.object({
  since: z.iso.datetime({ offset: true }).describe('resend failed deliveries created at or after this instant'),
});
