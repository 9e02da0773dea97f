/// <reference types="node" />
// A real webhook receiver for the tests, in Node (vitest globalSetup): endpoints at /hooks/<name> verify
// every delivery with the `standardwebhooks` package (the reference implementation) against their secrets,
// and its v1a signatures with Node's own ed25519 (node:crypto, independent of workerd's WebCrypto) against
// their public keys, and answer as they are told: a script of answers (500s, 410, 503 with Retry-After, slow
// answers past the timeout, …) then a fallback. A second port is closed until a test opens it. Tests drive it
// over /_control.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestProject } from 'vitest/node';

// Node's own require: through vite's loader, the package's source map (which names sources it does not ship) is a warning.
const { Webhook } = createRequire(import.meta.url)('standardwebhooks') as typeof import('standardwebhooks');

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** Answer only after this long: longer than the sender's timeout, it is a timeout. */
  delayMs?: number;
}

export interface Received {
  webhookId: string;
  timestamp: string;
  signature: string;
  body: unknown;
  /** Which of the endpoint's secrets verify the delivery (indexes into its `secrets`), by `standardwebhooks`. */
  verifiedBy: number[];
  /** Which of its public keys verify a v1a signature of the delivery (indexes into its `publicKeys`), by node:crypto. */
  verifiedByKey: number[];
  contentType: string;
  /** The status answered, or 0 when the sender had hung up before the answer. */
  answered: number;
  at: string;
}

interface Endpoint {
  secrets: string[];
  /** whpk_ keys: the v1a signatures are checked against them. */
  publicKeys: string[];
  /** Answers in order of arrival, whatever the message; then … */
  script: Answer[];
  /** … the n-th arrival of each webhook-id gets perMessage[n]; then … */
  perMessage: Answer[];
  /** … this. */
  fallback: Answer;
  received: Received[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    receiver: { port: number; closedPort: number };
  }
}

const endpoints = new Map<string, Endpoint>();

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function verifiedBy(secrets: string[], payload: string, headers: IncomingMessage['headers']): number[] {
  const wanted = { 'webhook-id': String(headers['webhook-id']), 'webhook-timestamp': String(headers['webhook-timestamp']), 'webhook-signature': String(headers['webhook-signature']) };
  return secrets.flatMap((secret, index) => {
    try {
      new Webhook(secret).verify(payload, wanted);
      return [index];
    } catch {
      return [];
    }
  });
}

/**
 * Standard Webhooks v1a, checked with Node's ed25519: the signed text is `id.timestamp.body`, each `v1a,`
 * signature in the header base64 of 64 bytes, each key `whpk_` + base64 of 32; and the timestamp within 5 minutes.
 */
function verifiedByKey(publicKeys: string[], payload: string, headers: IncomingMessage['headers']): number[] {
  const timestamp = Number(headers['webhook-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return [];
  const signed = Buffer.from(`${headers['webhook-id']}.${timestamp}.${payload}`);
  const signatures = String(headers['webhook-signature'] ?? '').split(' ')
    .filter((part) => part.startsWith('v1a,')).map((part) => Buffer.from(part.slice(4), 'base64'));
  return publicKeys.flatMap((publicKey, index) => {
    const x = Buffer.from(publicKey.replace(/^whpk_/, ''), 'base64').toString('base64url');
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    return signatures.some((signature) => verify(null, signed, key, signature)) ? [index] : [];
  });
}

async function receive(name: string, req: IncomingMessage, res: ServerResponse) {
  const endpoint = endpoints.get(name);
  const payload = await readBody(req);
  if (!endpoint) return reply(res, 404, { error: `no endpoint ${name}` });
  const verified = verifiedBy(endpoint.secrets, payload, req.headers);
  const verifiedKeys = verifiedByKey(endpoint.publicKeys, payload, req.headers);
  const webhookId = String(req.headers['webhook-id']);
  const earlier = endpoint.received.filter((entry) => entry.webhookId === webhookId).length;
  const answer: Answer = verified.length === 0 && verifiedKeys.length === 0
    ? { status: 401 }
    : endpoint.script.shift() ?? endpoint.perMessage[earlier] ?? endpoint.fallback;
  const entry: Received = {
    webhookId,
    timestamp: String(req.headers['webhook-timestamp']),
    signature: String(req.headers['webhook-signature']),
    body: JSON.parse(payload),
    verifiedBy: verified,
    verifiedByKey: verifiedKeys,
    contentType: String(req.headers['content-type']),
    answered: answer.status,
    at: new Date().toISOString(),
  };
  endpoint.received.push(entry);
  if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  if (res.destroyed || req.socket.destroyed) {
    entry.answered = 0;
    return;
  }
  reply(res, answer.status, { received: answer.status < 300 }, answer.headers);
}

async function control(path: string, req: IncomingMessage, res: ServerResponse, door: Door) {
  const [, , kind, name] = path.split('/');
  if (kind === 'closed-port') {
    const { open } = JSON.parse(await readBody(req));
    await (open ? door.open() : door.close());
    return reply(res, 200, { open });
  }
  if (req.method === 'PUT') {
    const { secrets = [], publicKeys = [], script = [], perMessage = [], fallback = { status: 200 } } = JSON.parse(await readBody(req));
    endpoints.set(name, { secrets, publicKeys, script, perMessage, fallback, received: [] });
    return reply(res, 200, { name });
  }
  if (req.method === 'PATCH') {
    const endpoint = endpoints.get(name);
    if (!endpoint) return reply(res, 404, {});
    Object.assign(endpoint, JSON.parse(await readBody(req)));
    return reply(res, 200, { name });
  }
  return reply(res, 200, { received: endpoints.get(name)?.received ?? [] });
}

function handler(door: Door) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    const done = path.startsWith('/_control/')
      ? control(path, req, res, door)
      : path.startsWith('/hooks/') && req.method === 'POST'
        ? receive(path.slice('/hooks/'.length), req, res)
        : Promise.resolve(reply(res, 404, {}));
    done.catch((error) => reply(res, 500, { error: String(error) }));
  };
}

/** A port that is closed until opened: a receiver that is down, then back. */
interface Door {
  port: number;
  open(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function shut(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * The lowest port the kernel hands out to a listen on port 0. A closed port picked below it stays
 * closed: workerd and the test runners, which listen on port 0, can never be given it meanwhile.
 */
function firstEphemeralPort(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

async function freePortBelowEphemeral(): Promise<number> {
  const top = firstEphemeralPort();
  for (let tries = 0; tries < 50; tries += 1) {
    const candidate = 20000 + Math.floor(Math.random() * (top - 20000));
    const server = createServer();
    try {
      const port = await listen(server, candidate);
      await shut(server);
      return port;
    } catch {
      server.removeAllListeners();
    }
  }
  throw new Error('no free port below the ephemeral range');
}

async function door(): Promise<Door> {
  let server: Server | null = null;
  const port = await freePortBelowEphemeral();
  const self: Door = {
    port,
    async open() {
      if (server) return;
      server = createServer(handler(self));
      await listen(server, port);
    },
    async close() {
      if (!server) return;
      await shut(server);
      server = null;
    },
  };
  return self;
}

export default async function setup(project: TestProject) {
  const closed = await door();
  const server = createServer(handler(closed));
  const port = await listen(server);
  project.provide('receiver', { port, closedPort: closed.port });
  return async () => {
    await closed.close();
    await shut(server);
  };
}
