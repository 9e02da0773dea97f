import { describe, expect, it, vi } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';

/** Records events on a relation; answers their ids. */
async function record(relation: string, events: Record<string, unknown>[]): Promise<string[]> {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json<{ events: { id: string }[] }>()).events.map((event) => event.id);
}

const callsOf = (response: Response) => /^d1;desc="(\d+) calls?"/.exec(response.headers.get('server-timing') ?? '')?.[1];

/** Every public GET of the service's data, for one relation with one event of each kind the routes show. */
async function publicReads(): Promise<string[]> {
  const relation = freshRelation();
  const [event] = await record(relation, [
    { type: 'RelationsEstablished', occurred: '1890-12-01', headline: 'Established', source: SOURCE, data: {} },
    {
      type: 'AgreementSigned', occurred: '1976-05-03', headline: 'Signed', source: SOURCE,
      data: { agreementId: 'air-transport', title: 'Air Transport Agreement', kind: 'agreement', parties: ['A', 'B'], validUntil: 'indefinite' },
    },
  ]);
  const api = `/v1/relations/${relation}`;
  return [
    '/v1/relations', `${api}/events`, `/v1/events/${event}`, `${api}/timeline`, `${api}/agreements`,
    `${api}/agreements/air-transport`, `${api}/status`, `${api}/on-this-day?date=12-01`, '/v1/on-this-day?date=12-01',
    '/', `/${relation}`, `/${relation}/timelinejs`, `${api}/timeline.timelinejs.json`, `${api}/anniversaries.ics`,
    `${api}/feed.xml`, `${api}/feed.atom`, `${api}/feed.json`, '/feed.xml',
  ];
}

describe('the edge cache', () => {
  it('serves every public GET from the cache after the first, with no D1 call, and answers 304 to its ETag', async () => {
    for (const path of await publicReads()) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      expect(first.headers.get('cache-status'), path).toBe('relations-log; fwd=miss; stored');
      expect(callsOf(first), path).toBe('1');
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^"[0-9a-f]{32}"$/);

      const hit = await get(path);
      expect(hit.headers.get('cache-status'), path).toBe('relations-log; hit');
      expect(callsOf(hit), path).toBe('0');
      expect(hit.headers.get('x-d1-bookmark'), path).toBeNull();
      expect(await hit.text(), path).toBe(await first.text());

      const notModified = await get(path, { 'if-none-match': etag! });
      expect(notModified.status, path).toBe(304);
      expect(callsOf(notModified), path).toBe('0');
    }
  });

  it('goes stale at once for the relation appended to and for "all", and for no other relation', async () => {
    const relation = freshRelation();
    const other = freshRelation();
    await record(relation, [noted({ occurred: '1950-03-04', headline: 'Before' })]);
    await record(other, [noted({ occurred: '1950-03-04', headline: 'Elsewhere' })]);
    const paths = [`/v1/relations/${relation}/timeline`, `/v1/relations/${relation}/feed.json`, '/v1/on-this-day?date=03-04'];
    for (const path of [...paths, '/v1/relations', `/v1/relations/${other}/timeline`]) await get(path);

    await record(relation, [noted({ occurred: '1950-03-04', headline: 'After' })]);
    for (const path of paths) {
      const response = await get(path);
      expect(response.headers.get('cache-status'), path).toBe('relations-log; fwd=miss; stored');
      expect(await response.text(), path).toContain('After');
    }
    const relations = await get('/v1/relations');
    expect(relations.headers.get('cache-status')).toBe('relations-log; fwd=miss; stored');
    expect((await relations.json<any>()).relations.find((r: any) => r.relation === relation).version).toBe(2);
    expect((await get(`/v1/relations/${other}/timeline`)).headers.get('cache-status')).toBe('relations-log; hit');
  });

  it('keys what depends on today by the day, so no cached answer crosses midnight UTC', async () => {
    const relation = freshRelation();
    await record(relation, [
      {
        type: 'AgreementSigned', occurred: '2020-01-01', headline: 'Signed', source: SOURCE,
        data: { agreementId: 'short', title: 'A short agreement', kind: 'agreement', parties: ['A', 'B'], validUntil: '2031-12-31' },
      },
    ]);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-12-31T23:59:58Z'));
      const before = await get(`/v1/relations/${relation}/agreements`);
      expect((await before.json<any>()).items[0]).toMatchObject({ status: 'in_force' });
      expect((await get(`/v1/relations/${relation}/agreements`)).headers.get('cache-status')).toBe('relations-log; hit');
      // A given day is the same answer whatever today is.
      await get(`/v1/relations/${relation}/agreements?asOf=2031-12-31`);

      vi.setSystemTime(new Date('2032-01-01T00:00:01Z'));
      const after = await get(`/v1/relations/${relation}/agreements`);
      expect(after.headers.get('cache-status')).toBe('relations-log; fwd=miss; stored');
      expect(await after.json<any>()).toMatchObject({ asOf: '2032-01-01', items: [{ status: 'expired' }] });
      expect((await get(`/v1/relations/${relation}/agreements?asOf=2031-12-31`)).headers.get('cache-status')).toBe('relations-log; hit');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a request's own Cache-Control", () => {
  it('no-store passes the cache both ways; no-cache is answered afresh and that answer stored', async () => {
    const relation = freshRelation();
    await record(relation, [noted({ headline: 'Only one' })]);
    const path = `/v1/relations/${relation}/timeline`;
    const noStore = await get(path, { 'cache-control': 'no-store' });
    expect(noStore.headers.get('cache-status')).toBeNull();
    expect(callsOf(noStore)).toBe('1');
    // Nothing was stored: the next plain request misses.
    expect((await get(path)).headers.get('cache-status')).toBe('relations-log; fwd=miss; stored');
    expect((await get(path)).headers.get('cache-status')).toBe('relations-log; hit');

    const noCache = await get(path, { 'cache-control': 'no-cache' });
    expect(noCache.headers.get('cache-status')).toBe('relations-log; fwd=request; stored');
    expect(callsOf(noCache)).toBe('1');
    expect((await get(path)).headers.get('cache-status')).toBe('relations-log; hit');
  });
});
