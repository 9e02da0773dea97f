import { createRequire } from 'node:module';
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { noted, post } from './setup/client';
import { api, endpoint, endpointName, eventually, hookUrl, received, subscribe, succeeded, webhookRelation } from './webhooks-helpers';

/**
 * Asymmetric signatures (Standard Webhooks v1a): ed25519 through workerd's WebCrypto, each message checked by
 * the test receiver with Node's own ed25519 (node:crypto, which shares no code with workerd's) against the
 * subscription's whpk_ public key. The standardwebhooks npm package (1.1.1) verifies v1 only: its verify skips
 * every signature whose version is not "v1", so it is used where v1 and v1a travel together.
 */

async function record(relation: string): Promise<string> {
  const response = await post(`/v1/relations/${relation}/events`, { events: [noted()] });
  expect(response.status).toBe(201);
  return (await response.json<{ events: { id: string }[] }>()).events[0].id;
}

const WHPK = /^whpk_[A-Za-z0-9+/]{43}=$/;

describe('v1a: ed25519 signatures', () => {
  it('subscribes with a public key and no secret; every message verifies with that key alone', async () => {
    const relation = webhookRelation();
    const name = endpointName('v1a');
    const subscription = await subscribe({ url: hookUrl(name), events: ['event.recorded'], relations: [relation], signatureScheme: 'v1a' });
    expect(subscription).toMatchObject({ signatureScheme: 'v1a', secret: null, publicKey: expect.stringMatching(WHPK) });
    const shown = await (await api('GET', `/v1/webhooks/${subscription.id}`)).json<any>();
    expect(shown.publicKey).toBe(subscription.publicKey);
    // Another key first: only the subscription's own verifies.
    const other = await subscribe({ url: hookUrl(endpointName('other')), events: ['event.recorded'], relations: [webhookRelation()], signatureScheme: 'v1a' });
    await endpoint(name, { publicKeys: [other.publicKey, subscription.publicKey] });

    const id = await record(relation);
    const [entry] = await eventually(() => received(name), (entries) => succeeded(entries).length === 1);
    expect(entry.verifiedByKey).toEqual([1]);
    expect(entry.verifiedBy).toEqual([]);
    expect(entry.signature).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
    expect((entry.body as any).data.event.id).toBe(id);

    // The test message is signed the same way.
    const test = await api('POST', `/v1/webhooks/${subscription.id}/test`);
    expect((await test.json<any>()).status).toBe('succeeded');
    const all = await received(name);
    expect(all.at(-1)!.verifiedByKey).toEqual([1]);

    // The private key is stored sealed, like any secret.
    const row = await env.DB.prepare('SELECT secret FROM webhook_subscriptions WHERE id = ?1').bind(subscription.id).first<{ secret: string }>();
    expect(row!.secret).toMatch(/^sealed:v1:/);
  });

  it('changes scheme through a rotation: for 24 hours v1 and v1a travel together, each verified by its own check', async () => {
    const relation = webhookRelation();
    const name = endpointName('switch');
    const subscription = await subscribe({ url: hookUrl(name), events: ['event.recorded'], relations: [relation] });
    expect(subscription.signatureScheme).toBe('v1');
    const rotated = await (await api('POST', `/v1/webhooks/${subscription.id}/rotate-secret`, { signatureScheme: 'v1a' })).json<any>();
    expect(rotated).toMatchObject({ signatureScheme: 'v1a', secret: null, publicKey: expect.stringMatching(WHPK) });
    await endpoint(name, { secrets: [subscription.secret], publicKeys: [rotated.publicKey] });

    await record(relation);
    const [entry] = await eventually(() => received(name), (entries) => succeeded(entries).length === 1);
    expect(entry.signature.split(' ').map((part) => part.split(',')[0])).toEqual(['v1a', 'v1']);
    // standardwebhooks checks the v1 (the old secret) and passes over the v1a; Node checks the v1a.
    expect(entry.verifiedBy).toEqual([0]);
    expect(entry.verifiedByKey).toEqual([0]);

    // Back to v1: a new whsec_ secret, answered this once.
    const back = await (await api('POST', `/v1/webhooks/${subscription.id}/rotate-secret`, { signatureScheme: 'v1' })).json<any>();
    expect(back).toMatchObject({ signatureScheme: 'v1', publicKey: null, secret: expect.stringMatching(/^whsec_/) });
    const shown = await (await api('GET', `/v1/webhooks/${subscription.id}`)).json<any>();
    expect(shown).toMatchObject({ signatureScheme: 'v1', publicKey: null });
  });

  it('is a v1a the reference library does not read: with v1a alone, standardwebhooks finds no signature to check', async () => {
    const { Webhook } = createRequire(import.meta.url)('standardwebhooks') as typeof import('standardwebhooks');
    const relation = webhookRelation();
    const name = endpointName('library');
    const subscription = await subscribe({ url: hookUrl(name), events: ['event.recorded'], relations: [relation], signatureScheme: 'v1a' });
    await endpoint(name, { publicKeys: [subscription.publicKey] });
    await record(relation);
    const [entry] = await eventually(() => received(name), (entries) => succeeded(entries).length === 1);
    const headers = { 'webhook-id': entry.webhookId, 'webhook-timestamp': entry.timestamp, 'webhook-signature': entry.signature };
    const anySecret = `whsec_${btoa('a secret that is not the key, thirty-two')}`;
    expect(() => new Webhook(anySecret).verify(JSON.stringify(entry.body), headers)).toThrow('No matching signature found');
  });

  it('rotates with no body at all, with or without a JSON content type, and refuses a scheme it does not know', async () => {
    const subscription = await subscribe({ url: hookUrl(endpointName('bare')), events: ['event.recorded'], relations: [webhookRelation()] });
    const path = `https://relations.test/v1/webhooks/${subscription.id}/rotate-secret`;
    const authorization = 'Bearer test-editor-token';
    for (const headers of [{ authorization }, { authorization, 'content-type': 'application/json' }] as Record<string, string>[]) {
      const response = await SELF.fetch(path, { method: 'POST', headers });
      expect(response.status).toBe(200);
      expect((await response.json<any>()).secret).toMatch(/^whsec_/);
    }
    const wrong = await api('POST', `/v1/webhooks/${subscription.id}/rotate-secret`, { signatureScheme: 'v2' });
    expect(wrong.status).toBe(422);
  });

  it('rotates a v1a key for another, both signing while they overlap', async () => {
    const relation = webhookRelation();
    const name = endpointName('v1a-rotated');
    const subscription = await subscribe({ url: hookUrl(name), events: ['event.recorded'], relations: [relation], signatureScheme: 'v1a' });
    const rotated = await (await api('POST', `/v1/webhooks/${subscription.id}/rotate-secret`)).json<any>();
    expect(rotated.signatureScheme).toBe('v1a');
    expect(rotated.publicKey).not.toBe(subscription.publicKey);
    await endpoint(name, { publicKeys: [subscription.publicKey, rotated.publicKey] });
    await record(relation);
    const [entry] = await eventually(() => received(name), (entries) => succeeded(entries).length === 1);
    expect(entry.verifiedByKey).toEqual([0, 1]);
  });
});
