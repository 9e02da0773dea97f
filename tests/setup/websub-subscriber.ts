/// <reference types="node" />
// A WebSub subscriber for the tests, in Node (vitest globalSetup), written from the W3C Recommendation: each
// callback at /callbacks/<name> knows the subscription it intends (its mode and topic, set by the test), and
// - to a verification of intent (GET with hub.mode, hub.topic, hub.challenge, hub.lease_seconds) answers 200
//   with the challenge only when mode and topic are what it intends, and a subscribe carries a lease (§5.3);
//   otherwise 404, as §5.3.1 says; or, when told, answers wrongly (another body, a 500);
// - to a content distribution (POST) checks X-Hub-Signature against its secret with Node's own HMAC (§7.1),
//   keeps the headers and body, and answers 200 (or as told: a 500 first, a 410).
// Tests drive it over /_control/callbacks/<name>.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

export interface Intent {
  mode: 'subscribe' | 'unsubscribe';
  topic: string;
}

/** How a callback answers a verification: as the spec says, or wrongly, to test the hub. */
export type VerificationAnswer = 'as-intended' | 'wrong-challenge' | 'server-error';

export interface Verification {
  mode: string | null;
  topic: string | null;
  challenge: string | null;
  leaseSeconds: string | null;
  /** The callback's own query parameters, kept by the hub. */
  own: string | null;
  answered: number;
  at: string;
}

export interface Distribution {
  contentType: string;
  link: string;
  signature: string | null;
  /** Whether X-Hub-Signature is the HMAC of the body with the callback's secret; null when it has no secret. */
  signatureValid: boolean | null;
  body: string;
  answered: number;
  at: string;
}

interface Callback {
  intent: Intent | null;
  secret: string | null;
  answer: VerificationAnswer;
  /** Statuses for the next distributions, in order; then 200. */
  script: number[];
  verifications: Verification[];
  distributions: Distribution[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    websubSubscriber: { port: number };
  }
}

const callbacks = new Map<string, Callback>();

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, status: number, body: string, type = 'text/plain') {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

function verify(callback: Callback, url: URL, res: ServerResponse) {
  const query = url.searchParams;
  const entry: Verification = {
    mode: query.get('hub.mode'), topic: query.get('hub.topic'), challenge: query.get('hub.challenge'),
    leaseSeconds: query.get('hub.lease_seconds'), own: query.get('own'), answered: 404, at: new Date().toISOString(),
  };
  callback.verifications.push(entry);
  const intended = callback.intent !== null && entry.mode === callback.intent.mode && entry.topic === callback.intent.topic
    && entry.challenge !== null && (entry.mode !== 'subscribe' || /^[1-9]\d*$/.test(entry.leaseSeconds ?? ''));
  if (!intended) return reply(res, 404, 'not a subscription I asked for');
  if (callback.answer === 'server-error') {
    entry.answered = 500;
    return reply(res, 500, 'down');
  }
  entry.answered = 200;
  reply(res, 200, callback.answer === 'wrong-challenge' ? `${entry.challenge}-not` : entry.challenge!);
}

async function distribution(callback: Callback, req: IncomingMessage, res: ServerResponse) {
  const body = await readBody(req);
  const signature = req.headers['x-hub-signature'] ? String(req.headers['x-hub-signature']) : null;
  let signatureValid: boolean | null = null;
  if (callback.secret !== null) {
    const expected = Buffer.from(`sha256=${createHmac('sha256', callback.secret).update(body).digest('hex')}`);
    signatureValid = signature !== null && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), expected);
  }
  const answered = callback.script.shift() ?? 200;
  callback.distributions.push({
    contentType: String(req.headers['content-type']), link: String(req.headers.link ?? ''), signature, signatureValid,
    body: body.toString('utf8'), answered, at: new Date().toISOString(),
  });
  reply(res, answered, '');
}

async function control(name: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'PUT' || req.method === 'PATCH') {
    const given = JSON.parse((await readBody(req)).toString('utf8'));
    const current = callbacks.get(name) ?? { intent: null, secret: null, answer: 'as-intended', script: [], verifications: [], distributions: [] };
    callbacks.set(name, req.method === 'PUT' ? { ...current, verifications: [], distributions: [], script: [], ...given } : { ...current, ...given });
    return reply(res, 200, '{}', 'application/json');
  }
  const callback = callbacks.get(name);
  reply(res, 200, JSON.stringify({ verifications: callback?.verifications ?? [], distributions: callback?.distributions ?? [] }), 'application/json');
}

function handler(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://subscriber');
  const [, area, name] = url.pathname.split('/');
  const done = (async () => {
    if (area === '_control') return control(url.pathname.split('/')[3], req, res);
    const callback = area === 'callbacks' ? callbacks.get(name) : undefined;
    if (!callback) return reply(res, 404, 'no such callback');
    if (req.method === 'GET') return verify(callback, url, res);
    if (req.method === 'POST') return distribution(callback, req, res);
    return reply(res, 405, '');
  })();
  done.catch((error) => reply(res, 500, String(error)));
}

export default async function setup(project: TestProject) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  project.provide('websubSubscriber', { port: (server.address() as AddressInfo).port });
  return () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
