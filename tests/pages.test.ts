import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';

/** The pages as a browser receives them: standards mode, their security headers, everything they load served here. */

/** A relation whose page draws every kind of mark of the chart. */
async function relationWithEvents(): Promise<string> {
  const relation = freshRelation();
  const fact = (type: string, occurred: string, data: Record<string, unknown> = {}) => ({ type, occurred, headline: `${type} ${occurred}`, source: SOURCE, data });
  const response = await post(`/v1/relations/${relation}/events`, {
    events: [
      fact('RelationsEstablished', '1890-12-01'), fact('RelationsSevered', '1930-01-26'), fact('RelationsRestored', '1943-06'),
      fact('AgreementSigned', '2012', { agreementId: 'a', title: 'An agreement', kind: 'agreement', parties: ['A', 'B'], validUntil: null }),
      fact('VisitMade', '2015-04-01', { visitor: 'A minister', office: 'Minister', from: relation.slice(0, 2), to: relation.slice(3) }),
      noted({ occurred: '1943-06' }),
    ],
  });
  expect(response.status).toBe(201);
  return relation;
}

/** A static file, as the assets in front of the Worker serve it. */
const asset = (path: string) => env.ASSETS.fetch(`https://relations.test${path}`);

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

/** The Content-Security-Policy as directive → sources. */
function policyOf(response: Response): Record<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(header.split(';').map((part) => part.trim().split(/\s+/)).filter((part) => part[0]).map(([name, ...sources]) => [name, sources]));
}

/** What a page makes the browser load: its scripts and stylesheets. */
function loadedBy(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
  const stylesheets = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]);
  return [...scripts, ...stylesheets];
}

/**
 * Every page, and how it answers: the front page, a relation and its search, a fact, a day of the year, the search
 * of every relation, its TimelineJS view, the API docs, and errors.
 */
async function pages(): Promise<[string, number][]> {
  const relation = await relationWithEvents();
  const { items } = await (await get(`/v1/relations/${relation}/timeline?limit=1`)).json<{ items: { id: string }[] }>();
  return [
    [`/${relation}/events/${items[0].id}`, 200], [`/${relation}?q=agreement&type=AgreementSigned`, 200], [`/${relation}?from=2000&to=1990`, 400],
    ['/on-this-day/12-01', 200], ['/search?q=agreement', 200], ['/search?q=%22', 400], [`/${relation}/events/${crypto.randomUUID()}`, 404],
    ['/', 200], [`/${relation}`, 200], [`/${relation}?asOf=2012-01-01`, 200], [`/${relation}/timelinejs`, 200], ['/docs', 200],
    [`/${relation}?asOf=2012-02-30`, 400], ['/MX-RU', 404], [`/${freshRelation()}`, 404], ['/no-such-page', 404],
    [`/${relation}/no-such-view`, 404],
  ];
}

describe('every HTML page', () => {
  it('starts with the doctype, so browsers render it in standards mode', async () => {
    for (const [path, status] of await pages()) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect((await response.text()).slice(0, 15), path).toBe('<!doctype html>');
    }
  });

  it('carries a Content-Security-Policy of its own origin only, nosniff, a Referrer-Policy, and refuses to be framed', async () => {
    for (const [path] of await pages()) {
      const response = await get(path);
      const policy = policyOf(response);
      expect(policy['default-src'], path).toEqual(["'self'"]);
      expect(policy['script-src'], path).toEqual(["'self'"]);
      expect(policy['frame-ancestors'], path).toEqual(["'none'"]);
      expect(policy['object-src'], path).toEqual(["'none'"]);
      for (const sources of Object.values(policy)) {
        for (const source of sources) expect(source, path).toMatch(/^('self'|'none'|'sha256-[A-Za-z0-9+/]+=*'|data:)$/);
      }
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      // And the cross-origin headers of hono's secureHeaders defaults, no HSTS (the zone's to set).
      const CROSS_ORIGIN = {
        'cross-origin-opener-policy': 'same-origin', 'cross-origin-resource-policy': 'same-origin', 'origin-agent-cluster': '?1',
        'x-dns-prefetch-control': 'off', 'x-download-options': 'noopen', 'x-permitted-cross-domain-policies': 'none', 'x-xss-protection': '0',
      };
      for (const [name, value] of Object.entries(CROSS_ORIGIN)) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('has only inline styles that its policy allows by hash, and no inline script or style attribute', async () => {
    for (const [path] of await pages()) {
      const response = await get(path);
      const html = await response.text();
      const allowed = policyOf(response)['style-src'];
      for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) expect(allowed, path).toContain(`'sha256-${await sha256(css)}'`);
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, path).not.toMatch(/<[a-z][^>]*\sstyle="/);
      expect(html, path).not.toMatch(/\son[a-z]+="/);
    }
  });

  it('loads its scripts and stylesheets from this origin, where they are served', async () => {
    const relation = await relationWithEvents();
    const expected = {
      '/docs': ['/static/swagger-ui/swagger-ui-bundle.js', '/static/docs.js', '/static/swagger-ui/swagger-ui.css'],
      [`/${relation}/timelinejs`]: ['/static/timelinejs/js/timeline.js', '/static/timelinejs.js', '/static/timelinejs/css/timeline.css'],
    };
    for (const [path, files] of Object.entries(expected)) {
      const loaded = loadedBy(await (await get(path)).text());
      expect(loaded.sort(), path).toEqual([...files].sort());
      for (const file of loaded) {
        const response = await asset(file);
        expect(response.status, file).toBe(200);
        expect(response.headers.get('content-type'), file).toMatch(file.endsWith('.css') ? /^text\/css/ : /javascript/);
        expect(response.headers.get('x-content-type-options'), file).toBe('nosniff');
        expect((await response.text()).length, file).toBeGreaterThan(100);
      }
    }
    expect(loadedBy(await (await get(`/${relation}`)).text())).toEqual([]);
  });

  it('gets no font, image or stylesheet from another origin through the stylesheets it loads', async () => {
    for (const file of ['/static/swagger-ui/swagger-ui.css', '/static/timelinejs/css/timeline.css']) {
      const css = await (await asset(file)).text();
      expect(css, file).not.toMatch(/@import/);
      for (const [, url] of css.matchAll(/url\(\s*["']?([^"')]+)/g)) expect(url, file).toMatch(/^(data:|\.\.?\/|[a-z-]+\/)/);
    }
    // Each icon font TimelineJS's stylesheet names is there, beside it.
    for (const font of ['tl-icons.woff2', 'tl-icons.woff', 'tl-icons.ttf']) expect((await asset(`/static/timelinejs/css/icons/${font}`)).status).toBe(200);
  });
});

describe('errors', () => {
  it('are pages for people on a page path, problem+json in the API', async () => {
    const page = await get('/no/such/page');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('<h1>No such page</h1>');
    const notARelation = await get('/no-such-page');
    expect(notARelation.status).toBe(404);
    expect(notARelation.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await notARelation.text()).toContain('is not a relation');
    for (const path of ['/v1/no-such-thing', '/v1/relations/mx-ru/no-such-view', '/static/no-such-file.js']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('application/problem+json');
      expect(response.headers.get('content-security-policy'), path).toBeNull();
    }
  });

  it('a malformed bookmark on a page is a 400 page, in the API a 400 problem', async () => {
    const relation = await relationWithEvents();
    const page = await get(`/${relation}`, { 'x-d1-bookmark': 'not a bookmark' });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('x-d1-bookmark');
    const api = await get(`/v1/relations/${relation}/timeline`, { 'x-d1-bookmark': 'not a bookmark' });
    expect(api.status).toBe(400);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('cross-origin reads', () => {
  it('the feeds of all relations and the API description may be read from another origin, as the API may', async () => {
    await relationWithEvents();
    for (const path of ['/feed.xml', '/feed.atom', '/feed.json', '/openapi.json', '/v1/relations']) {
      const response = await get(path, { origin: 'https://reader.example' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('access-control-expose-headers'), path).toMatch(/etag/);
      const preflight = await preflightOf(path);
      expect(preflight.headers.get('access-control-allow-origin'), path).toBe('*');
    }
  });
});

function preflightOf(path: string): Promise<Response> {
  return SELF.fetch(`https://relations.test${path}`, {
    method: 'OPTIONS',
    headers: { origin: 'https://reader.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
  });
}
