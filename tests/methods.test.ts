import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { TOKEN } from './setup/client';
import { problemOf, totalEvents } from './setup/log-state';

/** HTTP methods: a path the API serves, asked with a method it does not serve there, is a 405 naming the ones it does. */

const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  SELF.fetch(`https://relations.test${path}`, { method, headers });

describe('a method a path does not serve', () => {
  it('is a 405 problem with Allow, not a 404', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', '/v1/relations', 'GET, HEAD, OPTIONS'],
      ['TRACE', '/v1/relations', 'GET, HEAD, OPTIONS'],
      ['PUT', '/v1/relations/mx-ru/timeline', 'GET, HEAD, OPTIONS'],
      ['PATCH', '/v1/relations/mx-ru/events', 'GET, HEAD, OPTIONS, POST'],
      ['GET', '/v1/admin/keys/key_00000000000000000000000000000000', 'DELETE, OPTIONS'],
      ['POST', '/feed.xml', 'GET, HEAD, OPTIONS'],
      ['DELETE', '/mx-ru', 'GET, HEAD, OPTIONS'],
      ['POST', '/openapi.json', 'GET, HEAD, OPTIONS'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await request(method, path);
      const where = `${method} ${path}`;
      expect(response.status, where).toBe(405);
      expect(response.headers.get('allow'), where).toBe(allow);
      const problem = await problemOf(response);
      expect(problem.title, where).toBe('Method Not Allowed');
      expect(problem.detail, where).toContain(allow);
    }
  });

  it('answers before any credential is looked at, and writes nothing', async () => {
    const before = await totalEvents();
    const response = await request('PUT', '/v1/relations/mx-ru/events', { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(405);
    expect(await totalEvents()).toBe(before);
  });

  it('is a 405 for a method no route serves anywhere', async () => {
    const response = await request('PROPFIND', '/v1/relations');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('lets browsers read Allow on /v1', async () => {
    const response = await request('DELETE', '/v1/relations', { origin: 'https://elsewhere.example' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('allow');
  });
});

describe('OPTIONS', () => {
  it('answers 204 with Allow on a path the app serves', async () => {
    // Where reads are open to other origins (/v1/, the feeds, /openapi.json), the CORS preflight answers OPTIONS.
    for (const [path, allow] of [['/mx-ru', 'GET, HEAD, OPTIONS'], ['/docs', 'GET, HEAD, OPTIONS'], ['/healthz', 'GET, HEAD, OPTIONS']]) {
      const response = await request('OPTIONS', path);
      expect(response.status, path).toBe(204);
      expect(response.headers.get('allow'), path).toBe(allow);
    }
  });
});

describe('a path the app does not serve', () => {
  it('is a 404 problem whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const response = await request(method, '/v1/nothing-here');
      expect(response.status, method).toBe(404);
      expect(response.headers.get('allow')).toBeNull();
      expect((await problemOf(response)).detail).toBe('nothing at /v1/nothing-here');
    }
  });
});
