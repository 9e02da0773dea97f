import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../src/index';
import { noted, post } from './setup/client';
import {
  api, changeEndpoint, closedPortUrl, deliveries, endpoint, endpointName, eventually, hookUrl, openClosedPort,
  received, subscribe, succeeded, webhookRelation,
} from './webhooks-helpers';

// vitest.config.mts: WEBHOOK_RETRY_SCHEDULE "1,1,1" (four attempts), WEBHOOK_TIMEOUT_SECONDS "1".
const ATTEMPTS = 4;

async function recordedSubscription(label: string, extra: Record<string, unknown> = {}, answers = {}) {
  const relation = webhookRelation();
  const name = endpointName(label);
  const subscription = await subscribe({ url: hookUrl(name), events: ['event.recorded'], relations: [relation], ...extra });
  await endpoint(name, { secrets: [subscription.secret], ...answers });
  return { relation, name, subscription };
}

async function record(relation: string, events: Record<string, unknown>[]): Promise<string[]> {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status).toBe(201);
  return (await response.json<{ events: { id: string }[] }>()).events.map((event) => event.id);
}

describe('event.recorded', () => {
  it('delivers each appended event, signed as Standard Webhooks and verified by the reference implementation', async () => {
    const { relation, name, subscription } = await recordedSubscription('recorded');
    const ids = await record(relation, [noted({ tags: ['trade'] }), noted()]);

    const arrivals = await eventually(() => received(name), (entries) => succeeded(entries).length === 2);
    for (const entry of arrivals) {
      expect(entry.verifiedBy).toEqual([0]);
      expect(entry.contentType).toBe('application/json');
      expect(entry.webhookId).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(entry.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    }
    const bodies = arrivals.map((entry) => entry.body as any);
    expect(bodies.map((body) => body.type)).toEqual(['event.recorded', 'event.recorded']);
    expect(bodies.map((body) => body.data.event.id).sort()).toEqual([...ids].sort());
    const first = bodies.find((body) => body.data.event.id === ids[0]);
    expect(first.data.relation).toBe(relation);
    expect(first.data.event.version).toBe(1);
    expect(first.data.event.position).toBeGreaterThan(0);
    expect(first.data.event.tags).toEqual(['trade']);
    expect(first.data.links).toEqual({
      event: `https://relations.test/v1/events/${ids[0]}`,
      page: `https://relations.test/${relation}/events/${ids[0]}`,
    });
    expect(Date.parse(first.timestamp)).not.toBeNaN();

    const log = await eventually(() => deliveries(subscription.id), (list) => list.every((d) => d.status === 'succeeded'));
    expect(log).toHaveLength(2);
    expect(log[0].attempts).toHaveLength(1);
    expect(log[0].attempts[0]).toMatchObject({ statusCode: 200, succeeded: true, error: null });
    expect(log[0].attempts[0].responseBody).toContain('received');
    expect(new Set(log.map((d) => d.messageId))).toEqual(new Set(arrivals.map((entry) => entry.webhookId)));
  });

  it('sends only what matches the filters; a correction matches the type of the event it corrects', async () => {
    const { relation, subscription } = await recordedSubscription('filtered', { types: ['RelationsEstablished'] });
    const [, established] = await record(relation, [
      noted(),
      { ...noted(), type: 'RelationsEstablished', occurred: '1890-12-01', data: {} },
    ]);
    const [correction] = await record(relation, [{
      type: 'EventCorrected', headline: 'Corrected the date', source: noted().source,
      data: { eventId: established, reason: 'the source gives another day', changes: { occurred: '1890-12-02' } },
    }]);
    const tagged = await recordedSubscription('tagged', { tags: ['visits', 'trade'] });
    const [visit] = await record(tagged.relation, [noted({ tags: ['visits'] }), noted({ tags: ['culture'] })]);

    const wanted = async (id: string) => (await deliveries(id)).length;
    expect(await wanted(subscription.id)).toBe(2);
    expect(await wanted(tagged.subscription.id)).toBe(1);
    const arrivals = await eventually(() => received(tagged.name), (entries) => succeeded(entries).length === 1);
    expect((arrivals[0].body as any).data.event.id).toBe(visit);
    const log = await deliveries(subscription.id);
    expect(log.map((d) => d.type)).toEqual(['event.recorded', 'event.recorded']);
    const eventIds = await Promise.all(log.map(async (d) => {
      const row = await env.DB.prepare('SELECT body FROM webhook_messages WHERE id = ?').bind(d.messageId).first<{ body: string }>();
      return JSON.parse(row!.body).data.event.id;
    }));
    expect(eventIds.sort()).toEqual([established, correction].sort());
  });

  it('writes the outbox in the append batch: a refused append leaves none, a retried append makes none twice', async () => {
    const { relation, subscription } = await recordedSubscription('atomic');
    const event = { ...noted(), id: crypto.randomUUID() };
    expect((await post(`/v1/relations/${relation}/events`, { events: [event] })).status).toBe(201);
    expect((await post(`/v1/relations/${relation}/events`, { events: [event] })).status).toBe(200);
    const stale = await post(`/v1/relations/${relation}/events`, { expectedVersion: 0, events: [noted()] });
    expect(stale.status).toBe(409);
    // The batch fails at its second event, after the first event's outbox rows: nothing of it stays.
    const first = { ...noted(), id: crypto.randomUUID() };
    const clash = await post(`/v1/relations/${relation}/events`, { events: [first, { ...noted(), id: event.id }] });
    expect(clash.status).toBe(409);
    expect((await api('GET', `/v1/events/${first.id}`)).status).toBe(404);
    const log = await deliveries(subscription.id);
    expect(log).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('after a run of failures and a recovery, every message arrives, each webhook-id once as a success', async () => {
    // Every message meets a 500, a timeout and a 503 with Retry-After before its fourth (last) attempt succeeds.
    const { relation, name, subscription } = await recordedSubscription('flaky', {}, {
      perMessage: [{ status: 500 }, { status: 200, delayMs: 2500 }, { status: 503, headers: { 'retry-after': '1' } }],
    });
    const ids = await record(relation, [noted(), noted(), noted(), noted(), noted()]);

    const log = await eventually(() => deliveries(subscription.id), (list) => list.length === 5 && list.every((d) => d.status === 'succeeded'), 60_000);
    const entries = await received(name);
    const successes = succeeded(entries);
    expect(successes.map((entry) => entry.webhookId).sort()).toEqual(log.map((d) => d.messageId).sort());
    expect(new Set(successes.map((entry) => entry.webhookId)).size).toBe(5);
    expect(successes.map((entry) => (entry.body as any).data.event.id).sort()).toEqual([...ids].sort());
    for (const delivery of log) {
      expect(delivery.attempts.map((a: any) => a.statusCode)).toEqual([500, null, 503, 200]);
      expect(delivery.attempts[1].error).toMatch(/no answer within 1 s/);
      // The same webhook-id on every attempt, so the receiver can tell a retry from a new message.
      expect(entries.filter((entry) => entry.webhookId === delivery.messageId)).toHaveLength(ATTEMPTS);
    }
  }, 90_000);

  it('keeps trying a receiver whose port is closed, and delivers once it is back', async () => {
    const relation = webhookRelation();
    const name = endpointName('closed');
    const subscription = await subscribe({ url: closedPortUrl(name), events: ['event.recorded'], relations: [relation] });
    await endpoint(name, { secrets: [subscription.secret] });
    await record(relation, [noted()]);
    try {
      const failing = await eventually(() => deliveries(subscription.id), (list) => list[0]?.attempts.length >= 1);
      expect(failing[0].attempts[0]).toMatchObject({ statusCode: null, succeeded: false });
      expect(failing[0].attempts[0].error).toMatch(/could not connect/);
      await openClosedPort(true);
      const log = await eventually(() => deliveries(subscription.id), (list) => list[0].status === 'succeeded');
      expect(succeeded(await received(name)).map((entry) => entry.webhookId)).toEqual([log[0].messageId]);
    } finally {
      await openClosedPort(false);
    }
  }, 60_000);

  it('gives up after the last attempt, dead-letters the delivery, and sends it again on request', async () => {
    const { relation, name, subscription } = await recordedSubscription('dead', {}, { fallback: { status: 500 } });
    await record(relation, [noted()]);
    const [dead] = await eventually(() => deliveries(subscription.id), (list) => list[0]?.status === 'failed', 60_000);
    expect(dead.attempts).toHaveLength(ATTEMPTS);
    expect(dead.deadLetteredAt).not.toBeNull();
    expect(dead.failure).toMatch(/gave up after 4 attempts/);
    expect((await deliveries(subscription.id, '&status=failed')).map((d) => d.id)).toEqual([dead.id]);
    expect(await deliveries(subscription.id, '&status=succeeded')).toEqual([]);

    await changeEndpoint(name, { fallback: { status: 204 } });
    const retried = await api('POST', `/v1/webhooks/${subscription.id}/deliveries/${dead.id}/retry`);
    expect(retried.status).toBe(202);
    const [again] = await eventually(() => deliveries(subscription.id), (list) => list[0].status === 'succeeded');
    expect(again.attempts.at(-1).statusCode).toBe(204);
    const entries = await received(name);
    expect(entries.every((entry) => entry.webhookId === dead.messageId)).toBe(true);
    expect(succeeded(entries)).toHaveLength(1);
  }, 90_000);

  it('disables the subscription at once on 410 Gone, and recovers what failed once it is enabled again', async () => {
    const { relation, name, subscription } = await recordedSubscription('gone', {}, { fallback: { status: 410 } });
    await record(relation, [noted()]);
    const gone = await eventually(
      async () => (await api('GET', `/v1/webhooks/${subscription.id}`)).json<any>(),
      (body) => body.enabled === false,
    );
    expect(gone.disabled.reason).toMatch(/410 Gone/);
    const [first] = await eventually(() => deliveries(subscription.id), (list) => list[0]?.status === 'failed');
    expect(first.attempts).toHaveLength(1);

    // A disabled subscription gets no new messages.
    await record(relation, [noted()]);
    expect(await deliveries(subscription.id)).toHaveLength(1);

    await changeEndpoint(name, { fallback: { status: 200 } });
    const since = new Date(Date.now() - 60_000).toISOString();
    expect((await api('POST', `/v1/webhooks/${subscription.id}/recover?since=${since}`)).status).toBe(409);
    const enabled = await api('PATCH', `/v1/webhooks/${subscription.id}`, { enabled: true });
    expect((await enabled.json<any>()).disabled).toBeNull();
    const recover = await api('POST', `/v1/webhooks/${subscription.id}/recover?since=${since}`);
    expect(recover.status).toBe(202);
    expect((await recover.json<any>()).recovered).toBe(1);
    await eventually(() => deliveries(subscription.id), (list) => list[0].status === 'succeeded');
    expect(succeeded(await received(name)).map((entry) => entry.webhookId)).toEqual([first.messageId]);
  }, 60_000);

  it('marks as failed what the queue itself gave up on and sent to the dead-letter queue', async () => {
    const { subscription } = await recordedSubscription('queue-gave-up', {}, { fallback: { status: 500 } });
    // A delivery the consumer never finished (it kept failing before recording anything).
    const now = new Date().toISOString();
    const messageId = `msg_${crypto.randomUUID().replaceAll('-', '')}`;
    const deliveryId = `dlv_${crypto.randomUUID().replaceAll('-', '')}`;
    await env.DB.batch([
      env.DB.prepare("INSERT INTO webhook_messages (id, type, body, created) VALUES (?, 'webhook.test', '{}', ?)").bind(messageId, now),
      env.DB.prepare(
        `INSERT INTO webhook_deliveries (id, subscription_id, message_id, dedupe_key, status, next_attempt_at, created)
         VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
      ).bind(deliveryId, subscription.id, messageId, `webhook.test:${messageId}`, '9999-01-01T00:00:00.000Z', now),
    ]);
    const batch = createMessageBatch('relations-webhook-dead-letters', [
      { id: 'dead-1', timestamp: new Date(), attempts: 1, body: { deliveryId } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch as never, env, ctx);
    expect((await getQueueResult(batch, ctx)).ackAll).toBe(true);
    const [delivery] = await deliveries(subscription.id);
    expect(delivery).toMatchObject({ id: deliveryId, status: 'failed', failure: 'the queue gave up on it' });
    expect(delivery.deadLetteredAt).not.toBeNull();
  });

  it('tells the queues apart by the names wrangler.toml gives them, and refuses a batch from a queue it does not consume', async () => {
    const batch = createMessageBatch('relations-webhook-dead-letters-old', [
      { id: 'stray-1', timestamp: new Date(), attempts: 1, body: { deliveryId: 'dlv_00000000000000000000000000000000' } },
    ]);
    await expect(worker.queue(batch as never, env, createExecutionContext())).rejects.toThrow(/no consumer for the queue relations-webhook-dead-letters-old/);
  });

  it('sends no test message to a disabled subscription', async () => {
    const { subscription } = await recordedSubscription('disabled-test');
    await api('PATCH', `/v1/webhooks/${subscription.id}`, { enabled: false });
    const response = await api('POST', `/v1/webhooks/${subscription.id}/test`);
    expect(response.status).toBe(409);
    expect((await response.json<any>()).detail).toMatch(/disabled by an editor/);
    expect(await deliveries(subscription.id)).toEqual([]);
  });

  it('disables a subscription after five days of nothing but failures', async () => {
    const { relation, subscription } = await recordedSubscription('failing', {}, { fallback: { status: 500 } });
    // Five days cannot pass in a test: the run of failures is made to have begun six days ago.
    const sixDaysAgo = new Date(Date.now() - 6 * 24 * 3600 * 1000).toISOString();
    await env.DB.prepare('UPDATE webhook_subscriptions SET failing_since = ? WHERE id = ?').bind(sixDaysAgo, subscription.id).run();
    await record(relation, [noted()]);
    const disabled = await eventually(
      async () => (await api('GET', `/v1/webhooks/${subscription.id}`)).json<any>(),
      (body) => body.enabled === false,
    );
    expect(disabled.failingSince).toBe(sixDaysAgo);
    expect(disabled.disabled.reason).toMatch(/5 days/);
  }, 30_000);

  it('does not follow redirects: a 3xx is a failed attempt', async () => {
    const { name, subscription } = await recordedSubscription('redirect', {}, {
      fallback: { status: 302, headers: { location: hookUrl('elsewhere') } },
    });
    const response = await api('POST', `/v1/webhooks/${subscription.id}/test`);
    expect(response.status).toBe(200);
    const delivery = await response.json<any>();
    expect(delivery.type).toBe('webhook.test');
    expect(delivery.attempts[0]).toMatchObject({ statusCode: 302, succeeded: false });
    expect(delivery.attempts[0].error).toMatch(/redirect to .*elsewhere not followed/);
    expect(await received('elsewhere')).toEqual([]);
    expect((await received(name)).length).toBeGreaterThanOrEqual(1);
  });
});

describe('secret rotation', () => {
  it('signs with both secrets for the overlap, each verifying on its own', async () => {
    const { name, subscription } = await recordedSubscription('rotated');
    const rotated = await api('POST', `/v1/webhooks/${subscription.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const { secret, previousSecretExpires } = await rotated.json<any>();
    expect(secret).not.toBe(subscription.secret);
    expect(Date.parse(previousSecretExpires) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    await changeEndpoint(name, { secrets: [subscription.secret, secret] });

    const test = await api('POST', `/v1/webhooks/${subscription.id}/test`);
    const delivery = await test.json<any>();
    expect(delivery.attempts[0]).toMatchObject({ statusCode: 200, succeeded: true });
    const [entry] = await received(name);
    expect(entry.signature.split(' ')).toHaveLength(2);
    expect(entry.verifiedBy).toEqual([0, 1]);
    expect((entry.body as any).type).toBe('webhook.test');

    // Once the overlap is over, only the new secret signs.
    await env.DB.prepare('UPDATE webhook_subscriptions SET previous_secret_expires = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), subscription.id).run();
    await api('POST', `/v1/webhooks/${subscription.id}/test`);
    const [, later] = await received(name);
    expect(later.signature.split(' ')).toHaveLength(1);
    expect(later.verifiedBy).toEqual([1]);
  });
});
