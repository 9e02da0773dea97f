import type { Context } from 'hono';
import { callApi } from './api';
import type { DeskEnv } from './env';
import type { LoggedEvent } from './pages/record';

/** What the desk reads of the log and the relations through the API. */

export interface Relation {
  relation: string;
  name: string;
  version: number;
}

export async function relationsOf(c: Context<DeskEnv>): Promise<Relation[]> {
  const answer = await callApi<{ relations: Relation[] }>(c, 'GET', '/v1/relations');
  return answer.status === 200 ? answer.body.relations : [];
}

/** A relation's version: 0 for one with no events yet. */
export async function versionOf(c: Context<DeskEnv>, relation: string): Promise<number> {
  return (await relationsOf(c)).find((known) => known.relation === relation)?.version ?? 0;
}

/** Every event of a relation's log, oldest first (page by page, as the API gives them). */
export async function relationLog(c: Context<DeskEnv>, relation: string): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  let next: string | null = `/v1/relations/${encodeURIComponent(relation)}/events?limit=500`;
  while (next) {
    const answer: { status: number; body: { events: LoggedEvent[]; next: string | null } } = await callApi(c, 'GET', next);
    if (answer.status !== 200) break;
    events.push(...answer.body.events);
    next = answer.body.next;
  }
  return events;
}

/** The events recorded in a relation after a version: what others recorded since. */
export async function recordedSince(c: Context<DeskEnv>, relation: string, version: number): Promise<LoggedEvent[]> {
  return (await relationLog(c, relation)).filter((event) => event.version > version);
}
