// D1 calls per request for each route (issue 2, and each route added since), read from the
// Server-Timing header. Every GET route in /openapi.json is probed; writes and error cases are listed.
import { d1Cost } from './server-timing.mjs';
import { benchRelation } from './relations.mjs';
import { notedEvent } from './synthetic.mjs';
import { printTable } from './table.mjs';

const SEEDED = 'mx-ru';

async function send(server, { method = 'GET', path, body, token = server.token }) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, ...d1Cost(response), text };
}

/** Requests that need a particular body or state, described by what they are. */
async function writeProbes(server) {
  const relation = benchRelation();
  const path = `/v1/relations/${relation}/events`;
  const template = '/v1/relations/{relation}/events';
  const one = [notedEvent(`${relation} one`)].map((event) => ({ ...event, id: crypto.randomUUID() }));
  const hundred = Array.from({ length: 100 }, (_, i) => notedEvent(`${relation} ${i}`));
  return [
    { label: '1 event', method: 'POST', path, template, body: { events: one } },
    { label: '100 events', method: 'POST', path, template, body: { events: hundred } },
    { label: 'again (a retry)', method: 'POST', path, template, body: { events: one } },
    { label: 'stale expectedVersion', method: 'POST', path, template, body: { expectedVersion: 1, events: [notedEvent('stale')] } },
    { label: 'invalid event', method: 'POST', path, template, body: { events: [{ type: 'EventNoted' }] } },
    { label: 'body not JSON', method: 'POST', path, template, body: '{' },
    { label: 'wrong token', method: 'POST', path, template, body: { events: [notedEvent('x')] }, token: 'wrong' },
    ...webhookProbes(await subscribe(server)),
    { label: `${SEEDED} and the rest`, method: 'POST', path: '/v1/admin/rebuild' },
  ];
}

function webhookProbes(id) {
  const hook = `/v1/webhooks/${id}`;
  return [
    { label: 'subscribe', method: 'POST', path: '/v1/webhooks', body: { url: 'https://receiver.example/other', events: ['anniversary.today'] } },
    { label: '', method: 'PATCH', path: hook, template: '/v1/webhooks/{id}', body: { description: 'renamed' } },
    { label: '', method: 'POST', path: `${hook}/rotate-secret`, template: '/v1/webhooks/{id}/rotate-secret' },
    { label: '', method: 'DELETE', path: hook, template: '/v1/webhooks/{id}' },
  ];
}

async function subscribe(server) {
  const response = await fetch(`${server.url}/v1/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: 'https://receiver.example/hooks', events: ['anniversary.today'] }),
  });
  if (response.status !== 201) throw new Error(`subscribe: ${response.status} ${await response.text()}`);
  return (await response.json()).id;
}

/** A value for each path parameter the GET routes take, from the seeded log (and a subscription). */
async function pathSamples(server) {
  const log = await (await fetch(`${server.url}/v1/relations/${SEEDED}/events?limit=500`)).json();
  const agreement = log.events.find((event) => event.type === 'AgreementSigned');
  const webhook = await subscribe(server);
  return (template, name) => {
    if (name === 'id') return template.startsWith('/v1/webhooks/') ? webhook : log.events[0].id;
    return { relation: SEEDED, agreementId: agreement?.data.agreementId }[name];
  };
}

async function getProbes(server) {
  const spec = await (await fetch(`${server.url}/openapi.json`)).json();
  const sample = await pathSamples(server);
  const probes = [];
  const skipped = [];
  const fill = (template, relation) =>
    template.replace(/\{(\w+)\}/g, (_, name) => (name === 'relation' && relation ? relation : encodeURIComponent(sample(template, name))));
  for (const [template, operations] of Object.entries(spec.paths)) {
    if (!operations.get) continue;
    const missing = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((name) => sample(template, name) === undefined);
    if (missing.length) {
      skipped.push(`GET ${template} (no sample ${missing.join(', ')})`);
      continue;
    }
    probes.push({ label: '', path: fill(template), template });
    if (template.includes('{relation}')) probes.push({ label: 'unknown relation', path: fill(template, 'ar-zw'), template });
  }
  if (!probes.some((probe) => probe.path === '/openapi.json')) probes.push({ label: '', path: '/openapi.json' });
  return { probes, skipped };
}

export async function d1CallsPerRoute({ server }) {
  const { probes, skipped } = await getProbes(server);
  const rows = [];
  const figures = [];
  for (const probe of [...probes, ...(await writeProbes(server))]) {
    const { status, calls, milliseconds } = await send(server, probe);
    const route = `${probe.method ?? 'GET'} ${probe.template ?? probe.path}`;
    figures.push({ route, label: probe.label, status, calls });
    rows.push([route, probe.label, status, calls, milliseconds.toFixed(1)]);
  }
  printTable('D1 calls per request, from Server-Timing (issue 2, and every route since)', ['route', 'case', 'status', 'D1 calls', 'D1 ms'], rows);
  if (skipped.length) console.log(`not probed: ${skipped.join('; ')}`);
  return figures;
}
