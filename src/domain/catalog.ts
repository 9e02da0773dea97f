import { z } from 'zod';
import { LANGUAGES, LOG_LANGUAGE, type Language } from '../i18n/languages';
import { CalendarDay, EDTF_SYNTAX, InvalidDate, parseOccurred } from './dates';
import { RELATION_QUALIFIERS } from './relation-status';
import { httpUrl, text } from './text';
import { Uuid } from './uuid';

/**
 * The event catalog: one schema per event type, past-tense names, one discriminated union. Every
 * field of an event is defined here once; the log, the views, the API and the webhooks take their
 * shapes from these schemas.
 */

const COUNTRY_CODE = /^[a-z]{2}$/;
const countryCode = z.string().regex(COUNTRY_CODE, 'an ISO 3166-1 alpha-2 code in lower case, e.g. mx');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug such as mx-ru-1976-air-transport').max(120);

// The pattern is the syntax, for the document; parseOccurred is the whole rule.
export const Edtf = z.string().max(40).superRefine((value, ctx) => {
  try {
    parseOccurred(value);
  } catch (error) {
    if (!(error instanceof InvalidDate)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
  }
}).meta({ pattern: EDTF_SYNTAX.source });

export const Source = z
  .strictObject({
    title: text(300),
    publisher: text(200),
    url: httpUrl(2000).optional(),
    date: Edtf.optional().describe('publication date, at the precision the source gives it, as `occurred` takes it: 2023-08-14, 2020-03, 2020'),
    locator: text(300, 'where in the document: a section, page or table row').optional(),
    quote: text(2000, 'the words of the source that state the fact').optional(),
  })
  .refine((source) => source.url !== undefined || source.date !== undefined, {
    message: 'a citation needs a url or a date',
    path: ['url'],
  })
  .meta({ description: 'the citation: a url or a date, or both', anyOf: [{ required: ['url'] }, { required: ['date'] }] });
export type Source = z.infer<typeof Source>;

export const Level = z.enum(['federal', 'subnational']);
export type Level = z.infer<typeof Level>;

export const Tag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lower-case-kebab');

/**
 * What every event says besides its type and its data, each field once. The `events` table and the
 * timeline view have a column of the same name for each (see CONTRIBUTING.md).
 */
export const EventFields = {
  occurred: Edtf.describe('when it happened, EDTF level 0 or 1: 1890-12-01, 1943-06, 1976, 197X, 1943-21, 1910/1920, 2012~'),
  headline: text(200),
  summary: text(4000).optional(),
  tags: z.array(Tag).max(20).default([]),
  places: z.array(text(200)).max(20).default([]),
  participants: z.array(text(200)).max(50).default([]),
  level: Level.default('federal'),
  source: Source,
};
export type EventFieldName = keyof typeof EventFields;
export const EVENT_FIELD_NAMES = Object.keys(EventFields) as EventFieldName[];

const EventId = Uuid.describe('any UUID, chosen by the client or left out; posting the same id again is a no-op');

// Two names, as an array of exactly two: a tuple would be `prefixItems` alone in the document, which clients
// generated from it (and Spectral's array-items rule) cannot read as an array of strings.
const States = z.array(text(100)).min(2).max(2).describe('the two states as they were named then');

export const dataSchemas = {
  RelationsEstablished: z.strictObject({ states: States.optional(), reason: text(1000).optional() }),
  RelationsSevered: z.strictObject({ states: States.optional(), reason: text(1000).optional() }),
  RelationsRestored: z.strictObject({ states: States.optional(), reason: text(1000).optional() }),
  // Relations qualified over the span of `occurred`, without a change of their status (which no source dates).
  RelationsQualified: z.strictObject({
    qualifier: z.enum(RELATION_QUALIFIERS)
      .describe('practically_non_existent: relations existed but were practically non-existent; sources_differ: the sources disagree on the status over that span'),
  }),
  VisitMade: z.strictObject({
    visitor: text(200),
    office: text(200),
    from: countryCode,
    to: countryCode,
  }),
  AgreementSigned: z.strictObject({
    agreementId: slug,
    title: text(500),
    kind: z.enum(['agreement', 'treaty', 'memorandum', 'protocol', 'convention']),
    parties: z.array(text(300)).min(2).max(10),
    subject: text(200).nullable().default(null),
    validUntil: z
      .union([CalendarDay, z.literal('indefinite')])
      .nullable()
      .default(null)
      .describe('a day, "indefinite", or null when the source does not say'),
  }),
  AgreementEnded: z.strictObject({
    agreementId: slug,
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
    mainExports: z.record(countryCode, z.array(text(200)).max(50))
      .meta({ description: 'by the code of the exporting state', propertyNames: { pattern: COUNTRY_CODE.source } })
      .optional(),
  }),
  EventNoted: z.strictObject({}),
};

export type FactType = keyof typeof dataSchemas;
export const FACT_TYPES = Object.keys(dataSchemas) as FactType[];
export const AMENDMENT_TYPES = ['EventCorrected', 'EventRetracted', 'EventTranslated'] as const;
export type AmendmentType = (typeof AMENDMENT_TYPES)[number];
export type EventType = FactType | AmendmentType;
export const EVENT_TYPES: readonly EventType[] = [...FACT_TYPES, ...AMENDMENT_TYPES];

/** The fields a correction may change: each field of the event, without its default (absent means unchanged). */
type Changeable<S extends Record<string, z.ZodType>> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer T extends z.ZodType> ? T : S[K]>;
};
function changeable<S extends Record<string, z.ZodType>>(shape: S): Changeable<S> {
  const fields = Object.entries(shape).map(([name, schema]) => [
    name,
    (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional(),
  ]);
  return Object.fromEntries(fields) as Changeable<S>;
}

/** The languages a fact's text is translated into: every language of the service but the log's own. */
export const TRANSLATION_LANGUAGES = LANGUAGES.filter((language) => language !== LOG_LANGUAGE) as [Language, ...Language[]];
const TranslationLanguage = z.enum(TRANSLATION_LANGUAGES)
  .describe("a language but the log's");

/** The text of a fact a translation gives in its language: the fields of the same name, at the same lengths. */
const TranslatedText = {
  headline: EventFields.headline,
  summary: EventFields.summary,
  translator: text(200, 'whose translation it is'),
};

/** A correction of a translation: the text it changes, in the language it is of. */
const TranslationChange = z.strictObject(changeable(TranslatedText))
  .refine((change) => Object.keys(change).length > 0, { message: 'changes at least one field' });
const TranslationChanges = z.strictObject(
  Object.fromEntries(TRANSLATION_LANGUAGES.map((language) => [language, TranslationChange.optional()])) as
    Record<Language, z.ZodOptional<typeof TranslationChange>>,
).refine((changes) => Object.keys(changes).length > 0, { message: 'changes at least one' })
  .describe('by language, each recorded by an EventTranslated');

/** What a correction may change: any field of the event it points at, but not its type; or its translations. */
const Changes = z
  .strictObject({
    ...changeable(EventFields),
    data: z.record(z.string(), z.unknown()).optional().describe('the whole corrected data of the event'),
    translations: TranslationChanges.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'a correction changes at least one field' });
export type Changes = z.output<typeof Changes>;

// The key order of these objects is the order of a parsed event, which the digest of an append
// covers: reordering them would make retries of events already recorded look like conflicts.
const factEvent = <T extends FactType>(type: T) =>
  z.strictObject({ type: z.literal(type), id: EventId.optional(), ...EventFields, data: dataSchemas[type] });
type FactEvent = { [T in FactType]: ReturnType<typeof factEvent<T>> }[FactType];

// A correction or retraction happens when it is recorded; `occurred` is optional here.
const amendmentFields = { id: EventId.optional(), ...EventFields, occurred: EventFields.occurred.optional() };

export const EventCorrected = z.strictObject({
  type: z.literal('EventCorrected'),
  ...amendmentFields,
  data: z.strictObject({ eventId: Uuid, reason: text(1000), changes: Changes }),
});

export const EventRetracted = z.strictObject({
  type: z.literal('EventRetracted'),
  ...amendmentFields,
  data: z.strictObject({ eventId: Uuid, reason: text(1000) }),
});

/**
 * A translation of a fact's headline and summary into a language of the service, and whose it is. Like a
 * correction it amends the fact without changing it: its other fields, its citation and its source's quote stay
 * as recorded. The event cites the source of the fact it translates.
 */
export const EventTranslated = z.strictObject({
  type: z.literal('EventTranslated'),
  ...amendmentFields,
  data: z.strictObject({ eventId: Uuid, language: TranslationLanguage, ...TranslatedText }),
});

export const NewEvent = z.discriminatedUnion('type', [
  ...(FACT_TYPES.map(factEvent) as [FactEvent, ...FactEvent[]]),
  EventCorrected,
  EventRetracted,
  EventTranslated,
]);
/** An event as submitted, after validation and defaults. */
export type NewEvent = z.output<typeof NewEvent>;

/** The fields as the log keeps them: defaults applied, and an absent optional field as null. */
type Kept<S extends Record<string, z.ZodType>> = {
  [K in keyof S]: S[K] extends z.ZodOptional<infer T extends z.ZodType> ? z.ZodNullable<T>
    : S[K] extends z.ZodDefault<infer T extends z.ZodType> ? T
    : S[K];
};
function kept<S extends Record<string, z.ZodType>>(shape: S): Kept<S> {
  const fields = Object.entries(shape).map(([name, schema]) => [
    name,
    schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType).nullable()
      : schema instanceof z.ZodDefault ? schema.unwrap()
      : schema,
  ]);
  return Object.fromEntries(fields) as Kept<S>;
}

/** What an event says, as recorded (and, in the views, as corrected): its id, type, fields and data. */
export const EventContent = z.object({
  id: Uuid,
  type: z.enum(EVENT_TYPES),
  ...kept(EventFields),
  data: z.record(z.string(), z.unknown()),
});
export type EventContent = z.output<typeof EventContent>;

/** An event as the log holds it: its content, and where and when it was appended, and by whom. */
export const RecordedEvent = EventContent.extend({
  relation: z.string(),
  position: z.number().int(),
  version: z.number().int(),
  schema: z.number().int().describe('the payload version of `data`'),
  recorded: z.string().describe('the UTC instant it was appended'),
  actor: z.string(),
});
export type RecordedEvent = z.output<typeof RecordedEvent>;

/** The fields of a submitted event in the form the log keeps them: an absent optional field is null. */
export function keptFields(event: NewEvent): { [K in EventFieldName]: EventContent[K] } {
  const fields = EVENT_FIELD_NAMES.map((name) => [name, event[name] ?? null]);
  return Object.fromEntries(fields) as { [K in EventFieldName]: EventContent[K] };
}

export function isAmendment(type: string): type is AmendmentType {
  return (AMENDMENT_TYPES as readonly string[]).includes(type);
}

/** The fact types an amendment may point at: any fact, or for a correction of `data`, the types that data suits. */
export function amendableTypes(type: EventType, data: Record<string, unknown>): FactType[] {
  const corrected = type === 'EventCorrected' ? (data.changes as { data?: unknown } | undefined)?.data : undefined;
  if (corrected === undefined) return FACT_TYPES;
  return FACT_TYPES.filter((fact) => dataSchemas[fact].safeParse(corrected).success);
}

/** The current payload version of every event type; older payloads are upcast on read (./upcasters.ts). */
export const SCHEMA_VERSION = 1;
