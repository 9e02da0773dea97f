import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';
import { problemOf } from './setup/log-state';

interface Page {
  relation: string;
  events: { id: string; position: number; version: number; relation: string }[];
  next: string | null;
}

async function append(relation: string, events: unknown[]): Promise<{ id: string; position: number; version: number }[]> {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json<{ events: { id: string; position: number; version: number }[] }>()).events;
}

async function relationsList() {
  const response = await get('/v1/relations');
  expect(response.status).toBe(200);
  return (await response.json<{ relations: Record<string, unknown>[] }>()).relations;
}

describe('GET /v1/relations', () => {
  it('lists each relation with its name, event count, version, and first and last occurred in the timeline\'s order', async () => {
    const relation = 'mx-ru';
    const [first, , , , , withdrawn] = await append(relation, [
      noted({ occurred: '1943-06' }), noted({ occurred: '2012~' }), noted({ occurred: '1890-12-01' }), noted({ occurred: '1910/1920' }),
      // Known only by its end: the timeline sorts it on 2023, after 2012~.
      noted({ occurred: '/2023' }),
      // Retracted below: no longer the relation's first fact.
      noted({ occurred: '1806' }),
    ]);
    // A correction happens when it is recorded: it is not the relation's latest historical fact.
    await append(relation, [{
      type: 'EventCorrected', headline: 'Corrected', source: SOURCE,
      data: { eventId: first.id, reason: 'a typo', changes: { headline: 'Fixed' } },
    }, {
      type: 'EventRetracted', headline: 'Withdrawn', source: SOURCE, data: { eventId: withdrawn.id, reason: 'not in the source' },
    }]);
    const other = 'jp-kr';
    await append(other, [noted({ occurred: '1965-06-22' })]);

    const relations = await relationsList();
    expect(relations.find((r) => r.relation === relation)).toMatchObject({
      name: 'Mexico–Russia', events: 8, version: 8, firstOccurred: '1890-12-01', lastOccurred: '/2023',
    });
    expect(relations.find((r) => r.relation === other)).toMatchObject({
      name: 'Japan–South Korea', events: 1, version: 1, firstOccurred: '1965-06-22', lastOccurred: '1965-06-22',
    });
    const names = relations.map((r) => r.relation as string);
    expect(names).toEqual([...names].sort());
  });

  it('reads in one D1 call, and then from the edge cache in none until the next append', async () => {
    await append(freshRelation(), [noted()]);
    const response = await get('/v1/relations');
    expect(response.headers.get('server-timing')).toMatch(/^d1;desc="1 call";dur=\d+(\.\d+)?(,|$)/);
    expect(response.headers.get('cache-status')).toBe('relations-log; fwd=miss; stored');
    const again = await get('/v1/relations');
    expect(again.headers.get('server-timing')).toMatch(/^d1;desc="0 calls";/);
    expect(again.headers.get('cache-status')).toBe('relations-log; hit');
    expect(await again.json()).toEqual(await response.json());
  });
});

describe('GET /v1/relations/{relation}/events', () => {
  const relation = freshRelation();
  let appended: { id: string; position: number; version: number }[] = [];
  beforeAll(async () => {
    appended = await append(relation, Array.from({ length: 7 }, () => noted()));
    // Another relation's events interleave in the global order but never show up in this log.
    await append(freshRelation(), [noted()]);
    appended.push(...(await append(relation, [noted()])));
  });

  it('pages through the log in position order, following `next` until it is null', async () => {
    const seen: Page['events'] = [];
    let next: string | null = `/v1/relations/${relation}/events?limit=3`;
    let pages = 0;
    while (next) {
      const response = await get(next);
      expect(response.status).toBe(200);
      expect(response.headers.get('server-timing')).toMatch(/^d1;desc="1 call"/);
      const page = await response.json<Page>();
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events);
      next = page.next;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen.map((e) => e.id)).toEqual(appended.map((e) => e.id));
    expect(seen.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(seen.every((e) => e.relation === relation)).toBe(true);
  });

  it('starts after a position', async () => {
    const page = await (await get(`/v1/relations/${relation}/events?after=${appended[5].position}`)).json<Page>();
    expect(page.events.map((e) => e.id)).toEqual(appended.slice(6).map((e) => e.id));
    expect(page.next).toBeNull();
  });

  it('answers 404 for a relation without events', async () => {
    const response = await get(`/v1/relations/${freshRelation()}/events`);
    expect(response.status).toBe(404);
    await problemOf(response);
  });

  it('answers 400 for a malformed relation name', async () => {
    for (const name of ['ru-mx', 'mx-mx', 'xx-yy', 'mx', 'mx-ru-us', 'MX-RU', '%20mx-ru']) {
      const response = await get(`/v1/relations/${name}/events`);
      expect(response.status, name).toBe(400);
      const problem = await problemOf(response);
      expect(problem.errors?.map((e) => e.parameter)).toEqual(['relation']);
    }
  });

  it('answers 400 naming a bad `after` or `limit`', async () => {
    const cases = { 'limit=0': 'limit', 'limit=501': 'limit', 'limit=ten': 'limit', 'limit=2.5': 'limit', 'after=-1': 'after', 'after=1e400': 'after' };
    for (const [query, parameter] of Object.entries(cases)) {
      const response = await get(`/v1/relations/${relation}/events?${query}`);
      expect(response.status, query).toBe(400);
      expect((await problemOf(response)).errors?.map((e) => e.parameter)).toEqual([parameter]);
    }
  });
});

describe('GET /v1/events/{id}', () => {
  it('answers one event', async () => {
    const relation = freshRelation();
    const event = noted({ id: crypto.randomUUID() });
    const [recorded] = await append(relation, [event]);
    const response = await get(`/v1/events/${event.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('server-timing')).toMatch(/^d1;desc="1 call"/);
    expect(await response.json()).toMatchObject({ ...event, ...recorded, relation });
  });

  it('answers 404 for an unknown id and 400 for one that is not a UUID', async () => {
    const unknown = await get(`/v1/events/${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    await problemOf(unknown);
    const malformed = await get('/v1/events/42');
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).errors?.map((e) => e.parameter)).toEqual(['id']);
  });
});

describe('every response', () => {
  it('says what its D1 calls cost in Server-Timing, errors and 404s included', async () => {
    const cases: [Promise<Response>, number, string][] = [
      [get('/v1/relations'), 200, '1 call'],
      [get(`/v1/relations/${freshRelation()}/events`), 404, '1 call'],
      [get(`/v1/events/${crypto.randomUUID()}`), 404, '1 call'],
      [get('/v1/relations/ru-mx/events'), 400, '0 calls'],
      [get('/v1/nothing-here'), 404, '0 calls'],
      [get('/openapi.json'), 200, '0 calls'],
      [SELF.fetch('https://relations.test/v1/relations/ad-ae/events', { method: 'POST' }), 401, '0 calls'],
      [post(`/v1/relations/${freshRelation()}/events`, '{'), 400, '0 calls'],
      [post(`/v1/relations/${freshRelation()}/events`, { events: [noted()], expectedVersion: 3 }), 409, '2 calls'],
    ];
    for (const [request, status, calls] of cases) {
      const response = await request;
      expect(response.status).toBe(status);
      expect(response.headers.get('server-timing')).toMatch(new RegExp(`^d1;desc="${calls}";dur=\\d+(\\.\\d+)?(,|$)`));
    }
  });

  it('is open to any origin on /v1 reads', async () => {
    const response = await get('/v1/relations', { origin: 'https://elsewhere.example' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/server-timing/);
    const missing = await get(`/v1/events/${crypto.randomUUID()}`, { origin: 'https://elsewhere.example' });
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');

    const preflight = await SELF.fetch('https://relations.test/v1/relations/mx-ru/events', {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/GET/);
  });
});
