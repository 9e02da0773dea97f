import type { EventType, JsonSchema } from './catalog';

/**
 * A form made from an event type's schema, and the event made from what the form sent: each field of the
 * schema becomes an input (a choice for an enum, a number, lines for a list, JSON for what a form cannot say
 * otherwise), named by its path (`source.title`, `data.visitor`); the API's problem+json pointers are mapped
 * back to those names, so that each error is shown at its field.
 */

export type FieldKind = 'text' | 'long-text' | 'url' | 'choice' | 'number' | 'lines' | 'json';

export interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  choices?: string[];
  hint?: string;
  /** The schema's pattern: the desk's script reads the fields that have the pattern of `occurred` as dates. */
  pattern?: string;
}

export interface FieldGroup {
  legend: string;
  fields: Field[];
}

/** The fields every form states itself, not from the schema: the type picked, and the event's id. */
const OWN_FIELDS = ['type', 'id'];
// The description every text field of the catalog carries: what the API checks, too generic to help at a field.
const GENERIC_TEXT = /^white space at either end is removed/;

const words = (name: string) => name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase().replace(/^./, (first) => first.toUpperCase())
  .replace(/\b(url|usd)\b/gi, (word) => word.toUpperCase());

function types(schema: JsonSchema): string[] {
  const own = [schema.type ?? []].flat();
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(types);
  return [...own, ...alternatives, ...(schema.const !== undefined ? [typeof schema.const] : [])];
}

function kindOf(schema: JsonSchema): Pick<Field, 'kind' | 'choices'> {
  const strings = types(schema).filter((type) => type !== 'null');
  if (schema.enum?.every((value) => typeof value === 'string')) return { kind: 'choice', choices: schema.enum as string[] };
  if (strings.length && strings.every((type) => type === 'string')) {
    if (schema.format === 'uri') return { kind: 'url' };
    return { kind: (schema.maxLength ?? 0) > 300 ? 'long-text' : 'text' };
  }
  if (strings.length === 1 && (strings[0] === 'number' || strings[0] === 'integer')) return { kind: 'number' };
  if (strings.length === 1 && strings[0] === 'array' && schema.items && types(schema.items).every((type) => type === 'string')) return { kind: 'lines' };
  return { kind: 'json' };
}

function hintOf(schema: JsonSchema, kind: FieldKind): string | undefined {
  const described = schema.description && !GENERIC_TEXT.test(schema.description) ? schema.description : undefined;
  const shape = kind === 'lines' ? 'One per line.' : kind === 'json' ? 'As JSON.' : schema.pattern === '^[a-z]{2}$' ? 'A two-letter country code in lower case, e.g. mx.' : undefined;
  const text = [described && `${described[0].toUpperCase()}${described.slice(1)}${/[.)]$/.test(described) ? '' : '.'}`, shape].filter(Boolean).join(' ');
  return text || undefined;
}

function fieldsOf(schema: JsonSchema, prefix: string, skip: string[] = []): Field[] {
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !skip.includes(name))
    .map(([name, property]) => {
      const kind = kindOf(property);
      return {
        name: `${prefix}${name}`, label: words(name), required: schema.required?.includes(name) ?? false, ...kind, hint: hintOf(property, kind.kind),
        pattern: property.pattern,
      };
    });
}

/** The form of an event type: what happened (the common fields), the type's own details, and the citation. */
export function formOf({ schema }: EventType, typeName: string): FieldGroup[] {
  const properties = schema.properties ?? {};
  const groups = [
    { legend: 'What happened', fields: fieldsOf(schema, '', [...OWN_FIELDS, 'source', 'data']) },
    { legend: `${typeName} details`, fields: properties.data ? fieldsOf(properties.data, 'data.') : [] },
    { legend: 'Source (the citation: a URL or a date, or both)', fields: properties.source ? fieldsOf(properties.source, 'source.') : [] },
  ];
  return groups.filter((group) => group.fields.length > 0);
}

/** What the form sent for its fields, as typed. */
export function valuesOf(body: Record<string, unknown>, groups: FieldGroup[]): Record<string, string> {
  const entries = groups.flatMap((group) => group.fields).map((field) => [field.name, typeof body[field.name] === 'string' ? body[field.name] as string : '']);
  return Object.fromEntries(entries);
}

function valueOf(field: Field, typed: string): { value?: unknown; error?: string } {
  const text = typed.trim();
  if (text === '') return {};
  switch (field.kind) {
    case 'lines':
      return { value: text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) };
    case 'number':
      // Not a number: sent as typed, for the API to say why at this field.
      return { value: Number.isFinite(Number(text)) ? Number(text) : text };
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { error: 'this is not JSON: check the quotes, commas and brackets' };
      }
    default:
      return { value: text };
  }
}

function put(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  target[head] ??= {};
  put(target[head] as Record<string, unknown>, rest, value);
}

/** The event the form describes (fields left empty are left out), or the fields the desk itself cannot read. */
export function eventOf(type: string, id: string, groups: FieldGroup[], values: Record<string, string>) {
  const event: Record<string, unknown> = { type, id, data: {} };
  const errors: Record<string, string> = {};
  for (const field of groups.flatMap((group) => group.fields)) {
    const { value, error } = valueOf(field, values[field.name] ?? '');
    if (error) errors[field.name] = error;
    else if (value !== undefined) put(event, field.name.split('.'), value);
  }
  return { event, errors };
}

/**
 * The API's errors at the form's fields: `/events/0/data/visitor` is `data.visitor`, `/events/0/tags/2` is
 * `tags`; what names no field of the form (the event as a whole) is kept apart, to be shown above it.
 */
export function fieldErrorsOf(problem: unknown, groups: FieldGroup[], prefix = '/events/0') {
  const names = new Set(groups.flatMap((group) => group.fields).map((field) => field.name));
  const atFields: Record<string, string> = {};
  const general: string[] = [];
  const errors = (problem as { errors?: { pointer?: string; parameter?: string; detail: string }[] } | null)?.errors ?? [];
  for (const error of errors) {
    const path = (error.pointer ?? '').startsWith(`${prefix}/`) ? error.pointer!.slice(prefix.length + 1).split('/') : [];
    let name = '';
    for (const segment of path) {
      const next = name ? `${name}.${segment}` : segment;
      if (![...names].some((known) => known === next || known.startsWith(`${next}.`))) break;
      name = next;
    }
    if (names.has(name)) atFields[name] = atFields[name] ? `${atFields[name]}; ${error.detail}` : error.detail;
    else general.push(error.parameter ? `${error.parameter}: ${error.detail}` : error.detail);
  }
  return { atFields, general };
}
