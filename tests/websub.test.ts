import { SELF, env } from 'cloudflare:test';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { keyringOf, sealSecret } from '../src/webhooks/sealed-secrets';
import { freshRelation, get, noted, post } from './setup/client';
import type { Distribution, Intent, Verification, VerificationAnswer } from './setup/websub-subscriber';
import { eventually } from './webhooks-helpers';

/**
 * The hub of the service's own feeds and pages (WebSub, W3C Recommendation), against a subscriber written from
 * the spec (tests/setup/websub-subscriber.ts): discovery, the verification of intent, the lease, the signature
 * and each content distribution; and the rules: an unverifiable callback is never subscribed, an unsubscribe
 * needs its own verification, and hub.topic must be a feed or page of this service.
 */

const ORIGIN = 'https://relations.test';
const HUB = `${ORIGIN}/v1/websub`;
const { port } = inject('websubSubscriber');
const control = `http://127.0.0.1:${port}/_control/callbacks`;
let counter = 0;

interface Subscriber {
  name: string;
  callback: string;
  verifications: () => Promise<Verification[]>;
  distributions: () => Promise<Distribution[]>;
  set: (state: { intent?: Intent | null; secret?: string | null; answer?: VerificationAnswer; script?: number[] }) => Promise<void>;
}

async function subscriber(state: { intent?: Intent | null; secret?: string | null; answer?: VerificationAnswer } = {}): Promise<Subscriber> {
  counter += 1;
  const name = `cb-${counter}-${crypto.randomUUID().slice(0, 8)}`;
  const read = async () => (await fetch(`${control}/${name}`)).json<{ verifications: Verification[]; distributions: Distribution[] }>();
  const self: Subscriber = {
    name,
    // A capability URL with a query of its own: the hub keeps it and appends its parameters (§5.1.1).
    callback: `http://127.0.0.1:${port}/callbacks/${name}?own=${name}`,
    verifications: async () => (await read()).verifications,
    distributions: async () => (await read()).distributions,
    set: async (changes) => {
      await fetch(`${control}/${name}`, { method: 'PATCH', body: JSON.stringify(changes) });
    },
  };
  await fetch(`${control}/${name}`, { method: 'PUT', body: JSON.stringify(state) });
  return self;
}

function hubRequest(fields: Record<string, string>): Promise<Response> {
  return SELF.fetch(HUB, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

async function record(relation: string, events: Record<string, unknown>[]): Promise<string[]> {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status).toBe(201);
  return (await response.json<{ events: { id: string }[] }>()).events.map((event) => event.id);
}

/** Subscribes through the hub, as the callback intends, and waits until its verification has been answered. */
async function subscribed(topic: string, extra: Record<string, string> = {}, state: { secret?: string | null } = {}) {
  const callback = await subscriber({ intent: { mode: 'subscribe', topic }, ...state });
  const response = await hubRequest({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.callback': callback.callback, ...extra });
  expect(response.status, await response.clone().text()).toBe(202);
  await verified(callback, 1);
  return { callback, accepted: await response.json<{ topic: string; leaseSeconds: number }>() };
}

async function verified(callback: Subscriber, count: number): Promise<Verification[]> {
  const verifications = await eventually(callback.verifications, (list) => list.length >= count);
  // The hub records the answer just after it: wait for its record too.
  await eventually(
    () => env.DB.prepare("SELECT COUNT(*) AS n FROM websub_verifications WHERE callback = ?1 AND status <> 'pending'").bind(callback.callback).first<{ n: number }>(),
    (row) => (row?.n ?? 0) >= count,
  );
  return verifications;
}

async function subscriptionRow(callback: Subscriber) {
  return env.DB.prepare('SELECT topic, lease_seconds, expires FROM websub_subscriptions WHERE callback = ?1').bind(callback.callback)
    .first<{ topic: string; lease_seconds: number; expires: string }>();
}

/** Gives the queue time to deliver anything it was going to. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const asList = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

describe('discovery', () => {
  it('every feed names its hub and its canonical self: in the Link header, in Atom and RSS as links, in JSON Feed as hubs', async () => {
    const relation = freshRelation();
    await record(relation, [noted({ tags: ['trade'] })]);
    const feed = `/v1/relations/${relation}/feed`;
    // Filters in any order; the self link has them in one.
    const self = `${ORIGIN}${feed}.atom?type=EventNoted&tag=trade`;
    const atom = await get(`${feed}.atom?tag=trade&type=EventNoted`);
    expect(atom.headers.get('link')).toBe(`<${HUB}>; rel="hub", <${self}>; rel="self"`);
    const atomLinks = asList(xml.parse(await atom.text()).feed.link) as { rel: string; href: string }[];
    expect(atomLinks.find((link) => link.rel === 'hub')?.href).toBe(HUB);
    expect(atomLinks.find((link) => link.rel === 'self')?.href).toBe(self);

    const rss = await get(`${feed}.xml`);
    expect(rss.headers.get('link')).toBe(`<${HUB}>; rel="hub", <${ORIGIN}${feed}.xml>; rel="self"`);
    const rssLinks = asList(xml.parse(await rss.text()).rss.channel['atom:link']) as { rel: string; href: string }[];
    expect(rssLinks.filter((link) => ['hub', 'self'].includes(link.rel)).map((link) => [link.rel, link.href])).toEqual([
      ['self', `${ORIGIN}${feed}.xml`], ['hub', HUB],
    ]);

    const json = await (await get(`${feed}.json`)).json<{ hubs: unknown; feed_url: string }>();
    expect(json.hubs).toEqual([{ type: 'WebSub', url: HUB }]);
  });

  it('the pages that change with the log name it in their Link header; an archive page and a page as of a day do not', async () => {
    const relation = freshRelation();
    await record(relation, Array.from({ length: 50 }, () => noted()));
    expect((await get('/')).headers.get('link')).toBe(`<${HUB}>; rel="hub", <${ORIGIN}/>; rel="self"`);
    expect((await get(`/${relation}`)).headers.get('link')).toBe(`<${HUB}>; rel="hub", <${ORIGIN}/${relation}>; rel="self"`);
    expect((await get(`/${relation}?asOf=2000-01-01`)).headers.get('link')).toBeNull();
    const archive = await get(`/v1/relations/${relation}/feed.atom?page=1`);
    expect(archive.headers.get('link')).toBeNull();
    expect(await archive.text()).not.toContain('rel="hub"');
  });
});

describe('subscribing', () => {
  it('verifies intent with a GET challenge, keeping the callback query, then distributes each change, signed with hub.secret', async () => {
    const relation = freshRelation();
    await record(relation, [noted({ headline: 'Before the subscription' })]);
    const topic = `${ORIGIN}/v1/relations/${relation}/feed.atom`;
    const { callback, accepted } = await subscribed(topic, { 'hub.secret': 'a secret of the subscriber', 'hub.lease_seconds': '600' }, { secret: 'a secret of the subscriber' });
    expect(accepted).toMatchObject({ topic, leaseSeconds: 600 });
    const [verification] = await callback.verifications();
    expect(verification).toMatchObject({ mode: 'subscribe', topic, leaseSeconds: '600', own: callback.name, answered: 200 });
    expect(verification.challenge).toMatch(/^[0-9a-f]{64}$/);
    const row = await subscriptionRow(callback);
    expect(row).toMatchObject({ topic, lease_seconds: 600 });
    // The secret is kept sealed, as webhook secrets are.
    const stored = await env.DB.prepare('SELECT secret FROM websub_subscriptions WHERE callback = ?1').bind(callback.callback).first<{ secret: string }>();
    expect(stored!.secret).toMatch(/^sealed:v1:/);

    const [first] = await record(relation, [noted({ headline: 'The first change' })]);
    const [one] = await eventually(callback.distributions, (list) => list.length === 1);
    expect(one.contentType).toBe('application/atom+xml; charset=utf-8');
    expect(one.link).toBe(`<${HUB}>; rel="hub", <${topic}>; rel="self"`);
    expect(one.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(one.signatureValid).toBe(true);
    // The full content of the topic as it is now (§7): the feed with the new entry and the old.
    const entries = asList(xml.parse(one.body).feed.entry) as { id: string }[];
    expect(entries.map((entry) => entry.id)).toContain(`urn:uuid:${first}`);
    expect(entries).toHaveLength(2);

    const [second] = await record(relation, [noted({ headline: 'The second change' })]);
    const distributions = await eventually(callback.distributions, (list) => list.length === 2);
    expect(distributions[1].body).toContain(`urn:uuid:${second}`);
    expect(distributions.every((entry) => entry.signatureValid)).toBe(true);
  });

  it('grants the lease within its bounds, and ends the subscription when it is over', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    const topic = `${ORIGIN}/v1/relations/${relation}/feed.json`;
    // vitest.config.mts: WEBSUB_LEASE_SECONDS 1,3600,86400.
    const unasked = await subscribed(topic);
    expect((await unasked.callback.verifications())[0].leaseSeconds).toBe('3600');
    const long = await subscribed(topic, { 'hub.lease_seconds': '999999999' });
    expect((await long.callback.verifications())[0].leaseSeconds).toBe('86400');

    const short = await subscribed(topic, { 'hub.lease_seconds': '2' });
    expect((await short.callback.verifications())[0].leaseSeconds).toBe('2');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await record(relation, [noted()]);
    await eventually(unasked.callback.distributions, (list) => list.length === 1);
    await settle();
    expect(await short.callback.distributions()).toEqual([]);
    const content = (await unasked.callback.distributions())[0];
    expect(content.contentType).toBe('application/feed+json; charset=utf-8');
    expect(JSON.parse(content.body).hubs).toEqual([{ type: 'WebSub', url: HUB }]);
  });

  it('never subscribes a callback that does not confirm: one that refuses, echoes another challenge or fails', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    const topic = `${ORIGIN}/v1/relations/${relation}/feed.xml`;
    const refusing = await subscriber({ intent: null });
    const wrong = await subscriber({ intent: { mode: 'subscribe', topic }, answer: 'wrong-challenge' });
    const failing = await subscriber({ intent: { mode: 'subscribe', topic }, answer: 'server-error' });
    const unreachable = `http://127.0.0.1:${inject('receiver').closedPort}/callback`;
    for (const callback of [refusing.callback, wrong.callback, failing.callback, unreachable]) {
      expect((await hubRequest({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.callback': callback })).status).toBe(202);
    }
    for (const callback of [refusing, wrong, failing]) await verified(callback, 1);
    const failures = await eventually(
      async () => (await env.DB.prepare("SELECT callback, failure FROM websub_verifications WHERE topic = ?1 AND status = 'failed'").bind(topic).all<{ callback: string; failure: string }>()).results,
      (rows) => rows.length === 4,
    );
    expect(Object.fromEntries(failures.map((row) => [row.callback, row.failure]))).toEqual({
      [refusing.callback]: 'the callback answered 404',
      [wrong.callback]: 'the callback answered 200 without echoing hub.challenge',
      [failing.callback]: 'the callback answered 500',
      [unreachable]: expect.stringMatching(/^could not connect/),
    });
    const { results } = await env.DB.prepare('SELECT id FROM websub_subscriptions WHERE topic = ?1').bind(topic).all();
    expect(results).toEqual([]);
    await record(relation, [noted()]);
    await settle();
    for (const callback of [refusing, wrong, failing]) expect(await callback.distributions()).toEqual([]);
  });

  it('renews a subscription that asks again, with its new lease and its new secret, or none', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    const topic = `${ORIGIN}/${relation}`;
    const { callback } = await subscribed(topic, { 'hub.secret': 'first secret', 'hub.lease_seconds': '100' }, { secret: 'first secret' });
    const before = await subscriptionRow(callback);
    await callback.set({ secret: 'second secret' });
    expect((await hubRequest({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.callback': callback.callback, 'hub.secret': 'second secret', 'hub.lease_seconds': '200' })).status).toBe(202);
    await verified(callback, 2);
    const after = await subscriptionRow(callback);
    expect(after!.lease_seconds).toBe(200);
    expect(after!.expires > before!.expires).toBe(true);
    // One subscription for the pair, distributing the page (a topic too), signed with the new secret.
    const { results } = await env.DB.prepare('SELECT id FROM websub_subscriptions WHERE topic = ?1').bind(topic).all();
    expect(results).toHaveLength(1);
    const [id] = await record(relation, [noted({ headline: 'Shown on the page' })]);
    const [page] = await eventually(callback.distributions, (list) => list.length === 1);
    expect(page.contentType).toBe('text/html; charset=UTF-8');
    expect(page.body).toContain('Shown on the page');
    expect(page.body).toContain(id);
    expect(page.signatureValid).toBe(true);
  });
});

describe('the secret at rest', () => {
  it('is resealed with the webhook secrets when WEBHOOK_SECRET_KEY changes, and still signs', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    const { callback } = await subscribed(`${ORIGIN}/v1/relations/${relation}/feed.xml`, { 'hub.secret': 'kept sealed' }, { secret: 'kept sealed' });
    const { id } = (await env.DB.prepare('SELECT id FROM websub_subscriptions WHERE callback = ?1').bind(callback.callback).first<{ id: string }>())!;
    // As if sealed before the key was rotated: under the key now in WEBHOOK_SECRET_KEY_PREVIOUS.
    const old = await keyringOf({ WEBHOOK_SECRET_KEY: env.WEBHOOK_SECRET_KEY_PREVIOUS });
    await env.DB.prepare('UPDATE websub_subscriptions SET secret = ?2 WHERE id = ?1').bind(id, await sealSecret(old, id, 'kept sealed')).run();
    const resealed = await post('/v1/admin/webhook-secrets/reseal', {});
    expect(resealed.status).toBe(200);
    expect((await resealed.json<{ unreadable: { id: string }[] }>()).unreadable.map((entry) => entry.id)).not.toContain(id);
    const current = (await keyringOf(env)).current!.id;
    const row = await env.DB.prepare('SELECT secret FROM websub_subscriptions WHERE id = ?1').bind(id).first<{ secret: string }>();
    expect(row!.secret.startsWith(`sealed:v1:${current}:`)).toBe(true);
    // The request's record no longer holds it.
    const { results } = await env.DB.prepare('SELECT secret FROM websub_verifications WHERE callback = ?1').bind(callback.callback).all();
    expect(results).toEqual([{ secret: null }]);
    await record(relation, [noted()]);
    const [one] = await eventually(callback.distributions, (list) => list.length === 1);
    expect(one.signatureValid).toBe(true);
  });
});

describe('unsubscribing', () => {
  it('needs its own verification: one the callback does not confirm changes nothing, one it confirms ends the distributions', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    const topic = `${ORIGIN}/feed.atom`;
    const { callback } = await subscribed(topic);
    // Someone else asks to unsubscribe it: the callback, still wanting it, does not confirm.
    expect((await hubRequest({ 'hub.mode': 'unsubscribe', 'hub.topic': topic, 'hub.callback': callback.callback })).status).toBe(202);
    const [, attempt] = await verified(callback, 2);
    expect(attempt).toMatchObject({ mode: 'unsubscribe', topic, leaseSeconds: null, answered: 404 });
    expect(await subscriptionRow(callback)).not.toBeNull();
    await record(relation, [noted()]);
    await eventually(callback.distributions, (list) => list.length === 1);

    // Now it means to.
    await callback.set({ intent: { mode: 'unsubscribe', topic } });
    expect((await hubRequest({ 'hub.mode': 'unsubscribe', 'hub.topic': topic, 'hub.callback': callback.callback })).status).toBe(202);
    const [, , confirmed] = await verified(callback, 3);
    expect(confirmed.answered).toBe(200);
    expect(await subscriptionRow(callback)).toBeNull();
    await record(relation, [noted()]);
    await settle();
    expect(await callback.distributions()).toHaveLength(1);
  });
});

describe('distributing', () => {
  it('sends a filtered feed only what changes it: its tag, and a correction of one of its entries', async () => {
    const relation = freshRelation();
    const [trade] = await record(relation, [noted({ tags: ['trade'] })]);
    const topic = `${ORIGIN}/v1/relations/${relation}/feed.json?tag=trade`;
    const { callback } = await subscribed(topic);
    await record(relation, [noted({ tags: ['culture'] })]);
    await settle();
    expect(await callback.distributions()).toEqual([]);
    const [correction] = await record(relation, [{
      type: 'EventCorrected', headline: 'Corrected', source: noted().source, data: { eventId: trade, reason: 'a typo', changes: { headline: 'Trade, corrected' } },
    }]);
    const [one] = await eventually(callback.distributions, (list) => list.length === 1);
    expect(JSON.parse(one.body).items.map((item: { id: string }) => item.id)).toContain(`urn:uuid:${correction}`);
  });

  it('makes one distribution of an append of many events, written in the append batch', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    const { callback } = await subscribed(`${ORIGIN}/v1/relations/${relation}/feed.atom`);
    const ids = await record(relation, [noted(), noted(), noted()]);
    const { results } = await env.DB.prepare(
      `SELECT d.dedupe_key FROM webhook_deliveries d JOIN websub_subscriptions w ON w.id = d.subscription_id WHERE w.callback = ?1`,
    ).bind(callback.callback).all<{ dedupe_key: string }>();
    expect(results.map((row) => row.dedupe_key)).toEqual([`websub:${ids[0]}`]);
    const [one] = await eventually(callback.distributions, (list) => list.length === 1);
    for (const id of ids) expect(one.body).toContain(`urn:uuid:${id}`);
    await settle();
    expect(await callback.distributions()).toHaveLength(1);
  });

  it('retries a failed distribution as a webhook is retried, and ends the subscription on 410 Gone', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    const { callback } = await subscribed(`${ORIGIN}/v1/relations/${relation}/feed.atom`);
    await callback.set({ script: [500, 200] });
    await record(relation, [noted()]);
    const tries = await eventually(callback.distributions, (list) => list.length === 2);
    expect(tries.map((entry) => entry.answered)).toEqual([500, 200]);
    expect(tries[1].body).toBe(tries[0].body);

    await callback.set({ script: [410] });
    await record(relation, [noted()]);
    await eventually(callback.distributions, (list) => list.length === 3);
    await eventually(() => subscriptionRow(callback), (row) => row === null);
  });
});

describe('the hub refuses', () => {
  it('a topic that is not a feed or page of this service, a callback it would not call, and a secret or lease out of bounds, naming each', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    const callback = (await subscriber()).callback;
    const ask = (fields: Record<string, string>) => hubRequest({ 'hub.mode': 'subscribe', 'hub.callback': callback, 'hub.topic': `${ORIGIN}/feed.atom`, ...fields });
    const refused = async (fields: Record<string, string>) => {
      const response = await ask(fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      const problem = await response.json<{ errors: { parameter: string; detail: string }[] }>();
      return problem.errors.map((error) => `${error.parameter}: ${error.detail}`)[0];
    };
    expect(await refused({ 'hub.topic': 'https://elsewhere.example/feed.atom' })).toMatch(/^hub.topic: not a topic of this hub/);
    expect(await refused({ 'hub.topic': `${ORIGIN}/v1/relations` })).toMatch(/^hub.topic: not a feed or page of this service/);
    expect(await refused({ 'hub.topic': `${ORIGIN}/v1/relations/${relation}/feed.atom?page=1` })).toMatch(/^hub.topic: an archive page is not a topic/);
    expect(await refused({ 'hub.topic': `${ORIGIN}/feed.atom?utm_source=x` })).toMatch(/^hub.topic: a feed takes no parameter utm_source/);
    expect(await refused({ 'hub.topic': `${ORIGIN}/feed.atom?type=Guessed` })).toMatch(/^hub.topic: not a feed of this service: type/);
    expect(await refused({ 'hub.topic': `${ORIGIN}/v1/relations/${freshRelation()}/feed.atom` })).toMatch(/^hub.topic: no events have been recorded/);
    expect(await refused({ 'hub.topic': `${ORIGIN}/${relation}?asOf=2000-01-01` })).toMatch(/^hub.topic: a page is a topic without a query/);
    expect(await refused({ 'hub.callback': 'https://10.0.0.7/callback' })).toBe('hub.callback: 10.0.0.7 is in a private address range');
    expect(await refused({ 'hub.callback': 'https://metadata/callback' })).toMatch(/^hub.callback: metadata is a name of the local network/);
    expect(await refused({ 'hub.secret': 'x'.repeat(200) })).toBe('hub.secret: a secret is 1 to 199 bytes');
    expect(await refused({ 'hub.lease_seconds': 'forever' })).toMatch(/^hub.lease_seconds:/);
    expect(await refused({ 'hub.mode': 'publish' })).toMatch(/^hub.mode:/);
    const notForm = await SELF.fetch(HUB, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(notForm.status).toBe(415);
    const { results } = await env.DB.prepare('SELECT id FROM websub_verifications WHERE callback = ?1').bind(callback).all();
    expect(results).toEqual([]);
  });
});
