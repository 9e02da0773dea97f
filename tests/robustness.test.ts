/// <reference types="vite/client" />
import { SELF } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshAddress, get, noted, post, SOURCE, TOKEN } from './setup/client';
import { totalEvents } from './setup/log-state';
import { servedRoutes } from './setup/routes';

/**
 * Random and malformed requests at every route the OpenAPI document lists and the router serves
 * (so routes added later are covered too): never a 5xx, and never a new event unless the request
 * was a valid, authorized append.
 */

interface Route {
  method: string;
  path: string;
}

const APPEND = 'POST /v1/relations/{relation}/events';
const fixtures = Object.values(
  import.meta.glob<{ relation: string; events: { id: string; data: Record<string, unknown> }[] }>('../fixtures/*.json', { eager: true, import: 'default' }),
);

let routes: Route[] = [];
const known = { relations: [...new Set(fixtures.map((file) => file.relation))], ids: [] as string[], slugs: [] as string[] };

beforeAll(async () => {
  // Real data behind the routes, so that valid parameters reach the code that reads it.
  for (const { relation, events } of fixtures) {
    const response = await post(`/v1/relations/${relation}/events`, { events });
    expect(response.status).toBeLessThan(300);
    known.ids.push(...events.map((event) => event.id));
    known.slugs.push(...events.flatMap((event) => (typeof event.data.agreementId === 'string' ? [event.data.agreementId] : [])));
  }
  const doc = await (await get('/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
  // What the document lists, and what the router serves even if the document forgot it.
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
  const all = new Set([...documented, ...servedRoutes(), 'GET /openapi.json', 'GET /docs']);
  routes = [...all].map((route) => {
    const [method, path] = route.split(' ');
    return { method, path };
  });
  expect(routes.map((r) => `${r.method} ${r.path}`)).toContain(APPEND);
});

// ---- arbitraries ----------------------------------------------------------------------------

const garbage = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', ' ', '..', '%', '%zz', '%00', '-', 'null', 'undefined', '0', '-1', '1e400', 'NaN', '\u202e', 'x'.repeat(3000)),
  fc.integer().map(String),
);

/** A value for a path parameter: one that names something real, a well-formed one that does not, or garbage. */
function paramValue(name: string): fc.Arbitrary<string> {
  const plausible = fc.constantFrom(
    ...known.relations, 'de-fr', 'ru-mx', 'mx-mx', 'xx-yy', ...known.ids.slice(0, 5), crypto.randomUUID(),
    ...known.slugs.slice(0, 3), '1890-12-01', '1943-06', '12-01', '02-29', '2023', 'mx-ru.json', 'index.html',
  );
  const real = /relation/i.test(name) ? fc.constantFrom(...known.relations) : /id$/i.test(name) ? fc.constantFrom(...known.ids) : plausible;
  return fc.oneof(real, plausible, garbage.map((value) => encodeURIComponent(value)), garbage.filter((v) => !/[/?#\\]/.test(v)));
}

const queryValue = fc.oneof(
  garbage,
  fc.integer({ min: -5, max: 1000 }).map(String),
  fc.constantFrom('1890-12-01', '1943-06', '2023', 'federal', 'subnational', 'VisitMade', 'mx-ru', 'true', ''),
  // Days a date schema takes that the views cannot hold.
  fc.constantFrom('0000-01-01', '0000-02-29', '9999-12-31', '0001-01-01'),
);
const query = fc
  .array(fc.tuple(fc.constantFrom('after', 'limit', 'from', 'to', 'on', 'date', 'type', 'tag', 'level', 'q', 'cursor', 'page', 'before', 'asOf', 'sort', 'format', 'lang', 'x'), queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs)}` : ''));

const headers = fc.record(
  {
    authorization: fc.oneof(fc.constant(`Bearer ${TOKEN}`), fc.constant('Bearer wrong'), garbage.map((g) => `Bearer ${g}`), garbage),
    'content-type': fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/problem+json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'),
      garbage,
    ),
    accept: fc.oneof(fc.constantFrom('application/json', 'text/html', 'application/rss+xml', '*/*'), garbage),
    'if-none-match': fc.oneof(fc.constantFrom('*', '"abc"', 'W/"x"'), garbage),
    'if-modified-since': fc.oneof(fc.constantFrom('Mon, 01 Jan 2001 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT'), garbage),
    origin: fc.constantFrom('https://elsewhere.example', 'null'),
  },
  { requiredKeys: [] },
).map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => isHeaderValue(value))));

const isHeaderValue = (value: string) => /^[\t\x20-\x7e]*$/.test(value) && value.trim() === value;

const edtf = fc.oneof(fc.constantFrom('1890-12-01', '1943-06', '1976', '1910/1920', '2012~', '/2023', '2003-02-29', '1943-13', 'June 1943', ''), garbage);
const event = fc.record(
  {
    id: fc.oneof(fc.uuid({ version: 4 }), garbage),
    type: fc.oneof(fc.constantFrom('EventNoted', 'VisitMade', 'AgreementSigned', 'EventCorrected', 'EventRetracted', 'Unknown'), garbage),
    occurred: edtf,
    headline: fc.oneof(fc.constant('A headline'), garbage),
    data: fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom('eventId', 'reason', 'changes', 'visitor', 'x'), fc.jsonValue())),
    source: fc.oneof(fc.constant(SOURCE), fc.jsonValue()),
    tags: fc.array(garbage, { maxLength: 2 }),
  },
  { requiredKeys: ['type'] },
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  garbage,
  fc.record({ expectedVersion: fc.oneof(fc.integer({ min: -2, max: 200 }), garbage), events: fc.array(event, { maxLength: 3 }) }, { requiredKeys: ['events'] })
    .map((value) => JSON.stringify(value)),
  fc.constant(null).map(() => JSON.stringify({ events: [noted()] })),
);

/** A route of the document with its path parameters filled in. */
function target(): fc.Arbitrary<Route> {
  return fc.constantFrom(...routes).chain((route) => {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    return fc.tuple(...names.map(paramValue)).map((values) => ({
      method: route.method,
      path: names.reduce((path, name, i) => path.replace(`{${name}}`, values[i]), route.path),
    }));
  });
}

function request() {
  return fc.record({
    target: target(),
    otherMethod: fc.option(fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE'), { freq: 2 }),
    search: query,
    headers,
    body,
  });
}

interface Outcome {
  status: number;
  contentType: string;
  serverTiming: string | null;
  appended: number;
}

async function send(method: string, path: string, search: string, requestHeaders: Record<string, string>, requestBody?: string): Promise<Outcome> {
  const response = await SELF.fetch(`https://relations.test${path}${search}`, {
    method,
    headers: requestHeaders,
    body: method === 'GET' ? undefined : requestBody,
  });
  const text = await response.text();
  const appended = response.status === 201 && /^\{/.test(text) ? (JSON.parse(text).events?.length ?? 0) : 0;
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', serverTiming: response.headers.get('server-timing'), appended };
}

describe('any request, however malformed', () => {
  it('never gets a 5xx and never writes an event unless it is a valid, authorized append', async () => {
    await fc.assert(
      fc.asyncProperty(request(), fc.context(), async ({ target: { method: documented, path }, otherMethod, search, headers: requestHeaders, body: requestBody }, ctx) => {
        const method = otherMethod ?? documented;
        const before = await totalEvents();
        // Each from an address of its own: the lockout after failed authentications has its own test.
        const outcome = await send(method, path, search, { ...requestHeaders, 'cf-connecting-ip': freshAddress() }, requestBody);
        const after = await totalEvents();
        ctx.log(`${method} ${path}${search} ${JSON.stringify(requestHeaders)} ${requestBody?.slice(0, 300)} -> ${outcome.status}`);

        expect(outcome.status).toBeLessThan(500);
        expect(outcome.serverTiming).toMatch(/^d1;desc="\d+ calls?";dur=/);
        if (path.startsWith('/v1/') && outcome.status >= 400 && method !== 'HEAD') {
          expect(outcome.contentType).toMatch(/^application\/problem\+json/);
        }
        const isAppend = method === 'POST' && /^\/v1\/relations\/[^/]+\/events$/.test(path);
        if (after !== before) {
          expect(isAppend && outcome.status === 201 && requestHeaders.authorization === `Bearer ${TOKEN}`).toBe(true);
          expect(after - before).toBe(outcome.appended);
        }
      }),
      { numRuns: 300 },
    );
    // Some 8 s alone, three times that with the other core busy: the limit leaves room for a busier machine.
  }, 180_000);

  it('appends exactly what a valid, authorized append says, and nothing for an invalid one', async () => {
    const appendBody = fc.oneof(
      fc.array(event, { minLength: 1, maxLength: 4 }).map((events) => ({ events })),
      fc.array(fc.constant(null).map(() => noted()), { minLength: 1, maxLength: 4 }).map((events) => ({ events })),
    );
    await fc.assert(
      fc.asyncProperty(appendBody, fc.boolean(), async (value, authorized) => {
        const before = await totalEvents();
        const outcome = await send('POST', '/v1/relations/mx-ru/events', '', {
          'content-type': 'application/json',
          authorization: authorized ? `Bearer ${TOKEN}` : 'Bearer nope',
          'cf-connecting-ip': freshAddress(),
        }, JSON.stringify(value));
        const after = await totalEvents();
        expect(outcome.status).toBeLessThan(500);
        expect([200, 201, 401, 409, 422]).toContain(outcome.status);
        expect(after - before).toBe(outcome.status === 201 ? value.events.length : 0);
        if (!authorized) expect(outcome.status).toBe(401);
      }),
      { numRuns: 100 },
    );
    // Some 7 s alone, 18 s with the other core busy.
  }, 120_000);
});
