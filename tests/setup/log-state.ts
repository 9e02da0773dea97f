import { env } from 'cloudflare:test';
import { get } from './client';

/** What the log holds for a relation, as a reader sees it: its version and its events' ids in order. */
export async function logOf(relation: string): Promise<{ version: number; ids: string[] }> {
  const list = await (await get('/v1/relations')).json<{ relations: { relation: string; version: number }[] }>();
  const version = list.relations.find((r) => r.relation === relation)?.version ?? 0;
  const ids: string[] = [];
  let next: string | null = `/v1/relations/${relation}/events?limit=500`;
  while (next) {
    const response = await get(next);
    if (response.status !== 200) break;
    const page = await response.json<{ events: { id: string }[]; next: string | null }>();
    ids.push(...page.events.map((event) => event.id));
    next = page.next;
  }
  return { version, ids };
}

/** Every event in the database, counted in SQL: the check that a request wrote nothing. */
export async function totalEvents(): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM events').first<{ n: number }>();
  return row?.n ?? 0;
}

/** The problem+json body of a response, after checking that it is one. */
export async function problemOf(response: Response): Promise<{
  type: string; title: string; status: number; detail?: string;
  errors?: { pointer?: string; parameter?: string; detail: string }[];
  [extension: string]: unknown;
}> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${contentType}: ${await response.text()}`);
  }
  const body = await response.json<any>();
  if (body.status !== response.status) throw new Error(`problem status ${body.status} but HTTP ${response.status}`);
  return body;
}

export const pointersOf = (problem: { errors?: { pointer?: string }[] }) =>
  (problem.errors ?? []).map((error) => error.pointer).filter(Boolean);
