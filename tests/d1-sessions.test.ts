import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, TOKEN } from './setup/client';
import { problemOf } from './setup/log-state';

const sessionOf = (response: Response) => /d1-session;desc="([^"]+)"/.exec(response.headers.get('server-timing') ?? '')?.[1];
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;

describe('D1 sessions and bookmarks', () => {
  it('reads public GETs from the nearest replica, and appends and editor routes from the primary', async () => {
    const relation = freshRelation();
    const append = await post(`/v1/relations/${relation}/events`, { events: [noted()] });
    expect(sessionOf(append)).toBe('first-primary');
    expect(append.headers.get('x-d1-bookmark')).toMatch(BOOKMARK);

    const read = await get(`/v1/relations/${relation}/timeline`);
    expect(sessionOf(read)).toBe('first-unconstrained');
    expect(read.headers.get('x-d1-bookmark')).toMatch(BOOKMARK);

    const editorRead = await get('/v1/webhooks', { authorization: `Bearer ${TOKEN}` });
    expect(editorRead.status).toBe(200);
    expect(sessionOf(editorRead)).toBe('first-primary');

    const noD1 = await get('/healthz');
    expect(noD1.headers.get('x-d1-bookmark')).toBeNull();
  });

  it('honours a bookmark brought back: the read starts from it, passes the cache, and sees the append', async () => {
    const relation = freshRelation();
    await post(`/v1/relations/${relation}/events`, { events: [noted({ headline: 'First' })] });
    await get(`/v1/relations/${relation}/timeline`);
    const append = await post(`/v1/relations/${relation}/events`, { events: [noted({ headline: 'Second' })] });
    const bookmark = append.headers.get('x-d1-bookmark')!;
    await get(`/v1/relations/${relation}/timeline`);

    const read = await get(`/v1/relations/${relation}/timeline`, { 'x-d1-bookmark': bookmark });
    expect(sessionOf(read)).toBe('bookmark');
    expect(read.headers.get('cache-status')).toBeNull();
    expect(read.headers.get('server-timing')).toMatch(/^d1;desc="1 call"/);
    expect((read.headers.get('x-d1-bookmark') ?? '') >= bookmark).toBe(true);
    expect((await read.json<any>()).items.map((item: any) => item.headline)).toEqual(['First', 'Second']);
  });

  it('refuses a malformed bookmark with a problem naming the header, before any D1 call', async () => {
    const response = await get('/v1/relations', { 'x-d1-bookmark': 'yesterday' });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors).toEqual([{ parameter: 'x-d1-bookmark', detail: expect.stringContaining('bookmark') }]);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lets browsers send and read the bookmark across origins', async () => {
    const preflight = await SELF.fetch('https://relations.test/v1/relations', {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-d1-bookmark' },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-d1-bookmark/i);
    const read = await get('/v1/relations', { origin: 'https://elsewhere.example' });
    expect(read.headers.get('access-control-expose-headers')).toMatch(/x-d1-bookmark/);
  });
});
