import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshAddress, freshRelation, noted, SOURCE, TOKEN } from './setup/client';
import { pointersOf, problemOf, totalEvents } from './setup/log-state';

/**
 * Request bodies, on every route that reads one (taken from the OpenAPI document, so a route added later is
 * covered too): read after the credential, at most 1 MiB, strictly UTF-8, and with no `__proto__` key that a
 * record would drop. Whatever is refused writes nothing.
 */

const MiB = 1024 * 1024;
const encoder = new TextEncoder();

interface BodyRoute {
  method: string;
  path: string;
}

let routes: BodyRoute[] = [];
// A subscription to a relation no test appends to: it is never sent anything.
const QUIET_SUBSCRIPTION = { url: 'https://receiver.example/hook', events: ['event.recorded'], relations: ['za-zw'] };
let subscription = '';

function send(route: BodyRoute, body: BodyInit | null, headers: Record<string, string> = {}) {
  return SELF.fetch(`https://relations.test${route.path}`, {
    method: route.method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'cf-connecting-ip': freshAddress(), ...headers },
    body,
  });
}

/** A valid body for each route that takes one, as UTF-8 text. */
function validBody(route: BodyRoute): string {
  if (route.path.endsWith('/events')) return JSON.stringify({ events: [noted({ headline: 'Café in Moscú' })] });
  if (route.path === '/v1/admin/keys') return JSON.stringify({ name: `Éditrice ${crypto.randomUUID().slice(0, 8)}`, scopes: ['events:write'] });
  return JSON.stringify({ ...QUIET_SUBSCRIPTION, description: 'Café' });
}

/** Bytes of `body` with the first "é" as `bytes` instead of its UTF-8 (c3 a9). */
function withBytesFor(body: string, bytes: number[]): Uint8Array {
  const [before, after] = body.split(/é(.*)/s);
  return new Uint8Array([...encoder.encode(before), ...bytes, ...encoder.encode(after)]);
}

/** A stream of `size` bytes of JSON-ish text, counting how much of it was pulled. */
function countedStream(size: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const chunk = encoder.encode('x'.repeat(64 * 1024));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => sent };
}

beforeAll(async () => {
  const doc = await (await SELF.fetch('https://relations.test/openapi.json')).json<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>();
  const created = await send({ method: 'POST', path: '/v1/webhooks' }, JSON.stringify(QUIET_SUBSCRIPTION));
  subscription = (await created.json<{ id: string }>()).id;
  // A restore holds every append while it is open: its two routes are tried on a log of their own, in
  // tests/backup-restore.test.ts.
  // The WebSub hub's form, and the optional body of rotate-secret, are tried below.
  routes = Object.entries(doc.paths).filter(([path]) => !path.startsWith('/v1/admin/restores')).flatMap(([path, operations]) => Object.entries(operations)
    .filter(([, operation]) => {
      const body = operation.requestBody as { required?: boolean; content?: Record<string, unknown> } | undefined;
      return body?.required && body.content?.['application/json'];
    })
    .map(([method]) => ({
      method: method.toUpperCase(),
      path: path.replace('{relation}', freshRelation()).replace('{id}', subscription),
    })));
  expect(routes.map((route) => route.method).sort()).toEqual(['PATCH', 'POST', 'POST', 'POST']);
});

describe('a body that is not UTF-8', () => {
  it('is a 400 on every route with a body: raw \\xff\\xfe, an overlong \\xc0\\x80, Latin-1 é; nothing is written', async () => {
    for (const route of routes) {
      for (const bytes of [[0xff, 0xfe], [0xc0, 0x80], [0xe9]]) {
        const before = await totalEvents();
        const response = await send(route, withBytesFor(validBody(route), bytes));
        expect(response.status, `${route.method} ${route.path} ${bytes}`).toBe(400);
        expect(await problemOf(response)).toMatchObject({ type: '/problems/not-utf-8' });
        expect(await totalEvents()).toBe(before);
      }
      // The same body in UTF-8 is fine, a byte order mark before it too.
      const fine = await send(route, validBody(route));
      expect(fine.status, `${route.method} ${route.path}`).toBeLessThan(300);
    }
  });

  it('is a 415 when it declares a charset other than UTF-8, or a content coding, unread', async () => {
    for (const route of routes) {
      const declarations: Record<string, string>[] = [
        { 'content-type': 'application/json; charset=iso-8859-1' },
        { 'content-type': 'application/json;charset="windows-1252"' },
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      ];
      for (const headers of declarations) {
        const before = await totalEvents();
        const response = await send(route, withBytesFor(validBody(route), [0xe9]), headers);
        expect(response.status, `${route.method} ${route.path} ${JSON.stringify(headers)}`).toBe(415);
        await problemOf(response);
        expect(await totalEvents()).toBe(before);
      }
      const declared = await send(route, validBody(route), { 'content-type': 'application/json; charset=UTF-8' });
      expect(declared.status, `${route.method} ${route.path}`).toBeLessThan(300);
    }
  });

  it('keeps what was sent: the log holds the bytes of the body, never U+FFFD', async () => {
    const relation = freshRelation();
    const response = await send({ method: 'POST', path: `/v1/relations/${relation}/events` }, new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(validBody({ method: 'POST', path: '/events' }))]));
    expect(response.status).toBe(201);
    const [{ id }] = (await response.json<{ events: { id: string }[] }>()).events;
    const event = await (await SELF.fetch(`https://relations.test/v1/events/${id}`)).json<{ headline: string }>();
    expect(event.headline).toBe('Café in Moscú');
  });
});

describe('a body over 1 MiB', () => {
  it('is not read for a client without a valid key: 401, whatever its size, charset or framing', async () => {
    for (const route of routes) {
      for (const authorization of [undefined, 'Bearer not-a-key']) {
        const { stream, pulled } = countedStream(4 * MiB);
        const response = await SELF.fetch(`https://relations.test${route.path}`, {
          method: route.method,
          headers: { 'content-type': 'application/json; charset=iso-8859-1', 'cf-connecting-ip': freshAddress(), ...(authorization ? { authorization } : {}) },
          body: stream,
        });
        expect(response.status, `${route.method} ${route.path}`).toBe(401);
        expect(pulled(), `${route.method} ${route.path}`).toBeLessThan(MiB);
        await stream.cancel().catch(() => {});
      }
    }
  });

  it('is a 413 with a key, by its Content-Length, or once a chunked body passes 1 MiB; nothing is written', async () => {
    for (const route of routes) {
      const before = await totalEvents();
      const declared = await send(route, new Uint8Array(MiB + 1).fill(0x20));
      expect(declared.status, `${route.method} ${route.path}`).toBe(413);
      const { stream } = countedStream(2 * MiB);
      const chunked = await send(route, stream);
      expect(chunked.status, `${route.method} ${route.path}`).toBe(413);
      expect(await problemOf(chunked)).toMatchObject({ status: 413 });
      expect(await totalEvents()).toBe(before);
    }
    // 1 MiB itself is read.
    const relation = freshRelation();
    const padded = JSON.stringify({ events: [noted()] });
    const exact = await send({ method: 'POST', path: `/v1/relations/${relation}/events` }, padded + ' '.repeat(MiB - encoder.encode(padded).byteLength));
    expect(exact.status).toBe(201);
  });
});

describe('a __proto__ key', () => {
  it('in data.mainExports is a 422 naming it, as every other __proto__ is, and nothing is written', async () => {
    const relation = freshRelation();
    const trade = (mainExports: string) => `{"events":[{"type":"TradeReported","occurred":"2019","headline":"Trade in 2019",` +
      `"source":${JSON.stringify(SOURCE)},"data":{"period":"2019","totalUsd":1000,"mainExports":${mainExports}}}]}`;
    const cases: [string, string[]][] = [
      [trade('{"__proto__":["oil"]}'), ['/events/0/data/mainExports/__proto__']],
      [trade('{"mx":["cars"],"\\u005f_proto__":{"ru":["oil"]}}'), ['/events/0/data/mainExports/__proto__']],
      [trade('{"mx":["cars"]},"__proto__":{}'), ['/events/0/data/__proto__']],
      [`{"events":[${JSON.stringify(noted())}],"__proto__":{"expectedVersion":5}}`, ['/__proto__']],
    ];
    for (const [body, pointers] of cases) {
      const before = await totalEvents();
      const response = await send({ method: 'POST', path: `/v1/relations/${relation}/events` }, body);
      expect(response.status, body).toBe(422);
      expect(pointersOf(await problemOf(response))).toEqual(pointers);
      expect(await totalEvents()).toBe(before);
    }
    const fine = await send({ method: 'POST', path: `/v1/relations/${relation}/events` }, trade('{"mx":["cars"],"ru":["oil"]}'));
    expect(fine.status).toBe(201);
  });

  it('in a correction\'s changes.data, or in any other body, is refused the same way', async () => {
    const relation = freshRelation();
    const correction = JSON.stringify({
      events: [{
        type: 'EventCorrected', headline: 'Corrected', source: SOURCE,
        data: { eventId: crypto.randomUUID(), reason: 'a typo', changes: { data: { PROTO: {} } } },
      }],
    }).replace('"PROTO"', '"__proto__"');
    const response = await send({ method: 'POST', path: `/v1/relations/${relation}/events` }, correction);
    expect(response.status).toBe(422);
    expect(pointersOf(await problemOf(response))).toEqual(['/events/0/data/changes/data/__proto__']);
    for (const route of routes) {
      const body = validBody(route).replace(/^\{/, '{"__proto__":{"admin":true},');
      const refused = await send(route, body);
      expect(refused.status, `${route.method} ${route.path}`).toBe(422);
      expect(pointersOf(await problemOf(refused))).toEqual(['/__proto__']);
    }
  });
});

describe('an optional body, and a form', () => {
  it('are read by the same rules: not UTF-8 is a 400, another charset a 415, and nothing changes', async () => {
    const rotate = { method: 'POST', path: `/v1/webhooks/${subscription}/rotate-secret` };
    const before = await (await send({ method: 'GET', path: `/v1/webhooks/${subscription}` }, null, { 'content-type': '' })).json<any>();
    const notUtf8 = await send(rotate, new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    expect(notUtf8.status).toBe(400);
    expect(await problemOf(notUtf8)).toMatchObject({ type: '/problems/not-utf-8' });
    expect((await send(rotate, '{}', { 'content-type': 'application/json; charset=iso-8859-1' })).status).toBe(415);
    const after = await (await send({ method: 'GET', path: `/v1/webhooks/${subscription}` }, null, { 'content-type': '' })).json<any>();
    expect(after).toEqual(before);

    const hub = (body: BodyInit, headers: Record<string, string> = {}) => SELF.fetch('https://relations.test/v1/websub', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body,
    });
    const form = new TextEncoder().encode('hub.mode=subscribe&hub.topic=https%3A%2F%2Frelations.test%2Ffeed.atom&hub.callback=https%3A%2F%2Freceiver.example%2F');
    const badForm = await hub(new Uint8Array([...form, 0xff]));
    expect(badForm.status).toBe(400);
    expect(await problemOf(badForm)).toMatchObject({ type: '/problems/not-utf-8' });
    expect((await hub('hub.mode=subscribe', { 'content-type': 'application/x-www-form-urlencoded; charset=iso-8859-1' })).status).toBe(415);
    const large = await hub(`hub.mode=subscribe&hub.secret=${'x'.repeat(70 * 1024)}`);
    expect(large.status).toBe(413);
  });
});
