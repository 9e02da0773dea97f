import { Validator, type Schema } from '@cfworker/json-schema';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { freshRelation, get, noted, post } from './setup/client';
import { servedRoutes } from './setup/routes';
import { isPagePath } from '../src/http/error-pages';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name?: string; in?: string; required?: boolean; schema?: unknown; $ref?: string }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: any }>; headers?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
}
interface OpenApiDocument {
  openapi: string;
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown>; parameters?: Record<string, { name: string; in: string }> };
}

function documentedRoutes(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

const operations = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe('GET /openapi.json', () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    const response = await get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    doc = await response.json();
  });

  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
  });

  it('is the document the code under test generates, never one a build made of older code', async () => {
    // Generated afresh from the source by tests/setup/openapi-document.ts; the Worker serves the build's file.
    const response = await get('/openapi.json', { origin: 'https://elsewhere.example' });
    expect(await response.text()).toBe(inject('openApiDocument'));
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('server-timing')).toMatch(/^d1;desc="0 calls"/);
  });

  it('names as its server the origin it is read from, whatever host serves it', () => {
    expect(doc.servers).toEqual([{ url: '/', description: 'The origin this document is served from' }]);
  });

  it('describes every route the app serves, and no route it does not serve', () => {
    expect(servedRoutes().length).toBeGreaterThanOrEqual(4);
    expect(documentedRoutes(doc)).toEqual(servedRoutes());
  });

  it('gives every operation its own operationId, a summary, a success response, and each of its path parameters', () => {
    const ids = operations(doc).map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id)), ids.join(', ')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.summary, where).toBeTruthy();
      expect(Object.keys(op.responses).some((status) => status.startsWith('2') || status.startsWith('3')), where).toBe(true);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(declared, where).toEqual(inPath);
    }
  });

  it('lists every operation in exactly one group of its resource, each group described and used, and describes every operation', () => {
    const groups = (doc.tags ?? []).map((tag) => tag.name);
    expect(groups).toEqual(['Relations', 'Log', 'Timeline', 'Agreements', 'Status', 'On this day', 'Feeds', 'Webhooks', 'Keys', 'Admin', 'Backups', 'Pages', 'Discovery']);
    expect((doc.tags ?? []).every((tag) => Boolean(tag.description))).toBe(true);
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.tags?.length, where).toBe(1);
      expect(groups, where).toContain(op.tags![0]);
      expect(op.description, where).toBeTruthy();
    }
    const used = new Set(operations(doc).map(({ op }) => op.tags![0]));
    expect(groups.filter((group) => !used.has(group))).toEqual([]);
    const groupOf = (path: string, method = 'get') => doc.paths[path][method].tags![0];
    expect(groupOf('/v1/relations/{relation}/events', 'post')).toBe('Log');
    expect(groupOf('/v1/relations/{relation}/status')).toBe('Status');
    expect(groupOf('/v1/relations/{relation}/feed.atom')).toBe('Feeds');
    expect(groupOf('/v1/admin/keys', 'post')).toBe('Keys');
  });

  it('describes every array with the schema of its items (no tuple that only prefixItems describes)', () => {
    const arraysWithoutItems: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((child, index) => visit(child, `${path}/${index}`));
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.type === 'array' && !schema.items) arraysWithoutItems.push(path);
      for (const [key, child] of Object.entries(schema)) visit(child, `${path}/${key}`);
    };
    visit(doc.paths, '#/paths');
    expect(arraysWithoutItems).toEqual([]);
  });

  it('gives every request body its schema, and says how a bad body is answered', () => {
    const withBody = operations(doc).filter(({ op }) => op.requestBody);
    expect(withBody.map(({ method, path }) => `${method.toUpperCase()} ${path}`)).toContain('POST /v1/relations/{relation}/events');
    for (const { path, method, op } of withBody) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const [mediaType, content] of Object.entries(op.requestBody!.content)) {
        expect(content.schema, `${where} ${mediaType}`).toBeTruthy();
      }
      expect(Object.keys(op.responses).filter((status) => /^4/.test(status)), where).not.toEqual([]);
    }
  });

  it('describes the append: its body schema, the scope it needs, and every answer it can give', () => {
    const append = doc.paths['/v1/relations/{relation}/events'].post;
    expect(Object.keys(append.responses).sort()).toEqual(['200', '201', '400', '401', '403', '409', '413', '415', '422', '429', '503'].sort());
    expect(append.security).toEqual([{ editorKey: ['events:write'] }]);
    expect(doc.components?.securitySchemes?.editorKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const body = JSON.stringify(append.requestBody?.content['application/json'].schema);
    for (const word of ['expectedVersion', 'events', 'RelationsEstablished', 'EventCorrected', 'occurred', 'source']) {
      expect(body).toContain(word);
    }
  });

  it('says of every operation who may call it: anyone (security: []) or an editor with one scope', () => {
    const scopeOf = (method: string, path: string) => doc.paths[path][method].security;
    expect(scopeOf('get', '/v1/relations')).toEqual([]);
    expect(scopeOf('get', '/feed.json')).toEqual([]);
    expect(scopeOf('get', '/{relation}')).toEqual([]);
    for (const { path, method, op } of operations(doc)) {
      expect(op.security, `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });

  it('names the one scope each editor route needs, with the answers of the check, and never limits a public read', () => {
    const scopeOf = (method: string, path: string) => doc.paths[path][method].security;
    expect(scopeOf('post', '/v1/admin/keys')).toEqual([{ editorKey: ['admin'] }]);
    expect(scopeOf('get', '/v1/admin/keys')).toEqual([{ editorKey: ['admin'] }]);
    expect(scopeOf('delete', '/v1/admin/keys/{id}')).toEqual([{ editorKey: ['admin'] }]);
    expect(scopeOf('post', '/v1/admin/rebuild')).toEqual([{ editorKey: ['admin'] }]);
    expect(scopeOf('post', '/v1/relations/{relation}/events')).toEqual([{ editorKey: ['events:write'] }]);
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (op.security?.length === 0) {
        expect(Object.keys(op.responses), where).not.toContain('429');
        continue;
      }
      // The desk's sessions take any editor key (or a session of one), whatever its scopes.
      if (path.startsWith('/v1/sessions')) {
        expect(op.security, where).toEqual([{ editorKey: [] }]);
        expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['401', '429']));
      } else {
        expect(op.security, where).toEqual([{ editorKey: [expect.stringMatching(/^(events:write|webhooks:manage|admin)$/)] }]);
        expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['401', '403', '429']));
      }
      expect(op.responses['429'].headers, where).toHaveProperty('Retry-After');
    }
    const create = JSON.stringify(doc.paths['/v1/admin/keys'].post);
    for (const word of ['name', 'scopes', 'events:write', 'webhooks:manage', 'prefix', 'lastUsed', 'revoked', 'key']) {
      expect(create).toContain(word);
    }
  });

  it('takes x-d1-bookmark on every operation, and documents the 400 that refuses a malformed one', () => {
    expect(doc.components?.parameters?.D1Bookmark).toMatchObject({ name: 'x-d1-bookmark', in: 'header' });
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.parameters, where).toContainEqual({ $ref: '#/components/parameters/D1Bookmark' });
      // A page answers every error with a page, a bad bookmark included; the API with a problem.
      const media = isPagePath(path.replaceAll(/\{\w+\}/g, 'x')) ? 'text/html' : 'application/problem+json';
      expect(Object.keys(op.responses['400']?.content ?? {}), where).toEqual([media]);
    }
  });

  it('documents a 400 for a bad id, deliveryId, limit or status of the webhook routes, and a 415 for a body that is not JSON', () => {
    const withParameters = operations(doc).filter(({ path, op }) => path.startsWith('/v1/webhooks') && op.parameters?.some((p) => p.name));
    expect(withParameters.length).toBe(9);
    for (const { path, method, op } of withParameters) {
      expect(op.responses['400'].description, `${method.toUpperCase()} ${path}`).toMatch(/parameter/);
    }
    for (const { path, method, op } of operations(doc).filter(({ op }) => op.requestBody)) {
      // A JSON body's invalid field is a 422; the WebSub hub's form, as WebSub has it, a 400 naming the parameter.
      const json = 'application/json' in (op.requestBody!.content ?? {});
      expect(Object.keys(op.responses), `${method.toUpperCase()} ${path}`).toEqual(expect.arrayContaining(json ? ['400', '415', '422'] : ['400', '415']));
    }
  });

  it('describes the JSON Feed as a JSON Feed 1.1 object, and the 404 of a page as HTML', () => {
    for (const path of ['/feed.json', '/v1/relations/{relation}/feed.json']) {
      const schema = doc.paths[path].get.responses['200'].content?.['application/feed+json'].schema;
      expect(schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['version', 'title', 'items']) });
    }
    for (const path of ['/{relation}', '/{relation}/timelinejs']) {
      expect(Object.keys(doc.paths[path].get.responses['404'].content ?? {})).toEqual(['text/html']);
    }
  });

  it('states in the append body schema the constraints the server enforces, so a client made from it is not refused', async () => {
    const schema = doc.paths['/v1/relations/{relation}/events'].post.requestBody!.content['application/json'].schema as Schema;
    const documented = (body: unknown) => new Validator({ ...schema, components: doc.components } as Schema, '2020-12').validate(body).valid;
    const relation = freshRelation();
    const accepted = async (body: unknown) => (await post(`/v1/relations/${relation}/events`, body)).status === 201;
    // A UUID of version 0 and variant 111, in capitals.
    const uuid = crypto.randomUUID();
    const anyVersion = `${uuid.slice(0, 14)}0${uuid.slice(15, 19)}e${uuid.slice(20)}`.toUpperCase();
    const event = (fields: Record<string, unknown>) => ({ events: [noted(fields)] });
    const established = (data: Record<string, unknown>) => ({ type: 'RelationsEstablished', data });
    const trade = (mainExports: unknown) => ({ type: 'TradeReported', data: { period: '2019', totalUsd: 1, mainExports } });
    const bodies: [string, unknown, boolean][] = [
      ['a UUID of any version', event({ id: anyVersion }), true],
      ['a season', event({ occurred: '1943-21' }), true],
      ['a season as the start of an interval', event({ occurred: '1943-21/197X' }), false],
      ['unspecified digits', event({ occurred: '197X' }), true],
      ['a date that is not EDTF', event({ occurred: '1943/06/01' }), false],
      ['two states', event(established({ states: ['Mexico', 'USSR'] })), true],
      ['three states', event(established({ states: ['Mexico', 'USSR', 'Russia'] })), false],
      ['a source with a date and no url', event({ source: { title: 'T', publisher: 'P', date: '2020-01-01' } }), true],
      ['a source with neither url nor date', event({ source: { title: 'T', publisher: 'P' } }), false],
      ['exports by country code', event(trade({ mx: ['oil'] })), true],
      ['exports by a name', event(trade({ Mexico: ['oil'] })), false],
      ['a data.period not EDTF', event({ ...trade(undefined), data: { period: 'last year', totalUsd: 1 } }), false],
      ['a correction of an unknown id', event({ type: 'EventCorrected', data: { eventId: 'not-an-id', reason: 'r', changes: { headline: 'h' } } }), false],
    ];
    for (const [what, body, ok] of bodies) {
      expect(documented(body), `the document, ${what}`).toBe(ok);
      expect(await accepted(body), `the server, ${what}`).toBe(ok);
    }
    expect(JSON.stringify(schema)).toContain('white space at either end is removed, then 1 to 200 characters remain');
  });

  it('documents the query parameters of the log', () => {
    const replay = doc.paths['/v1/relations/{relation}/events'].get;
    expect(replay.parameters?.filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual(['after', 'limit']);
  });
});

describe('GET /docs', () => {
  it('renders the document for a person', async () => {
    const response = await get('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<html/i);
    expect(html).toContain('/openapi.json');
  });
});
