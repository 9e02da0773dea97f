import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, retryDelaySeconds } from '../src/webhooks/retry-schedule';
import { STANDARD_RETRY_SCHEDULE, webhookSettings } from '../src/webhooks/settings';
import { freshAddress } from './setup/client';
import { api, deliveries, endpoint, endpointName, hookUrl, subscribe, webhookRelation } from './webhooks-helpers';

const valid = () => ({ url: 'https://hooks.example.org/relations', events: ['event.recorded'], relations: [webhookRelation()] });

describe('subscriptions', () => {
  it('are for editors only', async () => {
    const anonymous = await SELF.fetch('https://relations.test/v1/webhooks');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
    const wrong = await SELF.fetch('https://relations.test/v1/webhooks', { headers: { authorization: 'Bearer nope', 'cf-connecting-ip': freshAddress() } });
    expect(wrong.status).toBe(401);
  });

  it('answer the signing secret once, then never again', async () => {
    const created = await subscribe({ ...valid(), types: ['VisitMade'], tags: ['trade'], description: 'newsroom bot' });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const key = atob(created.secret.slice('whsec_'.length));
    expect(key.length).toBeGreaterThanOrEqual(24);
    expect(key.length).toBeLessThanOrEqual(64);
    expect(created).toMatchObject({ enabled: true, disabled: null, types: ['VisitMade'], tags: ['trade'], description: 'newsroom bot' });

    const one = await (await api('GET', `/v1/webhooks/${created.id}`)).json<any>();
    expect(one.secret).toBeUndefined();
    expect(one.url).toBe(created.url);
    const all = await (await api('GET', '/v1/webhooks?limit=200')).json<any>();
    expect(JSON.stringify(all)).not.toContain(created.secret);

    const rotated = await (await api('POST', `/v1/webhooks/${created.id}/rotate-secret`)).json<any>();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect((await (await api('GET', `/v1/webhooks/${created.id}`)).json<any>()).previousSecretExpires).toBe(rotated.previousSecretExpires);
  });

  it('are listed page by page, changed, disabled by an editor, and deleted with their deliveries', async () => {
    const a = await subscribe(valid());
    const b = await subscribe(valid());
    const seen: string[] = [];
    let next: string | null = '/v1/webhooks?limit=1';
    while (next) {
      const page: any = await (await api('GET', next)).json();
      seen.push(...page.webhooks.map((w: any) => w.id));
      next = page.next;
    }
    expect(seen).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(new Set(seen).size).toBe(seen.length);

    const patched = await api('PATCH', `/v1/webhooks/${a.id}`, { url: 'https://other.example.org/x', types: ['AgreementSigned'], enabled: false });
    expect(patched.status).toBe(200);
    const body = await patched.json<any>();
    expect(body).toMatchObject({ url: 'https://other.example.org/x', types: ['AgreementSigned'], enabled: false });
    expect(body.disabled.reason).toBe('disabled by an editor');
    expect(body.events).toEqual(['event.recorded']);
    const unsafe = await api('PATCH', `/v1/webhooks/${a.id}`, { url: 'https://169.254.169.254/latest' });
    expect(unsafe.status).toBe(422);
    expect((await unsafe.json<any>()).errors[0].pointer).toBe('/url');
    const cleared = await (await api('PATCH', `/v1/webhooks/${a.id}`, { types: null, enabled: true })).json<any>();
    expect(cleared).toMatchObject({ types: null, enabled: true, disabled: null });

    expect((await api('DELETE', `/v1/webhooks/${a.id}`)).status).toBe(204);
    expect((await api('GET', `/v1/webhooks/${a.id}`)).status).toBe(404);
    expect((await api('DELETE', `/v1/webhooks/${a.id}`)).status).toBe(404);
    expect((await api('GET', `/v1/webhooks/${a.id}/deliveries`)).status).toBe(404);
  });

  it('refuse invalid fields with problem+json naming each one', async () => {
    const response = await api('POST', '/v1/webhooks', { url: 'https://x.example', events: ['event.deleted'], relations: ['ru-mx'], colour: 'red' });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const pointers = (await response.json<any>()).errors.map((e: any) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/events/0', '/relations/0']));
    expect(pointers.some((p: string) => p.includes('colour') || p === '')).toBe(true);

    const empty = await api('PATCH', `/v1/webhooks/wh_${'0'.repeat(32)}`, {});
    expect(empty.status).toBe(422);
    expect((await api('GET', '/v1/webhooks/not-an-id')).status).toBe(400);
    const id = (await subscribe(valid())).id;
    const status = await api('GET', `/v1/webhooks/${id}/deliveries?status=lost`);
    expect(status.status).toBe(400);
    expect((await status.json<any>()).errors[0].parameter).toBe('status');
    const since = await api('POST', `/v1/webhooks/${id}/recover?since=yesterday`);
    expect(since.status).toBe(400);
    expect((await since.json<any>()).errors[0].parameter).toBe('since');
  });

  it('are documented in /openapi.json', async () => {
    const doc = await (await SELF.fetch('https://relations.test/openapi.json')).json<any>();
    for (const path of ['/v1/webhooks', '/v1/webhooks/{id}', '/v1/webhooks/{id}/rotate-secret', '/v1/webhooks/{id}/test',
      '/v1/webhooks/{id}/deliveries', '/v1/webhooks/{id}/deliveries/{deliveryId}/retry', '/v1/webhooks/{id}/recover']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/v1/webhooks'].post.security).toEqual([{ editorKey: ['webhooks:manage'] }]);
  });
});

describe('the delivery log', () => {
  it('shows each delivery with its attempts, filtered by status; a pending delivery is not retried twice', async () => {
    const name = endpointName('log');
    const subscription = await subscribe({ url: hookUrl(name), events: ['anniversary.today'], relations: [webhookRelation()] });
    await endpoint(name, { secrets: [subscription.secret], script: [{ status: 500 }], fallback: { status: 200 } });
    const test = await api('POST', `/v1/webhooks/${subscription.id}/test`);
    const failed = await test.json<any>();
    expect(failed.status).toBe('pending');
    expect(failed.attempts).toEqual([expect.objectContaining({ statusCode: 500, succeeded: false, error: 'HTTP 500' })]);
    expect(failed.attempts[0].latencyMs).toBeGreaterThanOrEqual(0);
    const retry = await api('POST', `/v1/webhooks/${subscription.id}/deliveries/${failed.id}/retry`);
    expect(retry.status).toBe(409);

    const ok = await (await api('POST', `/v1/webhooks/${subscription.id}/test`)).json<any>();
    expect(ok.status).toBe('succeeded');
    expect(ok.attempts[0].responseBody).toBe('{"received":true}');
    expect((await deliveries(subscription.id, '&status=succeeded')).map((d) => d.id)).toContain(ok.id);
    expect((await deliveries(subscription.id)).map((d) => d.id)).toEqual(expect.arrayContaining([ok.id, failed.id]));
    const missing = await api('POST', `/v1/webhooks/${subscription.id}/deliveries/dlv_${'0'.repeat(32)}/retry`);
    expect(missing.status).toBe(404);
  });
});

describe('the retry schedule', () => {
  it('is the Standard Webhooks schedule by default, jittered by at most 10 %, and ends after the last retry', () => {
    expect(webhookSettings({}).retrySchedule).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(webhookSettings({ WEBHOOK_RETRY_SCHEDULE: '1,2,4,8,16' }).retrySchedule).toEqual([1, 2, 4, 8, 16]);
    expect(webhookSettings({ WEBHOOK_RETRY_SCHEDULE: 'soon' }).retrySchedule).toEqual(STANDARD_RETRY_SCHEDULE);
    STANDARD_RETRY_SCHEDULE.forEach((planned, index) => {
      for (const random of [0, 0.5, 0.999]) {
        const delay = retryDelaySeconds(index + 1, STANDARD_RETRY_SCHEDULE, null, random)!;
        expect(Math.abs(delay - planned)).toBeLessThanOrEqual(Math.ceil(planned * 0.1));
      }
    });
    expect(retryDelaySeconds(8, STANDARD_RETRY_SCHEDULE, null, 0.5)).toBeNull();
  });

  it('waits at least as long as a Retry-After asks, in seconds or as a date', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Mon, 23 Nov 2026 10:10:00 GMT', now)).toBe(600);
    expect(retryAfterSeconds('whenever', now)).toBeNull();
    expect(retryDelaySeconds(1, STANDARD_RETRY_SCHEDULE, 600, 0.5)).toBe(600);
    expect(retryDelaySeconds(2, STANDARD_RETRY_SCHEDULE, 1, 0.5)).toBe(300);
  });
});
