// D1 calls per request for each route (issue 2, and each route added since), read from the
// Server-Timing header. Every GET route in /openapi.json is probed, with an unknown relation too;
// the writes are listed below; any documented operation not probed is named under the table.
import { randomUUID } from 'node:crypto';
import { post } from './post.mjs';
import { startReceiver } from './receiver.mjs';
import { benchRelation } from './relations.mjs';
import { d1Cost, d1Rows } from './server-timing.mjs';
import { notedEvent } from './synthetic.mjs';
import { printTable } from './table.mjs';

const SEEDED = 'mx-ru';

/** The shared server lets webhooks go to a receiver on 127.0.0.1, for the webhook routes below. */
export const routesServerOptions = { vars: { ALLOW_HTTP_WEBHOOKS: 'true' } };

/**
 * One request of a probe, from D1 (a GET says `Cache-Control: no-store`, so the edge cache is passed). Sent
 * again if wrangler's proxy lost it (counted): the cost of one request is the same.
 */
async function send(server, { method = 'GET', path, body, token = server.token, headers: given = {} }) {
  const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(method === 'GET' ? { 'cache-control': 'no-store' } : {}), ...given };
  const answer = await post(`${server.url}${path}`, { method, headers, body, repeatable: true });
  return { status: answer.status, ...d1Cost(answer, `${method} ${path}`), rows: d1Rows(answer), body: answer.body };
}

async function subscribe(server, url) {
  const { status, body } = await send(server, { method: 'POST', path: '/v1/webhooks', body: { url, events: ['anniversary.today'] } });
  if (status !== 201) throw new Error(`subscribe: ${status} ${JSON.stringify(body)}`);
  return body.id;
}

function appendProbes() {
  const relation = benchRelation();
  const path = `/v1/relations/${relation}/events`;
  const template = '/v1/relations/{relation}/events';
  const one = [{ id: randomUUID(), ...notedEvent(`${relation} one`) }];
  const hundred = Array.from({ length: 100 }, (_, i) => notedEvent(`${relation} ${i}`));
  return [
    { label: '1 event', method: 'POST', path, template, body: { events: one } },
    { label: '100 events', method: 'POST', path, template, body: { events: hundred } },
    { label: 'again (a retry)', method: 'POST', path, template, body: { events: one } },
    { label: 'stale expectedVersion', method: 'POST', path, template, body: { expectedVersion: 1, events: [notedEvent('stale')] } },
    { label: 'invalid event', method: 'POST', path, template, body: { events: [{ type: 'EventNoted' }] } },
    { label: 'body not JSON', method: 'POST', path, template, body: '{' },
    { label: 'wrong token', method: 'POST', path, template, body: { events: [notedEvent('x')] }, token: 'wrong' },
  ];
}

/** The webhook writes, on a subscription to `receiverUrl`; each step may use what the last answered. */
function webhookProbes(receiverUrl) {
  const hook = (state) => `/v1/webhooks/${state.id}`;
  return [
    { label: 'subscribe', method: 'POST', path: '/v1/webhooks', template: '/v1/webhooks', body: { url: `${receiverUrl}/routes`, events: ['anniversary.today'] }, keep: (answer) => ({ id: answer.id }) },
    { label: 'sent to a receiver', method: 'POST', path: (s) => `${hook(s)}/test`, template: '/v1/webhooks/{id}/test', keep: (answer, s) => ({ ...s, delivery: answer.id }) },
    { label: 'a delivered message', method: 'POST', path: (s) => `${hook(s)}/deliveries/${s.delivery}/retry`, template: '/v1/webhooks/{id}/deliveries/{deliveryId}/retry' },
    { label: 'the last hour', method: 'POST', path: (s) => `${hook(s)}/recover?since=${new Date(Date.now() - 3600_000).toISOString()}`, template: '/v1/webhooks/{id}/recover' },
    { label: '', method: 'PATCH', path: hook, template: '/v1/webhooks/{id}', body: { description: 'renamed' } },
    { label: '', method: 'POST', path: (s) => `${hook(s)}/rotate-secret`, template: '/v1/webhooks/{id}/rotate-secret' },
    { label: '', method: 'DELETE', path: hook, template: '/v1/webhooks/{id}' },
  ];
}

/** A subscription to the WebSub hub: a form, as the recommendation has it, with no credentials. */
function websubProbes(server, receiverUrl) {
  const form = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': `${server.url}/feed.atom`, 'hub.callback': `${receiverUrl}/websub` });
  return [{
    label: 'subscribe', method: 'POST', path: '/v1/websub', template: '/v1/websub', body: form.toString(), token: null,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }];
}

/** Editor keys: made with the ADMIN_TOKEN, used (an append and a read, each paying the key's lookup), revoked. */
function keyProbes() {
  const relation = benchRelation();
  const withKey = (s) => s.key;
  return [
    { label: 'make a key', method: 'POST', path: '/v1/admin/keys', template: '/v1/admin/keys', body: { name: 'Bench Editor', scopes: ['events:write', 'webhooks:manage'] }, keep: (answer) => ({ id: answer.id, key: answer.key }) },
    { label: '1 event, with a key', method: 'POST', path: `/v1/relations/${relation}/events`, template: '/v1/relations/{relation}/events', body: { events: [notedEvent(`${relation} by key`)] }, token: withKey },
    { label: 'with a key', path: '/v1/webhooks', template: '/v1/webhooks', token: withKey },
    { label: 'revoke it', method: 'DELETE', path: (s) => `/v1/admin/keys/${s.id}`, template: '/v1/admin/keys/{id}' },
    { label: 'the revoked key', method: 'POST', path: `/v1/relations/${relation}/events`, template: '/v1/relations/{relation}/events', body: { events: [notedEvent('revoked')] }, token: withKey },
    { label: 'nothing to reseal', method: 'POST', path: '/v1/admin/webhook-secrets/reseal', template: '/v1/admin/webhook-secrets/reseal' },
  ];
}

/**
 * A restore of the log's own backup (every event is in the log already, so nothing is written), and a restore
 * begun and cancelled.
 */
async function restoreProbes(server) {
  const file = await (await fetch(`${server.url}/v1/admin/export`, { headers: { authorization: `Bearer ${server.token}` } })).text();
  const lines = file.trimEnd().split('\n');
  const restore = (s) => `/v1/admin/restores/${s.restore}`;
  return [
    { label: 'the log\u2019s own backup', method: 'POST', path: '/v1/admin/restores', template: '/v1/admin/restores', body: { lines: lines.length, check: JSON.parse(lines.at(-1)).check }, keep: (answer) => ({ restore: answer.id }) },
    { label: `${lines.length} lines, in the log already`, method: 'POST', path: (s) => `${restore(s)}/lines?from=1`, template: '/v1/admin/restores/{id}/lines', body: file, headers: { 'content-type': 'application/x-ndjson' } },
    { label: 'nothing to write', method: 'POST', path: (s) => `${restore(s)}/commit`, template: '/v1/admin/restores/{id}/commit' },
    { label: 'another file', method: 'POST', path: '/v1/admin/restores', template: '/v1/admin/restores', body: { lines: 2, check: '0'.repeat(64) }, keep: (answer) => ({ restore: answer.id }) },
    { label: '', method: 'DELETE', path: restore, template: '/v1/admin/restores/{id}' },
  ];
}

/** A value for each path parameter of the GET routes, from the seeded log and a subscription. */
async function pathSamples(server, receiverUrl) {
  const log = await (await fetch(`${server.url}/v1/relations/${SEEDED}/events?limit=500`)).json();
  const agreement = log.events.find((event) => event.type === 'AgreementSigned');
  const webhook = await subscribe(server, `${receiverUrl}/samples`);
  return (template, name) => {
    if (name === 'id') return template.startsWith('/v1/webhooks/') ? webhook : log.events[0].id;
    return { relation: SEEDED, agreementId: agreement?.data.agreementId }[name];
  };
}

function getProbes(spec, sample) {
  const probes = [];
  const fill = (template, relation) =>
    template.replace(/\{(\w+)\}/g, (_, name) => (name === 'relation' && relation ? relation : encodeURIComponent(sample(template, name))));
  for (const [template, operations] of Object.entries(spec.paths)) {
    if (!operations.get) continue;
    const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    if (params.some((name) => sample(template, name) === undefined)) continue;
    probes.push({ label: '', path: fill(template), template });
    if (params.includes('relation')) probes.push({ label: 'unknown relation', path: fill(template, 'ar-zw'), template });
  }
  return probes;
}

export async function d1CallsPerRoute({ server }) {
  const receiver = await startReceiver();
  try {
    const spec = await (await fetch(`${server.url}/openapi.json`)).json();
    const probes = [
      ...getProbes(spec, await pathSamples(server, receiver.url)),
      ...appendProbes(),
      ...webhookProbes(receiver.url),
      ...websubProbes(server, receiver.url),
      ...keyProbes(),
      ...(await restoreProbes(server)),
      { label: `${SEEDED} and the rest`, method: 'POST', path: '/v1/admin/rebuild', template: '/v1/admin/rebuild' },
    ];
    const rows = [];
    const probed = new Set();
    let state = {};
    for (const probe of probes) {
      const path = typeof probe.path === 'function' ? probe.path(state) : probe.path;
      const token = typeof probe.token === 'function' ? probe.token(state) : probe.token;
      const { status, calls, milliseconds, rows: read, body } = await send(server, { ...probe, path, ...(token === undefined ? {} : { token }) });
      if (probe.keep) state = probe.keep(body, state);
      const method = probe.method ?? 'GET';
      probed.add(`${method.toLowerCase()} ${probe.template ?? path}`);
      rows.push([`${method} ${probe.template ?? path}`, probe.label, status, calls, read.read, read.written, milliseconds.toFixed(1)]);
    }
    printTable(
      'D1 calls, rows read and rows written per request, from Server-Timing, GETs from D1 (issues 2, 10, and every route since)',
      ['route', 'case', 'status', 'D1 calls', 'rows read', 'rows written', 'D1 ms'],
      rows,
    );
    const missed = Object.entries(spec.paths)
      .flatMap(([template, operations]) => Object.keys(operations).map((method) => `${method} ${template}`))
      .filter((operation) => !probed.has(operation));
    if (missed.length) console.log(`documented but not probed: ${missed.join('; ')}`);
    return rows;
  } finally {
    await receiver.close();
  }
}
