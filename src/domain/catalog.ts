import { z } from 'zod';
import { InvalidDate, parseOccurred } from './dates';

/** The event catalog: one schema per event type, past-tense names, one discriminated union. */

const countryCode = z.string().regex(/^[a-z]{2}$/, 'an ISO 3166-1 alpha-2 code in lower case, e.g. mx');
// Text goes into JSON, HTML and XML feeds: no control characters (XML 1.0 cannot carry them) and no lone surrogates.
const PRINTABLE = /^(?:[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff])*$/;
const text = (max: number) =>
  z.string().trim().min(1).max(max).regex(PRINTABLE, 'no control characters or unpaired surrogates');
const calendarDay = z.iso.date();
// UUIDs compare case-insensitively (RFC 9562); the log keeps them in lower case, so any spelling finds the event.
const uuid = () => z.uuid().toLowerCase();

export const Edtf = z.string().max(40).superRefine((value, ctx) => {
  try {
    parseOccurred(value);
  } catch (error) {
    if (!(error instanceof InvalidDate)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
  }
});

export const Source = z
  .strictObject({
    title: text(300),
    publisher: text(200),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    date: calendarDay.optional().describe('publication date, YYYY-MM-DD'),
    locator: text(300).optional().describe('where in the document: a section, page or table row'),
    quote: text(2000).optional().describe('the words of the source that state the fact'),
  })
  .refine((source) => source.url !== undefined || source.date !== undefined, {
    message: 'a citation needs a url or a date',
    path: ['url'],
  });
export type Source = z.infer<typeof Source>;

export const Level = z.enum(['federal', 'subnational']);
export type Level = z.infer<typeof Level>;

const Tag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lower-case-kebab');

/** What every event says besides its type-specific data. */
const about = {
  id: uuid().optional().describe('the client may choose it; posting the same id again is a no-op'),
  occurred: Edtf.describe('when it happened, EDTF: 1890-12-01, 1943-06, 1976, 1910/1920, 2012~'),
  headline: text(200),
  summary: text(4000).optional(),
  tags: z.array(Tag).max(20).default([]),
  places: z.array(text(200)).max(20).default([]),
  participants: z.array(text(200)).max(50).default([]),
  level: Level.default('federal'),
  source: Source,
};

const States = z.tuple([text(100), text(100)]).describe('the two states as they were named then');

export const dataSchemas = {
  RelationsEstablished: z.strictObject({ states: States.optional(), reason: text(1000).optional() }),
  RelationsSevered: z.strictObject({ states: States.optional(), reason: text(1000).optional() }),
  RelationsRestored: z.strictObject({ states: States.optional(), reason: text(1000).optional() }),
  VisitMade: z.strictObject({
    visitor: text(200),
    office: text(200),
    from: countryCode,
    to: countryCode,
  }),
  AgreementSigned: z.strictObject({
    agreementId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug such as mx-ru-1976-air-transport').max(120),
    title: text(500),
    kind: z.enum(['agreement', 'treaty', 'memorandum', 'protocol', 'convention']),
    parties: z.array(text(300)).min(2).max(10),
    subject: text(200).nullable().default(null),
    validUntil: z
      .union([calendarDay, z.literal('indefinite')])
      .nullable()
      .default(null)
      .describe('a day, "indefinite", or null when the source does not say'),
  }),
  AgreementEnded: z.strictObject({
    agreementId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120),
    reason: text(1000).optional(),
  }),
  MissionOpened: z.strictObject({
    mission: z.enum(['embassy', 'legation', 'consulate-general', 'consulate', 'honorary-consulate']),
    sendingState: countryCode,
    city: text(200),
  }),
  AmbassadorAppointed: z.strictObject({
    ambassador: text(200),
    sendingState: countryCode,
    receivingState: countryCode,
  }),
  TradeReported: z.strictObject({
    period: Edtf,
    totalUsd: z.number().nonnegative().max(1e15),
    mainExports: z.record(countryCode, z.array(text(200)).max(50)).optional(),
  }),
  EventNoted: z.strictObject({}),
} as const;

export type FactType = keyof typeof dataSchemas;
export const FACT_TYPES = Object.keys(dataSchemas) as FactType[];

/** What a correction may change: any field of the event it points at, but not its type. */
const Changes = z
  .strictObject({
    occurred: about.occurred.optional(),
    headline: about.headline.optional(),
    summary: about.summary,
    tags: z.array(Tag).max(20).optional(),
    places: z.array(text(200)).max(20).optional(),
    participants: z.array(text(200)).max(50).optional(),
    level: Level.optional(),
    data: z.record(z.string(), z.unknown()).optional().describe('the whole corrected data of the event'),
    source: Source.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'a correction changes at least one field' });

const amendment = {
  ...about,
  // A correction or retraction happens when it is recorded; `occurred` is optional here.
  occurred: about.occurred.optional(),
};

const factSchemas = FACT_TYPES.map((type) =>
  z.strictObject({ type: z.literal(type), ...about, data: dataSchemas[type] }),
);

export const EventCorrected = z.strictObject({
  type: z.literal('EventCorrected'),
  ...amendment,
  data: z.strictObject({ eventId: uuid(), reason: text(1000), changes: Changes }),
});

export const EventRetracted = z.strictObject({
  type: z.literal('EventRetracted'),
  ...amendment,
  data: z.strictObject({ eventId: uuid(), reason: text(1000) }),
});

// The union is built from the table above, so TypeScript cannot infer it: the interface below names its output.
export const NewEvent = z.discriminatedUnion('type', [
  ...(factSchemas as unknown as [z.ZodObject, ...z.ZodObject[]]),
  EventCorrected,
  EventRetracted,
]) as unknown as z.ZodType<NewEvent>;

export type EventType = FactType | 'EventCorrected' | 'EventRetracted';
export const EVENT_TYPES: EventType[] = [...FACT_TYPES, 'EventCorrected', 'EventRetracted'];

/** An event as submitted, after validation and defaults. */
export interface NewEvent {
  id?: string;
  type: EventType;
  occurred?: string;
  headline: string;
  summary?: string;
  tags: string[];
  places: string[];
  participants: string[];
  level: Level;
  data: Record<string, unknown>;
  source: Source;
}

export function isAmendment(type: string): type is 'EventCorrected' | 'EventRetracted' {
  return type === 'EventCorrected' || type === 'EventRetracted';
}

/** The fact types an amendment may point at: any fact, or for a correction of `data`, the types that data suits. */
export function amendableTypes(type: EventType, data: Record<string, unknown>): FactType[] {
  const corrected = type === 'EventCorrected' ? (data.changes as { data?: unknown } | undefined)?.data : undefined;
  if (corrected === undefined) return FACT_TYPES;
  return FACT_TYPES.filter((fact) => dataSchemas[fact].safeParse(corrected).success);
}

/** The current payload version of every event type; older payloads are upcast on read. */
export const SCHEMA_VERSION = 1;
