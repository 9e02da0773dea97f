import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { editorKey, freshAddress, freshRelation, get, noted, post } from './setup/client';
import { pointersOf, problemOf, totalEvents } from './setup/log-state';

/** Editors' keys: made, listed and revoked by an admin; each editor route asks for its scope. */

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  SELF.fetch(`https://relations.test${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshAddress(), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const append = (relation: string, headers: Record<string, string>, body: unknown = { events: [noted()] }) =>
  call('POST', `/v1/relations/${relation}/events`, headers, body);

async function listed(id: string) {
  const { keys } = await (await get('/v1/admin/keys', { authorization: 'Bearer test-editor-token' })).json<{ keys: any[] }>();
  return keys.find((key) => key.id === id);
}

describe('an editor\'s name', () => {
  const make = (name: string, extra: Record<string, unknown> = {}) => post('/v1/admin/keys', { name, scopes: ['events:write'], ...extra });

  it('that looks like admin is refused, by Unicode\'s confusable skeletons (UTS #39), naming /name', async () => {
    for (const name of ['\u0430dmin', '\uff41\uff44\uff4d\uff49\uff4e', 'ADMIN', '\u0410dmin', 'adm\u0456n', '\u0251dmin']) {
      const response = await make(name);
      expect(response.status, name).toBe(422);
      expect(pointersOf(await problemOf(response)), name).toEqual(['/name']);
    }
    // Letters that only resemble, as the table has them, are fine.
    expect((await make('Admina Ortiz')).status).toBe(201);
  });

  it("that is an editor's is another key of theirs only when the request says so; one that looks like it is refused", async () => {
    const name = `Desk Editor ${crypto.randomUUID().slice(0, 6)}`;
    expect((await make(name)).status).toBe(201);
    const again = await make(name);
    expect(again.status).toBe(409);
    expect(await problemOf(again)).toMatchObject({ type: '/problems/name-taken', editor: name, errors: [{ pointer: '/name' }] });

    const lookalikes = [
      name.replace('e', '\u0435'), // Cyrillic е
      name.replace('D', '\u0414').replace('D', 'D'), // not a lookalike: Д
      name.replace(' ', '  '), // two spaces, shown as one
      name.toUpperCase(),
      name.replace('o', '\u03bf'), // Greek ο
      name.replace('s', '\u0455'), // Cyrillic ѕ
      name.replace('Desk', '\uff24\uff45\uff53\uff4b'), // fullwidth
    ];
    for (const lookalike of lookalikes) {
      const response = await make(lookalike);
      if (lookalike.includes('\u0414')) {
        expect(response.status, 'Д is not D').toBe(201);
        continue;
      }
      expect(response.status, JSON.stringify(lookalike)).toBe(409);
      expect(await problemOf(response), JSON.stringify(lookalike)).toMatchObject({ type: '/problems/name-taken', editor: name });
      // Saying it is another key of that editor does not make another spelling theirs.
      expect((await make(lookalike, { anotherKey: true })).status, JSON.stringify(lookalike)).toBe(409);
    }

    const another = await make(name, { anotherKey: true });
    expect(another.status).toBe(201);
    expect(await another.json<any>()).toMatchObject({ name });
    const nobody = await make(`Nobody Yet ${crypto.randomUUID().slice(0, 6)}`, { anotherKey: true });
    expect(nobody.status).toBe(422);
    expect(pointersOf(await problemOf(nobody))).toEqual(['/anotherKey']);
  });

  it('counts revoked keys: their editor\'s events are in the log under that name', async () => {
    const name = `Former Editor ${crypto.randomUUID().slice(0, 6)}`;
    const { id } = await editorKey(name, ['events:write']);
    expect((await SELF.fetch(`https://relations.test/v1/admin/keys/${id}`, { method: 'DELETE', headers: { authorization: 'Bearer test-editor-token' } })).status).toBe(200);
    expect((await make(name.replace('o', '\u043e'))).status).toBe(409);
    expect((await make(name, { anotherKey: true })).status).toBe(201);
  });

  it('may not hold characters no one sees', async () => {
    for (const name of ['Ana\u034f Editor', 'Ana\ufe0f Editor', 'Ana\u200b Editor']) {
      const response = await make(name);
      expect(response.status, JSON.stringify(name)).toBe(422);
      expect([...new Set(pointersOf(await problemOf(response)))]).toEqual(['/name']);
    }
  });
});

describe('making a key', () => {
  it('answers the key once, recognisable and random; the list shows everything but the key', async () => {
    const response = await post('/v1/admin/keys', { name: '  Ana Editor ', scopes: ['webhooks:manage', 'events:write', 'webhooks:manage'] });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const made = await response.json<any>();
    expect(made.key).toMatch(/^rlk_[A-Za-z0-9_-]{43}$/);
    expect(made).toMatchObject({
      id: expect.stringMatching(/^key_[0-9a-f]{32}$/), name: 'Ana Editor', scopes: ['events:write', 'webhooks:manage'],
      prefix: made.key.slice(0, 12), createdBy: 'admin', lastUsed: null, revoked: null, revokedBy: null,
    });
    const other = await editorKey('Ana Editor', ['events:write'], { anotherKey: true });
    expect(other.key).not.toBe(made.key);

    const list = await get('/v1/admin/keys', { authorization: 'Bearer test-editor-token' });
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain(made.key);
    expect(text).not.toContain(other.key);
    const { key: _shownOnce, ...rest } = made;
    expect(await listed(made.id)).toEqual(rest);
  });

  it('refuses a name a feed could not carry, the name admin, and unknown scopes, naming each field', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'Ana\u0007Editor', scopes: ['events:write'] }, '/name'],
      [{ name: 'Ana\nEditor', scopes: ['events:write'] }, '/name'],
      [{ name: '', scopes: ['events:write'] }, '/name'],
      [{ name: 'x'.repeat(101), scopes: ['events:write'] }, '/name'],
      [{ name: 'Admin', scopes: ['events:write'] }, '/name'],
      [{ name: '<script>', scopes: ['events:write'] }, '/name'],
      [{ name: 'Ana', scopes: [] }, '/scopes'],
      [{ name: 'Ana', scopes: ['events:delete'] }, '/scopes/0'],
      [{ name: 'Ana', scopes: ['admin'], key: 'rlk_chosen' }, '/key'],
    ];
    for (const [body, pointer] of cases) {
      const response = await post('/v1/admin/keys', body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect([...new Set(pointersOf(await problemOf(response)))]).toEqual([pointer]);
    }
  });

  it('is for the admin scope: an admin key may make and revoke keys, and is named as doing so', async () => {
    const admin = await editorKey('Desk Chief', ['admin']);
    const made = await call('POST', '/v1/admin/keys', admin.headers, { name: 'Night Editor', scopes: ['events:write'] });
    expect(made.status).toBe(201);
    const { id } = await made.json<any>();
    const revoked = await call('DELETE', `/v1/admin/keys/${id}`, admin.headers);
    expect(await revoked.json()).toMatchObject({ id, createdBy: 'Desk Chief', revokedBy: 'Desk Chief' });

    const writer = await editorKey('Writer Only', ['events:write', 'webhooks:manage']);
    for (const [method, path] of [['GET', '/v1/admin/keys'], ['POST', '/v1/admin/keys'], ['DELETE', `/v1/admin/keys/${id}`], ['POST', '/v1/admin/rebuild']]) {
      const response = await call(method, path, writer.headers, method === 'POST' ? { name: 'X', scopes: ['admin'] } : undefined);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect((await problemOf(response)).scope).toBe('admin');
    }
  });
});

describe('a key', () => {
  it('records events attributed to its editor; the ADMIN_TOKEN records them as admin', async () => {
    const relation = freshRelation();
    const editor = await editorKey('Jürgen O’Brien-Łukasz', ['events:write']);
    const byKey = await append(relation, editor.headers);
    expect(byKey.status).toBe(201);
    const [{ id }] = (await byKey.json<any>()).events;
    expect((await (await get(`/v1/events/${id}`)).json<any>()).actor).toBe('Jürgen O’Brien-Łukasz');

    const byToken = await post(`/v1/relations/${relation}/events`, { events: [noted()] });
    const [{ id: adminEvent }] = (await byToken.json<any>()).events;
    expect((await (await get(`/v1/events/${adminEvent}`)).json<any>()).actor).toBe('admin');
  });

  it('costs one D1 call more than the ADMIN_TOKEN: the lookup, with "last used" in the same call', async () => {
    const relation = freshRelation();
    const editor = await editorKey('Counted Editor', ['events:write']);
    expect((await append(relation, editor.headers)).headers.get('server-timing')).toMatch(/^d1;desc="2 calls"/);
    expect((await append(relation, { authorization: 'Bearer test-editor-token' })).headers.get('server-timing')).toMatch(/^d1;desc="1 call"/);
    const refused = await append(relation, editor.headers, { events: [{ type: 'EventNoted' }] });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('server-timing')).toMatch(/^d1;desc="1 call"/);
  });

  it('refuses a body that names its own actor, naming /actor, and writes nothing', async () => {
    const relation = freshRelation();
    const editor = await editorKey('Honest Editor', ['events:write']);
    const before = await totalEvents();
    const response = await append(relation, editor.headers, { actor: 'Somebody Else', events: [noted()] });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([{ pointer: '/actor', detail: expect.stringMatching(/attributed to the editor/) }]);
    expect(await totalEvents()).toBe(before);
  });

  it('without the scope a route needs gets 403 naming the scope, and writes nothing', async () => {
    const relation = freshRelation();
    const hooksOnly = await editorKey('Hooks Only', ['webhooks:manage']);
    const writeOnly = await editorKey('Write Only', ['events:write']);
    const before = await totalEvents();
    const refused = await append(relation, hooksOnly.headers);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="editors", error="insufficient_scope", scope="events:write"');
    expect(await problemOf(refused)).toMatchObject({ type: '/problems/insufficient-scope', scope: 'events:write', detail: expect.stringContaining('events:write') });
    expect(await totalEvents()).toBe(before);

    const hooks = await call('GET', '/v1/webhooks', writeOnly.headers);
    expect(hooks.status).toBe(403);
    expect((await problemOf(hooks)).scope).toBe('webhooks:manage');
    expect((await call('GET', '/v1/webhooks', hooksOnly.headers)).status).toBe(200);
  });

  it('fails at once when revoked; revoking again keeps the first time; the events it recorded keep its name', async () => {
    const relation = freshRelation();
    const editor = await editorKey('Leaving Editor', ['events:write']);
    const recorded = await append(relation, editor.headers);
    const [{ id: eventId }] = (await recorded.json<any>()).events;

    const revoked = await call('DELETE', `/v1/admin/keys/${editor.id}`, { authorization: 'Bearer test-editor-token' });
    expect(revoked.status).toBe(200);
    const first = await revoked.json<any>();
    expect(first).toMatchObject({ id: editor.id, revokedBy: 'admin', revoked: expect.any(String) });

    const before = await totalEvents();
    const refused = await append(relation, editor.headers);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect(await totalEvents()).toBe(before);
    expect((await call('GET', '/v1/webhooks', editor.headers)).status).toBe(401);

    const again = await (await call('DELETE', `/v1/admin/keys/${editor.id}`, { authorization: 'Bearer test-editor-token' })).json<any>();
    expect(again.revoked).toBe(first.revoked);
    expect((await listed(editor.id)).revoked).toBe(first.revoked);
    expect((await (await get(`/v1/events/${eventId}`)).json<any>()).actor).toBe('Leaving Editor');

    const admin = { authorization: 'Bearer test-editor-token' };
    expect((await call('DELETE', `/v1/admin/keys/key_${'0'.repeat(32)}`, admin)).status).toBe(404);
    const malformed = await call('DELETE', '/v1/admin/keys/nope', admin);
    expect(malformed.status).toBe(400);
    expect((await problemOf(malformed)).errors?.[0].parameter).toBe('id');
  });

  it('shows when it was last used, written at most once a minute', async () => {
    const editor = await editorKey('Busy Editor', ['webhooks:manage']);
    expect((await listed(editor.id)).lastUsed).toBeNull();
    await call('GET', '/v1/webhooks', editor.headers);
    const first = (await listed(editor.id)).lastUsed;
    expect(Date.parse(first)).toBeGreaterThan(Date.now() - 60_000);
    await call('GET', '/v1/webhooks', editor.headers);
    expect((await listed(editor.id)).lastUsed).toBe(first);

    const longAgo = '2026-01-01T00:00:00.000Z';
    await env.DB.prepare('UPDATE editor_keys SET last_used = ?2 WHERE id = ?1').bind(editor.id, longAgo).run();
    await call('GET', '/v1/webhooks', editor.headers);
    expect((await listed(editor.id)).lastUsed).not.toBe(longAgo);
  });

  it('is kept in the database only as its hash and a prefix', async () => {
    const editor = await editorKey('Stored Editor', ['events:write']);
    const row = await env.DB.prepare('SELECT * FROM editor_keys WHERE id = ?1').bind(editor.id).first<Record<string, unknown>>();
    expect(JSON.stringify(row)).not.toContain(editor.key);
    expect(row?.prefix).toBe(editor.key.slice(0, 12));
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(editor.key));
    expect(row?.hash).toBe([...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''));
  });
});
