import { z } from 'zod';
import { RecordedEvent } from '../domain/catalog';

/**
 * How an event's fields sit in SQL columns: one column per field, of the same name, with lists and
 * objects as JSON text. The `events` table and the timeline view both store them so, and both read
 * them back with `fromColumns`; which fields are JSON follows from the catalog's schema.
 */

const unwrapped = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault
    ? unwrapped(schema.unwrap() as z.ZodType)
    : schema;

const isJson = (schema: z.ZodType) => {
  const inner = unwrapped(schema);
  return inner instanceof z.ZodArray || inner instanceof z.ZodObject || inner instanceof z.ZodRecord
    || inner instanceof z.ZodTuple;
};

/** The fields of a recorded event kept as JSON text. */
const JSON_FIELDS = new Set(
  Object.entries(RecordedEvent.shape).filter(([, schema]) => isJson(schema)).map(([name]) => name),
);

/** A field's value as its column holds it. */
export function toColumn(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

/** Fields as a row of columns (JSON fields as text), in the order given. */
export function toColumns(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, toColumn(value)]));
}

/** A row read back: the JSON columns parsed, the others as they are. */
export function fromColumns<T>(row: Record<string, unknown>): T {
  const fields = Object.entries(row).map(([name, value]) => [
    name,
    JSON_FIELDS.has(name) && typeof value === 'string' ? JSON.parse(value) : value,
  ]);
  return Object.fromEntries(fields) as T;
}
