import { beforeAll, describe, expect, it } from 'vitest';
import { get } from './setup/client';
import { servedRoutes } from './setup/routes';

interface Operation {
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown> };
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

  it('describes every route the app serves, and no route it does not serve', () => {
    expect(servedRoutes().length).toBeGreaterThanOrEqual(4);
    expect(documentedRoutes(doc)).toEqual(servedRoutes());
  });

  it('gives every operation a summary, a success response, and each of its path parameters', () => {
    for (const { path, method, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.summary, where).toBeTruthy();
      expect(Object.keys(op.responses).some((status) => status.startsWith('2') || status.startsWith('3')), where).toBe(true);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(declared, where).toEqual(inPath);
    }
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
    expect(Object.keys(append.responses).sort()).toEqual(['200', '201', '400', '401', '403', '409', '413', '415', '422', '429'].sort());
    expect(append.security).toEqual([{ editorKey: ['events:write'] }]);
    expect(doc.components?.securitySchemes?.editorKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const body = JSON.stringify(append.requestBody?.content['application/json'].schema);
    for (const word of ['expectedVersion', 'events', 'RelationsEstablished', 'EventCorrected', 'occurred', 'source']) {
      expect(body).toContain(word);
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
      if (!op.security) {
        expect(Object.keys(op.responses), where).not.toContain('429');
        continue;
      }
      expect(op.security, where).toEqual([{ editorKey: [expect.stringMatching(/^(events:write|webhooks:manage|admin)$/)] }]);
      expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['401', '403', '429']));
    }
    const create = JSON.stringify(doc.paths['/v1/admin/keys'].post);
    for (const word of ['name', 'scopes', 'events:write', 'webhooks:manage', 'prefix', 'lastUsed', 'revoked', 'key']) {
      expect(create).toContain(word);
    }
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
