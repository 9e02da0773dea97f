import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { editorKey, freshAddress, freshRelation, noted, TOKEN } from './setup/client';
import { problemOf, totalEvents } from './setup/log-state';

/** Sessions of the editor's desk: started with an editor key, used as its bearer credential, ended by signing out or by revoking the key. */

const call = (method: string, path: string, credential?: string, body?: unknown, address = freshAddress()) =>
  SELF.fetch(`https://relations.test${path}`, {
    method,
    headers: {
      'content-type': 'application/json', 'cf-connecting-ip': address,
      ...(credential === undefined ? {} : { authorization: `Bearer ${credential}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function sessionOf(key: string): Promise<{ session: string; expires: string; name: string; scopes: string[] }> {
  const response = await call('POST', '/v1/sessions', key);
  expect(response.status).toBe(201);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.json();
}

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((byte) => byte.toString(16).padStart(2, '0')).join('');

const storedHashes = async () =>
  (await env.DB.prepare('SELECT hash FROM editor_sessions').all<{ hash: string }>()).results.map((row) => row.hash);

describe('a session', () => {
  it("carries its key's editor and scopes, records as that editor, and only its hash is stored, with an expiry", async () => {
    const name = `Session Editor ${crypto.randomUUID().slice(0, 6)}`;
    const { key } = await editorKey(name, ['events:write']);
    const started = await sessionOf(key);
    expect(started).toMatchObject({ name, scopes: ['events:write'] });
    expect(started.session).toMatch(/^rls_/);
    const hours = (Date.parse(started.expires) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);

    const hashes = await storedHashes();
    expect(hashes.join()).not.toContain(started.session);
    expect(hashes).toContain(await sha256(started.session));

    expect(await (await call('GET', '/v1/sessions/current', started.session)).json()).toEqual({ name, scopes: ['events:write'] });
    const relation = freshRelation();
    const recorded = await call('POST', `/v1/relations/${relation}/events`, started.session, { events: [noted()] });
    expect(recorded.status).toBe(201);
    const [event] = (await (await call('GET', `/v1/relations/${relation}/events`)).json<{ events: { actor: string }[] }>()).events;
    expect(event.actor).toBe(name);
    // The key's scopes, no more.
    const keys = await call('GET', '/v1/admin/keys', started.session);
    expect(keys.status).toBe(403);
    expect(await problemOf(keys)).toMatchObject({ scope: 'admin' });
  });

  it('ends when the editor signs out: the same token is then refused, and ending it again is refused as unknown', async () => {
    const { key } = await editorKey(`Signing Out ${crypto.randomUUID().slice(0, 6)}`, ['webhooks:manage']);
    const { session } = await sessionOf(key);
    expect((await call('GET', '/v1/webhooks', session)).status).toBe(200);
    expect((await call('DELETE', '/v1/sessions/current', session)).status).toBe(204);
    expect((await call('GET', '/v1/webhooks', session)).status).toBe(401);
    expect((await call('DELETE', '/v1/sessions/current', session)).status).toBe(401);
    // The key itself still works, and is not a session to end.
    expect((await call('GET', '/v1/webhooks', key)).status).toBe(200);
    expect((await call('DELETE', '/v1/sessions/current', key)).status).toBe(404);
  });

  it('ends at once when its key is revoked, every session made from it', async () => {
    const { id, key } = await editorKey(`Revoked Editor ${crypto.randomUUID().slice(0, 6)}`, ['events:write']);
    const first = await sessionOf(key);
    const second = await sessionOf(key);
    expect((await call('GET', '/v1/sessions/current', first.session)).status).toBe(200);
    expect((await call('DELETE', `/v1/admin/keys/${id}`, TOKEN)).status).toBe(200);
    for (const { session } of [first, second]) {
      expect((await call('GET', '/v1/sessions/current', session)).status).toBe(401);
      const before = await totalEvents();
      expect((await call('POST', `/v1/relations/${freshRelation()}/events`, session, { events: [noted()] })).status).toBe(401);
      expect(await totalEvents()).toBe(before);
    }
    expect((await call('POST', '/v1/sessions', key)).status).toBe(401);
  });

  it('is not started by the ADMIN_TOKEN or by another session; one past its expiry is refused, and cleared when the next starts', async () => {
    const admin = await call('POST', '/v1/sessions', TOKEN);
    expect(admin.status).toBe(403);
    expect(await problemOf(admin)).toMatchObject({ type: '/problems/not-an-editor-key' });
    const { key } = await editorKey(`Expiring Editor ${crypto.randomUUID().slice(0, 6)}`, ['events:write']);
    const { session } = await sessionOf(key);
    expect((await call('POST', '/v1/sessions', session)).status).toBe(403);

    // Twelve hours on.
    const hash = await sha256(session);
    await env.DB.prepare("UPDATE editor_sessions SET expires = '2000-01-01T00:00:00.000Z' WHERE hash = ?1").bind(hash).run();
    expect((await call('GET', '/v1/sessions/current', session)).status).toBe(401);
    expect(await storedHashes()).toContain(hash);
    await sessionOf(key);
    expect(await storedHashes()).not.toContain(hash);
  });

  it('is not started by a key that is not valid, and failures count toward the lockout as on any editor route', async () => {
    const address = freshAddress();
    let status = 0;
    for (let attempt = 1; attempt <= 11 && status !== 429; attempt += 1) {
      status = (await call('POST', '/v1/sessions', `rlk_${'x'.repeat(43)}`, undefined, address)).status;
      if (status !== 429) expect(status).toBe(401);
    }
    expect(status).toBe(429);
    // Locked out, a good key is not judged either.
    const { key } = await editorKey(`Locked Out ${crypto.randomUUID().slice(0, 6)}`, ['events:write']);
    const refused = await call('POST', '/v1/sessions', key, undefined, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
