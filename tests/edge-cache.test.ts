import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { app } from '../src/app';
import { isCachedRead } from '../src/http/response-cache';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';
import { checkedFetch } from './setup/checked-worker';
import { openApiPath } from './setup/routes';

/** Records events on a relation; answers their ids. */
async function record(relation: string, events: Record<string, unknown>[]): Promise<string[]> {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json<{ events: { id: string }[] }>()).events.map((event) => event.id);
}

const callsOf = (response: Response) => /^d1;desc="(\d+) calls?"/.exec(response.headers.get('server-timing') ?? '')?.[1];

/** A new relation with one event of each kind the routes show: its name and its first event's id. */
async function relationWithAnAgreement(): Promise<{ relation: string; event: string }> {
  const relation = freshRelation();
  const [event] = await record(relation, [
    { type: 'RelationsEstablished', occurred: '1890-12-01', headline: 'Established', source: SOURCE, data: {} },
    {
      type: 'AgreementSigned', occurred: '1976-05-03', headline: 'Signed', source: SOURCE,
      data: { agreementId: 'air-transport', title: 'Air Transport Agreement', kind: 'agreement', parties: ['A', 'B'], validUntil: 'indefinite' },
    },
  ]);
  return { relation, event };
}

/** Every public GET of the service's data, for one relation with one event of each kind the routes show. */
async function publicReads(): Promise<string[]> {
  const { relation, event } = await relationWithAnAgreement();
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

// Four or five requests to each of some 25 routes: room for a machine shared with other work.
const EVERY_ROUTE = 30_000;

/** The public GET operations of the document that are not the service's data (they are not cached). */
const UNCACHED = new Set(['/healthz', '/openapi.json', '/docs', '/robots.txt', '/v1/webhooks/kinds']);

/** What a route reads only when asked for it: the search page without words is its empty form. */
const QUERIES: Record<string, string> = { '/search': '?q=relations', '/{lang}/search': '?q=relations' };

/** Every cached public GET of the document, its parameters filled in for one relation with an agreement (so routes added later are covered). */
async function cachedReads(): Promise<string[]> {
  const { relation, event } = await relationWithAnAgreement();
  const values: Record<string, string> = { relation, id: event, eventId: event, agreementId: 'air-transport', day: '12-01', lang: 'es' };
  const doc = await (await get('/openapi.json')).json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>();
  return Object.entries(doc.paths)
    .filter(([path, operations]) => operations.get && operations.get.security?.length === 0 && !UNCACHED.has(path))
    .map(([path]) => path.replaceAll(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`${path}: no value for {${name}}: add one to cachedReads()`);
      return values[name];
    }) + (QUERIES[path] ?? ''))
    .flatMap((path) => (/\/feed\.\w+$/.test(path) ? [path, `${path}?page=1`] : [path]));
}

describe('one path through the cache', () => {
  it('is taken by every public GET route the router serves, by construction of the route', async () => {
    const doc = await (await get('/openapi.json')).json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>();
    const publicGets = Object.entries(doc.paths)
      .filter(([path, operations]) => operations.get?.security?.length === 0 && !UNCACHED.has(path))
      .map(([path]) => path);
    expect(publicGets.length).toBeGreaterThan(20);
    for (const path of publicGets) {
      const handlers = app.routes.filter((route) => route.method === 'GET' && openApiPath(route.path) === path).map((route) => route.handler);
      expect(handlers.some(isCachedRead), `GET ${path} does not go through cachedRead (src/http/response-cache.ts)`).toBe(true);
    }
  });

  it('is passed by a request with a bookmark or Cache-Control: no-store on every cached route, which then reads D1 and answers its bookmark', async () => {
    const paths = await cachedReads();
    for (const path of paths) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      const bookmark = first.headers.get('x-d1-bookmark');
      expect((await get(path)).headers.get('cache-status'), path).toBe('relations-log; hit');
      const passing: Record<string, string>[] = [{ 'x-d1-bookmark': bookmark! }, { 'cache-control': 'no-store' }, { 'cache-control': 'max-age=0, no-store' }];
      for (const headers of passing) {
        const passed = await get(path, headers);
        expect(passed.status, `${path} ${JSON.stringify(headers)}`).toBe(200);
        expect(passed.headers.get('cache-status'), `${path} ${JSON.stringify(headers)}`).toBeNull();
        expect(callsOf(passed), `${path} ${JSON.stringify(headers)}`).toBe('1');
        expect(passed.headers.get('x-d1-bookmark'), `${path} ${JSON.stringify(headers)}`).toMatch(/^[0-9a-f]{8}-/);
      }
    }
  }, EVERY_ROUTE);

  it('answers HEAD as it answers GET: the same header fields, 304 to a matching If-None-Match, and no D1 call on a hit', async () => {
    const FIELDS = ['etag', 'last-modified', 'content-type', 'cache-control', 'link', 'allow', 'content-security-policy', 'access-control-allow-origin'];
    for (const path of await cachedReads()) {
      const head = () => SELF.fetch(`https://relations.test${path}`, { method: 'HEAD' });
      const missed = await head();
      expect(missed.status, path).toBe(200);
      expect(missed.headers.get('cache-status'), path).toBe('relations-log; fwd=miss; stored');
      const got = await get(path);
      expect(got.headers.get('cache-status'), `${path}: the HEAD stored what GET is served`).toBe('relations-log; hit');
      const hit = await head();
      expect(hit.headers.get('cache-status'), path).toBe('relations-log; hit');
      expect(callsOf(hit), path).toBe('0');
      expect(await hit.text(), path).toBe('');
      for (const field of FIELDS) expect(hit.headers.get(field), `${path} ${field}`).toBe(got.headers.get(field));
      expect(hit.headers.get('etag'), path).toMatch(/^"[0-9a-f]{32}"$/);

      const notModified = await SELF.fetch(`https://relations.test${path}`, { method: 'HEAD', headers: { 'if-none-match': got.headers.get('etag')! } });
      expect(notModified.status, path).toBe(304);
      expect(callsOf(notModified), path).toBe('0');
      expect(notModified.headers.get('etag'), path).toBe(got.headers.get('etag'));
    }
  }, EVERY_ROUTE);
});

describe('a deploy', () => {
  /** A request to the Worker as another version of the code would answer it: the same code, under another version id. */
  async function asVersion(id: string, path: string): Promise<Response> {
    const ctx = createExecutionContext();
    const version = { id, tag: '', timestamp: new Date().toISOString() };
    const response = await checkedFetch(new Request(`https://relations.test${path}`), { ...env, CF_VERSION_METADATA: version }, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  }

  it('is told by the runtime which version of the code runs', () => {
    expect(env.CF_VERSION_METADATA.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('never serves what an older version rendered, on any cached route or archive page, and the older keeps its own', async () => {
    const paths = await cachedReads();
    // A full archive page, which is kept apart from the generations for as long as the cache keeps it.
    const relation = freshRelation();
    await record(relation, Array.from({ length: 50 }, () => noted()));
    paths.push(`/v1/relations/${relation}/feed.atom?page=1`);
    const [older, newer] = [crypto.randomUUID(), crypto.randomUUID()];
    for (const path of paths) {
      expect((await asVersion(older, path)).headers.get('cache-status'), path).toBe('relations-log; fwd=miss; stored');
      expect((await asVersion(older, path)).headers.get('cache-status'), path).toBe('relations-log; hit');
      const deployed = await asVersion(newer, path);
      expect(deployed.status, path).toBe(200);
      expect(deployed.headers.get('cache-status'), `${path}: rendered afresh by the new version`).toBe('relations-log; fwd=miss; stored');
      expect(callsOf(deployed), path).toBe('1');
      expect((await asVersion(newer, path)).headers.get('cache-status'), path).toBe('relations-log; hit');
      // While a deploy spreads, an isolate of the older version may still answer: from what it rendered itself.
      expect((await asVersion(older, path)).headers.get('cache-status'), path).toBe('relations-log; hit');
    }
  }, EVERY_ROUTE);
});

describe('host names', () => {
  const at = (host: string, path: string, headers: Record<string, string> = {}) => SELF.fetch(`http://${host}${path}`, { headers });

  it('all see an append at once, whichever host name took it', async () => {
    const relation = freshRelation();
    await record(relation, [noted({ occurred: '1950-03-04', headline: 'Before' })]);
    const paths = [`/v1/relations/${relation}/timeline`, `/v1/relations/${relation}/feed.atom`, `/${relation}`, '/v1/relations', '/v1/on-this-day?date=03-04&year=2000'];
    const hosts = ['localhost:8787', '127.0.0.1:8787', 'relations.test', 'relations.example.org'];
    for (const host of hosts) for (const path of paths) await at(host, path);
    for (const host of hosts) {
      for (const path of paths) expect((await at(host, path)).headers.get('cache-status'), `${host}${path}`).toBe('relations-log; hit');
    }
    // The append goes through one host name...
    const appended = await SELF.fetch(`http://127.0.0.1:8787/v1/relations/${relation}/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-editor-token', 'content-type': 'application/json' },
      body: JSON.stringify({ events: [noted({ occurred: '1950-03-04', headline: 'After' })] }),
    });
    expect(appended.status).toBe(201);
    // ...and readers through every other see it.
    for (const host of hosts) {
      for (const path of paths) {
        const response = await at(host, path);
        expect(response.headers.get('cache-status'), `${host}${path}`).toBe('relations-log; fwd=miss; stored');
        const text = await response.text();
        expect(text.includes('After') || text.includes('"version":2'), `${host}${path}`).toBe(true);
      }
    }
  }, EVERY_ROUTE);

  it('each keep the links they were asked through: a forged Host never leaves its links for another', async () => {
    const relation = freshRelation();
    await record(relation, [noted({ headline: 'Linked' })]);
    const path = `/v1/relations/${relation}/feed.atom`;
    const forged = await at('evil.example', path);
    expect(await forged.text()).toContain('http://evil.example/');
    const honest = await at('relations.test', path);
    const text = await honest.text();
    expect(text).not.toContain('evil.example');
    expect(text).toContain('http://relations.test/');
  });
});
