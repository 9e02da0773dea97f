import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';
import { problemOf } from './setup/log-state';

const N = 10;

interface Appended {
  version: number;
  events: { id: string; position: number; version: number }[];
}

/** The versions the relation's log holds, in position order. */
async function versionsInLog(relation: string): Promise<number[]> {
  const page = await (await get(`/v1/relations/${relation}/events?limit=500`)).json<{ events: { version: number }[] }>();
  return page.events.map((event) => event.version);
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('concurrent appends to one relation', () => {
  it('with the same expected version: exactly one wins, the rest get 409, and no version is lost or doubled', async () => {
    const relation = freshRelation();
    await post(`/v1/relations/${relation}/events`, { events: [noted(), noted()] });

    const responses = await Promise.all(
      Array.from({ length: N }, () => post(`/v1/relations/${relation}/events`, { expectedVersion: 2, events: [noted(), noted(), noted()] })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(N - 1).fill(409)]);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect((await problemOf(response)).currentVersion).toBe(5);
    }
    expect(await versionsInLog(relation)).toEqual(oneToN(5));
  });

  it('on a new relation with expected version 0: one creates it, the rest get 409', async () => {
    const relation = freshRelation();
    const responses = await Promise.all(
      Array.from({ length: N }, () => post(`/v1/relations/${relation}/events`, { expectedVersion: 0, events: [noted()] })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(N - 1);
    expect(await versionsInLog(relation)).toEqual([1]);
  });

  it('without an expected version: all succeed, each call gets a contiguous run, and the log is 1..n', async () => {
    const relation = freshRelation();
    const sizes = Array.from({ length: N }, (_, i) => (i % 3) + 1);
    const responses = await Promise.all(
      sizes.map((size) => post(`/v1/relations/${relation}/events`, { events: Array.from({ length: size }, () => noted()) })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(N).fill(201));
    const bodies = await Promise.all(responses.map((r) => r.json<Appended>()));
    for (const body of bodies) {
      const versions = body.events.map((e) => e.version);
      expect(versions).toEqual(versions.map((_, i) => versions[0] + i));
      expect(body.version).toBe(versions.at(-1));
    }
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(bodies.flatMap((b) => b.events.map((e) => e.version)).sort((a, b) => a - b)).toEqual(oneToN(total));
    expect(await versionsInLog(relation)).toEqual(oneToN(total));
  });

  it('a correction racing the event it corrects is recorded or refused, never an error', async () => {
    const relation = freshRelation();
    const facts = Array.from({ length: N }, () => noted({ id: crypto.randomUUID() }));
    const corrections = facts.map((fact) => ({
      type: 'EventCorrected', headline: 'Corrected', source: SOURCE,
      data: { eventId: fact.id, reason: 'a typo', changes: { headline: 'Fixed' } },
    }));
    const responses = await Promise.all(facts.flatMap((fact, i) => [
      post(`/v1/relations/${relation}/events`, { events: [fact] }),
      post(`/v1/relations/${relation}/events`, { events: [corrections[i]] }),
    ]));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((_, i) => i % 2 === 0)).toEqual(Array(N).fill(201));
    for (const status of statuses.filter((_, i) => i % 2 === 1)) expect([201, 422]).toContain(status);
    const recorded = statuses.filter((status) => status === 201).length;
    expect(await versionsInLog(relation)).toEqual(oneToN(recorded));
  });

  it('the same event posted concurrently is written once; every other call is answered as a retry', async () => {
    const relation = freshRelation();
    const event = noted({ id: crypto.randomUUID() });
    const responses = await Promise.all(Array.from({ length: N }, () => post(`/v1/relations/${relation}/events`, { events: [event] })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(N - 1).fill(200), 201]);
    const positions = new Set((await Promise.all(responses.map((r) => r.json<Appended>()))).map((b) => b.events[0].position));
    expect(positions.size).toBe(1);
    expect(await versionsInLog(relation)).toEqual([1]);
  });
});
