import { beforeAll, describe, expect, it } from 'vitest';
import { get } from './setup/client';
import { contractViolations, messageViolations, type Exchange, type OpenApiDocument } from './setup/contract';

/**
 * The check every response of the suite goes through (tests/setup/checked-worker.ts): that it catches what
 * breaks the contract, and says where. Made-up answers, checked against the real document.
 */

let doc: OpenApiDocument;
beforeAll(async () => {
  doc = await (await get('/openapi.json')).json<OpenApiDocument>();
});

const PROBLEM = { 'content-type': 'application/problem+json' };
const JSON_TYPE = { 'content-type': 'application/json' };

function exchange(method: string, path: string, status: number, headers: Record<string, string>, body: unknown = ''): Exchange {
  return {
    method, url: `https://relations.test${path}`, status, headers: new Headers(headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

const problem = (status: number) => ({ type: 'about:blank', title: 'x', status, detail: 'x' });

describe('the contract check', () => {
  it('passes an answer the document describes', () => {
    expect(contractViolations(doc, exchange('GET', '/healthz', 200, JSON_TYPE, { ok: true }))).toEqual([]);
    expect(contractViolations(doc, exchange('GET', '/v1/relations', 304, {}))).toEqual([]);
    expect(contractViolations(doc, exchange('HEAD', '/v1/relations', 200, JSON_TYPE))).toEqual([]);
    expect(contractViolations(doc, exchange('GET', '/v1/nope/nope', 404, PROBLEM, problem(404)))).toEqual([]);
    expect(contractViolations(doc, exchange('GET', '/nope/nope', 404, { 'content-type': 'text/html; charset=UTF-8' }, '<!doctype html>'))).toEqual([]);
    expect(contractViolations(doc, exchange('GET', '/nope/nope', 404, PROBLEM, problem(404)))).toEqual(['GET /nope/nope → 404: a page path answers an HTML page']);
  });

  it('names the operation and the status that the document does not have', () => {
    const [violation] = contractViolations(doc, exchange('GET', '/healthz', 418, PROBLEM, problem(418)));
    expect(violation).toContain('checkHealth (GET /healthz) → 418: status not documented (documented: 200, 400)');
  });

  it('names the pointer of every part of a body that does not match its schema', () => {
    const body = { relations: [{ relation: 'mx-ru', name: 'Mexico–Russia', version: '7', events: 1, firstOccurred: null, lastOccurred: null }] };
    const [violation] = contractViolations(doc, exchange('GET', '/v1/relations', 200, JSON_TYPE, body));
    expect(violation).toContain('listRelations (GET /v1/relations) → 200 (application/json) does not match its schema');
    expect(violation).toMatch(/\/relations\/0\/version: .*"7"/);
    expect(violation).toMatch(/\/relations\/0: .*created/);
    const [untitled] = contractViolations(doc, exchange('GET', '/v1/relations', 400, PROBLEM, { type: 'about:blank', status: 400 }));
    expect(untitled).toMatch(/listRelations \(GET \/v1\/relations\) → 400 \(application\/problem\+json\) does not match its schema:\n.*title/);
  });

  it('refuses a media type the status does not document, and a body that is not the JSON it says', () => {
    expect(contractViolations(doc, exchange('GET', '/v1/relations', 400, JSON_TYPE, problem(400)))[0])
      .toContain('content-type application/json, documented: application/problem+json');
    expect(contractViolations(doc, exchange('GET', '/v1/relations', 200, JSON_TYPE, '{"relations": ['))[0])
      .toContain('application/json that is not JSON');
    expect(contractViolations(doc, exchange('GET', '/v1/relations', 304, {}, 'stale')))
      .toEqual([expect.stringContaining('a body where there must be none')]);
  });

  it('wants a 405 with the Allow of the document for a method a path does not have, a 404 for a path it does not have', () => {
    expect(contractViolations(doc, exchange('DELETE', '/v1/relations', 404, PROBLEM, problem(404)))).toEqual([
      expect.stringContaining('/v1/relations has no DELETE operation, so it must answer 405'),
      expect.stringContaining('Allow is "", the document has GET, HEAD, OPTIONS'),
    ]);
    expect(contractViolations(doc, exchange('DELETE', '/v1/relations', 405, { ...PROBLEM, allow: 'GET, HEAD, OPTIONS' }, problem(405)))).toEqual([]);
    expect(contractViolations(doc, exchange('GET', '/v1/nope', 200, JSON_TYPE, {})))
      .toEqual([expect.stringContaining('the document has no such path, so it must answer 404')]);
  });

  it('wants the headers a documented answer always carries', () => {
    const lockedOut = exchange('GET', '/v1/webhooks', 429, PROBLEM, problem(429));
    expect(contractViolations(doc, lockedOut)).toEqual([expect.stringContaining('listWebhooks (GET /v1/webhooks) → 429: no Retry-After header')]);
  });

  it('prefers a literal path to a template: /feed.json is not a page of a relation', () => {
    const [violation] = contractViolations(doc, exchange('GET', '/feed.json', 200, { 'content-type': 'text/html' }, '<p>'));
    expect(violation).toContain('getJsonFeed (GET /feed.json)');
  });

  it('checks a webhook message against the webhooks of the document: its kind, and its payload', async () => {
    const { kinds } = await (await get('/v1/webhooks/kinds')).json<{ kinds: { kind: string; example: any }[] }>();
    const recorded = kinds.find((kind) => kind.kind === 'event.recorded')!.example;
    expect(messageViolations(doc, recorded)).toEqual([]);
    const relative = { ...recorded, data: { ...recorded.data, links: { ...recorded.data.links, event: `/v1/events/${recorded.data.event.id}` } } };
    const [violation] = messageViolations(doc, relative);
    expect(violation).toContain('the event.recorded message does not match its schema');
    expect(violation).toContain('/data/links/event');
    expect(messageViolations(doc, { ...recorded, type: 'event.guessed' })).toEqual([
      'a message of type "event.guessed", which the webhooks of the document do not describe',
    ]);
  });
});
