import type { Context } from 'hono';
import { callApi } from './api';
import type { DeskEnv } from './env';

/**
 * The event catalog as the main Worker's OpenAPI document gives it: the JSON Schema of each event type the
 * append route takes. The desk's forms are made from it, so that a type added to the catalog
 * (src/domain/catalog.ts) appears in the desk with no form code written for it.
 */

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

/** One event type: its name and its schema (the common fields, the citation, its own `data`). */
export interface EventType {
  type: string;
  schema: JsonSchema;
}

export interface Catalog {
  /** The types of fact an editor records (amendments are made from a fact's page). */
  facts: EventType[];
  amendments: EventType[];
}

const AMENDMENTS = ['EventCorrected', 'EventRetracted'];

let catalog: Promise<Catalog> | undefined;

/** The catalog, read once per isolate from /openapi.json (a static file of the main Worker). */
export function catalogOf(c: Context<DeskEnv>): Promise<Catalog> {
  catalog ??= callApi<{ paths: Record<string, Record<string, any>> }>(c, 'GET', '/openapi.json').then(({ status, body }) => {
    if (status !== 200) throw new Error(`/openapi.json answered ${status}`);
    const append = body.paths['/v1/relations/{relation}/events'].post.requestBody.content['application/json'].schema as JsonSchema;
    const types = (append.properties!.events.items!.oneOf ?? []).map((schema) => ({ type: String(schema.properties!.type.enum![0]), schema }));
    return {
      facts: types.filter((type) => !AMENDMENTS.includes(type.type)),
      amendments: types.filter((type) => AMENDMENTS.includes(type.type)),
    };
  });
  catalog.catch(() => (catalog = undefined));
  return catalog;
}

/** "VisitMade" → "Visit made": a type's name for people. */
export const typeLabel = (type: string) => type.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').replace(/ (\w)/g, (_, letter: string) => ` ${letter.toLowerCase()}`);
