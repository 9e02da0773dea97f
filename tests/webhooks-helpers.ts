import { SELF } from 'cloudflare:test';
import { expect, inject } from 'vitest';
import type { Answer, Received } from './setup/receiver';
import { TOKEN } from './setup/client';
import { watchEndpoint } from './setup/message-contract';

/** Talking to the test receiver (tests/setup/receiver.ts) and to the webhook API. */

const { port, closedPort } = inject('receiver');
const control = `http://127.0.0.1:${port}/_control`;

export const hookUrl = (name: string) => `http://127.0.0.1:${port}/hooks/${name}`;
export const closedPortUrl = (name: string) => `http://127.0.0.1:${closedPort}/hooks/${name}`;

let counter = 0;
export function endpointName(label: string): string {
  counter += 1;
  return `${label}-${counter}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function endpoint(
  name: string,
  setup: { secrets?: string[]; publicKeys?: string[]; script?: Answer[]; perMessage?: Answer[]; fallback?: Answer },
): Promise<void> {
  const response = await fetch(`${control}/endpoints/${name}`, { method: 'PUT', body: JSON.stringify(setup) });
  expect(response.status).toBe(200);
  // Every message it gets is checked against the webhooks of /openapi.json (tests/setup/message-contract.ts).
  watchEndpoint(name);
}

export async function changeEndpoint(name: string, changes: { secrets?: string[]; publicKeys?: string[]; fallback?: Answer }): Promise<void> {
  await fetch(`${control}/endpoints/${name}`, { method: 'PATCH', body: JSON.stringify(changes) });
}

export async function received(name: string): Promise<Received[]> {
  return (await (await fetch(`${control}/endpoints/${name}`)).json<{ received: Received[] }>()).received;
}

export async function openClosedPort(open: boolean): Promise<void> {
  await fetch(`${control}/closed-port`, { method: 'POST', body: JSON.stringify({ open }) });
}

export function api(method: string, path: string, body?: unknown): Promise<Response> {
  return SELF.fetch(`https://relations.test${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function subscribe(body: Record<string, unknown>): Promise<{ id: string; secret: string } & Record<string, any>> {
  const response = await api('POST', '/v1/webhooks', body);
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

export async function deliveries(id: string, query = ''): Promise<any[]> {
  const response = await api('GET', `/v1/webhooks/${id}/deliveries?limit=100${query}`);
  expect(response.status).toBe(200);
  return (await response.json<{ deliveries: any[] }>()).deliveries;
}

/** Polls until `done` holds (deliveries go through a real queue, with real delays). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const succeeded = (entries: Received[]) => entries.filter((entry) => entry.answered >= 200 && entry.answered < 300);

// Relations of their own (other test files draw theirs from codes ad…gy): a subscription filtered on one
// hears only this file's events, so counts of deliveries are exact.
const CODES = ['hn', 'hr', 'ht', 'hu', 'id', 'ie', 'il', 'in', 'iq', 'ir', 'is', 'it', 'jm', 'jo', 'ke', 'kg', 'kh', 'kw',
  'kz', 'la', 'lb', 'lk', 'lr', 'ls', 'lt', 'lu', 'lv', 'ly', 'ma', 'md', 'me', 'mg', 'mk', 'ml', 'mm', 'mn', 'mr', 'mt',
  'mu', 'mw', 'my', 'mz', 'na', 'ne', 'ng', 'ni', 'nl', 'no', 'np', 'nz', 'om', 'pa', 'pe', 'pg', 'ph', 'pk', 'pl', 'pt',
  'py', 'qa', 'ro', 'rs', 'rw', 'sa', 'sd', 'se', 'sg', 'si', 'sk', 'sl', 'sn', 'so', 'sr', 'sv', 'sy', 'th', 'tj', 'tn',
  'tr', 'tz', 'ua', 'ug', 'uy', 'uz', 've', 'vn', 'ye', 'za', 'zm', 'zw'];
const used = new Set<string>();
export function webhookRelation(): string {
  for (;;) {
    const pick = () => CODES[Math.floor(Math.random() * CODES.length)];
    const [a, b] = [pick(), pick()].sort();
    const relation = `${a}-${b}`;
    if (a !== b && !used.has(relation)) {
      used.add(relation);
      return relation;
    }
  }
}
