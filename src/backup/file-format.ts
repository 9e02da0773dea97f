import { z } from 'zod';
import { EVENT_TYPES, Level, SCHEMA_VERSION } from '../domain/catalog';
import { sha256Hex } from '../digest';

/**
 * The backup file (`GET /v1/admin/export`): NDJSON, one JSON object a line. The first line says what the file
 * is and how many events follow; then every event of the log in position order, as the log holds it (every
 * column of `events`, its payload at its own version, never upcast); the last line ends it. Each line carries
 * a `check`: the SHA-256 of the check of the line before it (nothing, for the first line), a newline, and the
 * line's own members without `check`, as JSON. So the file proves its own integrity: a line edited, moved or
 * lost breaks the check of the line where it happened, and a file cut short lacks its last line, which also
 * names the whole file (a restore is asked for by it).
 */

export const EXPORT_FORMAT = 'relations-log-export';
export const EXPORT_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '64 hexadecimal digits in lower case');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD');

/** The first line. */
export const FileHeader = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exported: z.iso.datetime().describe('when the export began'),
  origin: z.string().describe('the service it was exported from'),
  through: z.number().int().min(0).describe('the last position of the log the export holds'),
  events: z.number().int().min(0).describe('the events that follow'),
});
export type FileHeader = z.infer<typeof FileHeader>;

/** The last line. */
export const FileEnd = z.strictObject({ end: z.literal(true), events: z.number().int().min(0) });
export type FileEnd = z.infer<typeof FileEnd>;

/**
 * An event as the file holds it: the columns of the `events` table, each under its name in camel case
 * (`occurred_earliest` is `occurredEarliest`), lists and objects as JSON. Its rules are those of the table,
 * not of the catalog: a restore takes back whatever the log held, whatever rules a newer version of the code
 * applies to new events. A test checks that it names every column of the table.
 */
export const ExportedEvent = z.strictObject({
  position: z.number().int().positive(),
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a UUID in lower case'),
  relation: z.string().regex(/^[a-z]{2}-[a-z]{2}$/, 'a relation such as mx-ru'),
  version: z.number().int().positive(),
  type: z.enum(EVENT_TYPES),
  schema: z.number().int().min(1).max(SCHEMA_VERSION, `a payload version this code reads (1 to ${SCHEMA_VERSION}): restore with the code that exported it, or newer`),
  occurred: z.string().min(1),
  occurredEarliest: day.nullable(),
  occurredLatest: day.nullable(),
  recorded: z.iso.datetime(),
  actor: z.string().min(1),
  headline: z.string().min(1),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  places: z.array(z.string()),
  participants: z.array(z.string()),
  level: Level,
  data: z.record(z.string(), z.unknown()),
  source: z.record(z.string(), z.unknown()),
  digest: hex64,
});
export type ExportedEvent = z.infer<typeof ExportedEvent>;

export const EXPORTED_FIELDS = Object.keys(ExportedEvent.shape) as (keyof ExportedEvent)[];

/** The column of `events` that holds a field. */
export const columnOf = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The check of a line: chained to the line before it. */
export function checkOf(previousCheck: string, members: object): Promise<string> {
  return sha256Hex(`${previousCheck}\n${JSON.stringify(members)}`);
}

/** A line of the file, and its check (the next line's previous). */
export async function fileLine(previousCheck: string, members: object): Promise<{ text: string; check: string }> {
  const check = await checkOf(previousCheck, members);
  return { text: `${JSON.stringify({ ...members, check })}\n`, check };
}

export const LineCheck = hex64;
