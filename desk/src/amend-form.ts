import type { Field, FieldGroup } from './fact-form';
import { eventOf } from './fact-form';
import type { Fact } from './pages/fact';

/**
 * The correction form: the fact's own form, prefilled with the fact as it stands, and the changes it sends:
 * only the fields the editor changed (a changed field of the citation sends the whole citation, one of the
 * details the whole of `data`, as the API takes them).
 */

function valueAt(fact: Fact, name: string): unknown {
  return name.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], fact);
}

function typed(field: Field, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.kind === 'lines' && Array.isArray(value)) return value.join('\n');
  if (field.kind === 'json') return JSON.stringify(value);
  return String(value);
}

/** The form's values for the fact as it stands. */
export function prefilled(fact: Fact, groups: FieldGroup[]): Record<string, string> {
  return Object.fromEntries(groups.flatMap((group) => group.fields).map((field) => [field.name, typed(field, valueAt(fact, field.name))]));
}

const same = (a: string, b: string) => a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim();

/** What changed, as the API's `changes`; and the fields the desk cannot read. */
export function changesOf(fact: Fact, groups: FieldGroup[], values: Record<string, string>) {
  const before = prefilled(fact, groups);
  const { event, errors } = eventOf(fact.type, fact.id, groups, values);
  const changes: Record<string, unknown> = {};
  for (const field of groups.flatMap((group) => group.fields)) {
    if (same(before[field.name], values[field.name] ?? '')) continue;
    const top = field.name.split('.')[0];
    if (event[top] !== undefined) changes[top] = event[top];
  }
  return { changes, errors };
}
