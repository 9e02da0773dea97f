import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { keyringOf, sealSecret } from '../src/webhooks/sealed-secrets';
import { checkedFetch } from './setup/checked-worker';
import { editorKey, freshAddress, TOKEN } from './setup/client';
import { problemOf } from './setup/log-state';
import { api, endpoint, endpointName, hookUrl, received, subscribe, webhookRelation } from './webhooks-helpers';

/**
 * Webhook signing secrets at rest: sealed under WEBHOOK_SECRET_KEY, opened to sign, carried over from plain
 * text and from the previous key by the reseal route. Ends with a scan of every table of the database.
 */

/** Every secret and key this file was handed: none may be found in the database. */
const handedOut: string[] = [];

async function subscribed() {
  const name = endpointName('sealed');
  const subscription = await subscribe({ url: hookUrl(name), events: ['anniversary.today'], relations: [webhookRelation()] });
  handedOut.push(subscription.secret);
  return { name, ...subscription };
}

const stored = (id: string) =>
  env.DB.prepare('SELECT secret, previous_secret, previous_secret_expires FROM webhook_subscriptions WHERE id = ?1')
    .bind(id).first<{ secret: string; previous_secret: string | null; previous_secret_expires: string | null }>();

const store = (id: string, secret: string, previous: string | null = null, expires: string | null = null) =>
  env.DB.prepare('UPDATE webhook_subscriptions SET secret = ?2, previous_secret = ?3, previous_secret_expires = ?4 WHERE id = ?1')
    .bind(id, secret, previous, expires).run();

async function testMessage(id: string) {
  return (await api('POST', `/v1/webhooks/${id}/test`)).json<any>();
}

const reseal = async (after = '') => {
  const response = await api('POST', `/v1/admin/webhook-secrets/reseal${after ? `?after=${after}` : ''}`);
  expect(response.status).toBe(200);
  return response.json<{ resealed: number; unreadable: { id: string; reason: string }[]; next: string | null }>();
};

const currentKey = async () => (await keyringOf(env)).current!.id;
const sealedUnder = (keyId: string) => new RegExp(`^sealed:v1:${keyId}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$`);
const FUTURE = '2999-01-01T00:00:00.000Z';

describe('a signing secret', () => {
  it('is stored sealed under WEBHOOK_SECRET_KEY, answered with no-store, and still signs', async () => {
    const { id, name, secret } = await subscribed();
    const row = await stored(id);
    expect(row?.secret).toMatch(sealedUnder(await currentKey()));
    expect(JSON.stringify(row)).not.toContain(secret.slice('whsec_'.length));

    await endpoint(name, { secrets: [secret] });
    expect((await testMessage(id)).status).toBe('succeeded');
    expect((await received(name)).map((entry) => entry.verifiedBy)).toEqual([[0]]);
  });

  it('stays sealed through a rotation, and both secrets sign while they overlap', async () => {
    const { id, name, secret } = await subscribed();
    const rotation = await api('POST', `/v1/webhooks/${id}/rotate-secret`);
    expect(rotation.headers.get('cache-control')).toBe('no-store');
    const rotated = await rotation.json<any>();
    handedOut.push(rotated.secret);
    const row = await stored(id);
    expect(row?.secret).toMatch(sealedUnder(await currentKey()));
    expect(row?.previous_secret).toMatch(sealedUnder(await currentKey()));

    await endpoint(name, { secrets: [rotated.secret, secret] });
    expect((await testMessage(id)).status).toBe('succeeded');
    expect((await received(name))[0].verifiedBy).toEqual([0, 1]);
  });

  it('sealed for one subscription does not open for another: the attempt fails and says why', async () => {
    const a = await subscribed();
    const b = await subscribed();
    await store(b.id, (await stored(a.id))!.secret);
    await endpoint(b.name, { secrets: [a.secret, b.secret] });
    const delivery = await testMessage(b.id);
    expect(delivery.attempts[0]).toMatchObject({ statusCode: null, succeeded: false, error: expect.stringMatching(/^not sent: the signing secret cannot be opened/) });
    expect(await received(b.name)).toEqual([]);
  });
});

describe('without a usable WEBHOOK_SECRET_KEY', () => {
  /** The Worker with other Worker secrets than the tests' own (its answers checked against the document like any other). */
  async function withSecrets(secrets: Record<string, string>, method: string, path: string, body?: unknown) {
    const ctx = createExecutionContext();
    const response = await checkedFetch(new Request(`https://relations.test${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }), { ...env, ...secrets }, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  }

  it('names what is wrong with the key', async () => {
    expect((await keyringOf({})).problem).toBe('WEBHOOK_SECRET_KEY is not set');
    expect((await keyringOf({ WEBHOOK_SECRET_KEY: btoa('too short') })).problem).toMatch(/must be 32 bytes in base64 .* not 9/);
    expect((await keyringOf({ WEBHOOK_SECRET_KEY: 'not base64!' })).problem).toMatch(/not base64/);
  });

  it('stores no secret: subscribing, rotating and resealing answer 503, and nothing is written', async () => {
    const { id } = await subscribed();
    const before = await stored(id);
    const url = `https://hooks.example.org/${crypto.randomUUID()}`;
    for (const secrets of [{ WEBHOOK_SECRET_KEY: '' }, { WEBHOOK_SECRET_KEY: btoa('too short') }]) {
      const created = await withSecrets(secrets, 'POST', '/v1/webhooks', { url, events: ['event.recorded'] });
      expect(created.status).toBe(503);
      expect((await problemOf(created)).type).toBe('/problems/secret-key-missing');
      expect((await withSecrets(secrets, 'POST', `/v1/webhooks/${id}/rotate-secret`)).status).toBe(503);
      expect((await withSecrets(secrets, 'POST', '/v1/admin/webhook-secrets/reseal')).status).toBe(503);
    }
    expect(await env.DB.prepare('SELECT id FROM webhook_subscriptions WHERE url = ?1').bind(url).first()).toBeNull();
    expect(await stored(id)).toEqual(before);
  });
});

describe('resealing (POST /v1/admin/webhook-secrets/reseal)', () => {
  it('seals secrets stored in plain text before sealing existed; until then they still sign', async () => {
    const { id, name, secret } = await subscribed();
    const previous = `whsec_${btoa('an older secret, still overlapping')}`;
    handedOut.push(previous);
    await store(id, secret, previous, FUTURE);
    await endpoint(name, { secrets: [secret, previous] });
    expect((await testMessage(id)).status).toBe('succeeded');

    expect((await reseal()).resealed).toBeGreaterThanOrEqual(1);
    const row = await stored(id);
    expect(row?.secret).toMatch(sealedUnder(await currentKey()));
    expect(row?.previous_secret).toMatch(sealedUnder(await currentKey()));
    expect(row?.previous_secret_expires).toBe(FUTURE);
    expect((await testMessage(id)).status).toBe('succeeded');
    expect((await received(name)).map((entry) => entry.verifiedBy)).toEqual([[0, 1], [0, 1]]);

    const again = await reseal();
    expect(again.unreadable.map((entry) => entry.id)).not.toContain(id);
    expect((await stored(id))?.secret).toBe(row?.secret);
  });

  it('carries secrets sealed under WEBHOOK_SECRET_KEY_PREVIOUS over to the new key, and drops a replaced secret whose overlap has ended', async () => {
    const { id, name, secret } = await subscribed();
    const old = await keyringOf({ WEBHOOK_SECRET_KEY: env.WEBHOOK_SECRET_KEY_PREVIOUS });
    const ended = `whsec_${btoa('replaced long ago, overlap over')}`;
    handedOut.push(ended);
    await store(id, await sealSecret(old, id, secret), ended, '2026-01-01T00:00:00.000Z');
    await endpoint(name, { secrets: [secret] });
    expect((await testMessage(id)).status).toBe('succeeded');

    await reseal();
    const row = await stored(id);
    expect(row?.secret).toMatch(sealedUnder(await currentKey()));
    expect(row?.previous_secret).toBeNull();
    expect((await testMessage(id)).status).toBe('succeeded');
  });

  it('names the subscriptions whose secrets open under neither key, and leaves them as they are', async () => {
    const { id, secret } = await subscribed();
    const unknown = await keyringOf({ WEBHOOK_SECRET_KEY: btoa('k'.repeat(32)) });
    const sealed = await sealSecret(unknown, id, secret);
    await store(id, sealed);
    const { unreadable } = await reseal();
    expect(unreadable).toContainEqual({ id, reason: expect.stringMatching(/neither WEBHOOK_SECRET_KEY nor WEBHOOK_SECRET_KEY_PREVIOUS/) });
    expect((await stored(id))?.secret).toBe(sealed);
    // A new secret is the way out.
    const rotated = await (await api('POST', `/v1/webhooks/${id}/rotate-secret`)).json<any>();
    handedOut.push(rotated.secret);
    expect((await stored(id))?.secret).toMatch(sealedUnder(await currentKey()));
  });

  it('continues after a subscription id, and is for the admin scope', async () => {
    const { id } = await subscribed();
    expect((await reseal(`${id}~`)).unreadable.map((entry) => entry.id)).not.toContain(id);
    const hooks = await editorKey('Hooks Editor', ['webhooks:manage']);
    handedOut.push(hooks.key);
    const forbidden = await SELF.fetch('https://relations.test/v1/admin/webhook-secrets/reseal', {
      method: 'POST', headers: { ...hooks.headers, 'cf-connecting-ip': freshAddress() },
    });
    expect(forbidden.status).toBe(403);
    expect((await problemOf(forbidden)).scope).toBe('admin');
  });
});

describe('the database, after all of the above', () => {
  it('holds no editor key and no signing secret in plain text, in any table', async () => {
    handedOut.push((await editorKey('Scanned Editor', ['events:write'])).key);
    // An ed25519 subscription: its private key (whsk_) is kept sealed too, and never handed out.
    expect((await subscribe({ url: hookUrl(endpointName('v1a')), events: ['event.recorded'], signatureScheme: 'v1a' })).secret).toBeNull();
    const { results: tables } = await env.DB.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'",
    ).all<{ name: string }>();
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['editor_keys', 'webhook_subscriptions', 'events']));
    for (const { name } of tables) {
      const { results } = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
      const text = JSON.stringify(results);
      expect(text, name).not.toMatch(/whsec_|whsk_/);
      expect(text, name).not.toMatch(/rlk_[A-Za-z0-9_-]{43}/);
      expect(text, name).not.toContain(TOKEN);
      for (const secret of handedOut) expect(text, name).not.toContain(secret.replace(/^(whsec_|rlk_)/, ''));
    }
  });
});
