/// <reference types="vite/client" />
import { expect } from 'vitest';
import { get, post } from './setup/client';

/** The seed fixtures, posted through the write API; posting them again is a harmless 200. */
export interface FixtureEvent {
  id: string;
  type: string;
  occurred: string;
  headline: string;
  level?: string;
  tags?: string[];
  data: Record<string, any>;
}
interface FixtureFile {
  relation: string;
  events: FixtureEvent[];
}

export const fixtureFiles = Object.values(
  import.meta.glob<FixtureFile>('../fixtures/*.json', { eager: true, import: 'default' }),
);
export const fixtureEvents = fixtureFiles.flatMap((file) => file.events.map((event) => ({ relation: file.relation, ...event })));

export async function loadFixtures(): Promise<void> {
  for (const { relation, events } of fixtureFiles) {
    const response = await post(`/v1/relations/${relation}/events`, { events });
    if (response.status !== 201 && response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
  }
}

/** GETs a view and checks what it cost: one D1 call, or none when the edge cache answered. */
export async function view<T = any>(path: string): Promise<T> {
  const response = await get(path);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  const hit = response.headers.get('cache-status') === 'relations-log; hit';
  expect(response.headers.get('server-timing')).toMatch(hit ? /^d1;desc="0 calls";/ : /^d1;desc="1 call";/);
  return response.json<T>();
}

/** The problem of a 400, and the parameters it names. */
export async function badParameter(path: string): Promise<string[]> {
  const response = await get(path);
  expect(response.status, path).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = await response.json<{ errors: { parameter?: string }[] }>();
  return body.errors.map((error) => error.parameter ?? '');
}

/** Records events on a relation and answers their ids. */
export async function record(relation: string, events: Record<string, unknown>[]): Promise<string[]> {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json<{ events: { id: string }[] }>()).events.map((event) => event.id);
}

/** Every item of a paginated timeline. */
export async function wholeTimeline(relation: string, query = ''): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await view(`/v1/relations/${relation}/timeline?limit=17${query}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}
