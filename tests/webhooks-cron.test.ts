import { createScheduledController, env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../src/index';
import { webhookSettings } from '../src/webhooks/settings';
import { TOKEN } from './setup/client';
import {
  api, deliveries, endpoint, endpointName, eventually, hookUrl, received, subscribe, succeeded, webhookRelation,
} from './webhooks-helpers';

interface Fixture {
  relation: string;
  events: { id: string; type: string; occurred: string }[];
}

const fixtures = Object.values(import.meta.glob<Fixture>('../fixtures/*.json', { eager: true, import: 'default' }));
const HOUR = webhookSettings(env).anniversaryHour;

/** Records the seed fixtures through the API; events already in the log (another file loads them too) are a no-op. */
async function loadFixtures() {
  for (const { relation, events } of fixtures) {
    for (let start = 0; start < events.length; start += 100) {
      await postEvents(relation, events.slice(start, start + 100));
    }
  }
}

async function postEvents(relation: string, events: unknown[]): Promise<void> {
  const response = await SELF.fetch(`https://relations.test/v1/relations/${relation}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (response.status === 409 && events.length > 1) {
    for (const event of events) await postEvents(relation, [event]);
    return;
  }
  expect([200, 201], await response.text()).toContain(response.status);
}

/** Fires the Worker's cron as Cloudflare would at this instant. */
async function cron(at: Date): Promise<void> {
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '*/5 * * * *' }), env);
}

const at = (year: number, month: number, day: number, hour = HOUR, minute = 0) => new Date(Date.UTC(year, month - 1, day, hour, minute));

async function anniversarySubscription(label: string) {
  const name = endpointName(label);
  const subscription = await subscribe({ url: hookUrl(name), events: ['anniversary.today'], relations: ['mx-ru'] });
  await endpoint(name, { secrets: [subscription.secret] });
  return { name, subscription };
}

beforeAll(loadFixtures, 60_000);

describe('anniversary.today', () => {
  it('delivers on 1 December the establishment of relations in 1890, with the years since, once however often the cron fires', async () => {
    const { name, subscription } = await anniversarySubscription('december');
    await cron(at(2026, 12, 1));
    await cron(at(2026, 12, 1, HOUR, 5));

    const [message] = await eventually(() => received(name), (entries) => succeeded(entries).length === 1);
    expect(message.verifiedBy).toEqual([0]);
    const body = message.body as any;
    expect(body.type).toBe('anniversary.today');
    expect(body.data.day).toBe('2026-12-01');
    const established = body.data.anniversaries.find((a: any) => a.type === 'RelationsEstablished');
    expect(established).toMatchObject({
      relation: 'mx-ru',
      date: '1890-12-01',
      yearsAgo: 2026 - 1890,
      headline: expect.stringMatching(/established diplomatic relations/),
    });
    expect(established.citation.title).toBeTruthy();
    // Every link absolute, under the origin that took the subscription; the fact's page for people beside its JSON.
    expect(established.links).toEqual({
      event: `https://relations.test/v1/events/${established.id}`,
      page: `https://relations.test/mx-ru/events/${established.id}`,
    });
    expect(established.dateInWords).toBe('1 December 1890');
    expect(body.data.february29).toMatchObject({ rule: 'feb28', applied: false });
    expect(body.data.anniversaries.every((a: any) => /^\d{4}-12-01$/.test(a.date))).toBe(true);

    expect(await deliveries(subscription.id)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await received(name)).toHaveLength(1);
  }, 30_000);

  it('sends nothing on a day with only month-precision events, and nothing outside the configured hour', async () => {
    const mxRu = fixtures.filter((fixture) => fixture.relation === 'mx-ru').flatMap((fixture) => fixture.events);
    const daysWithEvents = new Set(mxRu.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.occurred)).map((e) => e.occurred.slice(5)));
    const monthOnly = mxRu.find((e) => /^\d{4}-\d{2}$/.test(e.occurred) && ![...daysWithEvents].some((d) => d.startsWith(e.occurred.slice(5))));
    expect(monthOnly, 'a month of the fixtures with month-precision events only').toBeDefined();
    const month = Number(monthOnly!.occurred.slice(5, 7));
    const { name, subscription } = await anniversarySubscription('month-only');

    await cron(at(2026, month, 15));
    expect(await deliveries(subscription.id)).toEqual([]);
    await cron(at(2026, 12, 1, (HOUR + 1) % 24));
    expect(await deliveries(subscription.id)).toEqual([]);

    // The same subscription does hear about a day with a day-precision anniversary.
    await cron(at(2026, 12, 1));
    await eventually(() => received(name), (entries) => succeeded(entries).length === 1);
    expect((await deliveries(subscription.id)).map((d) => d.type)).toEqual(['anniversary.today']);
  }, 30_000);

  it("carries the texts in the subscription's language, and links that language's pages", async () => {
    const name = endpointName('in-russian');
    const subscription = await subscribe({
      url: hookUrl(name), events: ['anniversary.today'], relations: ['mx-ru'], anniversary: { language: 'ru' },
    });
    expect(subscription.anniversary.language).toBe('ru');
    await endpoint(name, { secrets: [subscription.secret] });
    await cron(at(2026, 12, 1));

    const [message] = await eventually(() => received(name), (entries) => succeeded(entries).length === 1);
    expect((message.body as any).data.february29.description).toMatch(/^в невисокосный год/);
    const established = (message.body as any).data.anniversaries.find((a: any) => a.type === 'RelationsEstablished');
    const translation = fixtures.flatMap((fixture) => fixture.events)
      .find((e: any) => e.type === 'EventTranslated' && e.data.eventId === established.id && e.data.language === 'ru') as any;
    expect(established).toMatchObject({
      headline: translation.data.headline,
      dateInWords: '1 декабря 1890 г.',
      textLanguage: 'ru',
      links: { event: `https://relations.test/v1/events/${established.id}`, page: `https://relations.test/ru/mx-ru/events/${established.id}` },
    });
  }, 30_000);

  it('takes a language of the service, and keeps English for a subscription that chose none', async () => {
    const refused = await api('POST', '/v1/webhooks', { url: hookUrl('x'), events: ['anniversary.today'], anniversary: { language: 'fr' } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('/anniversary/language');
    const { subscription } = await anniversarySubscription('english');
    expect(subscription.anniversary.language).toBe('en');
    const changed = await api('PATCH', `/v1/webhooks/${subscription.id}`, { anniversary: { language: 'es' } });
    expect(await changed.json()).toMatchObject({ anniversary: { language: 'es', timeZone: 'UTC', february29: 'feb28' } });
  });
});

describe('the sweep', () => {
  it('queues again a delivery stuck in pending (lost between the outbox and the queue)', async () => {
    const name = endpointName('stuck');
    const subscription = await subscribe({ url: hookUrl(name), events: ['anniversary.today'], relations: [webhookRelation()] });
    await endpoint(name, { secrets: [subscription.secret] });
    // The outbox row is written but the Worker died before queueing it, an hour ago.
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    const messageId = `msg_${crypto.randomUUID().replaceAll('-', '')}`;
    const body = JSON.stringify({ type: 'webhook.test', timestamp: hourAgo, data: { subscription: subscription.id, message: 'stuck' } });
    await env.DB.batch([
      env.DB.prepare("INSERT INTO webhook_messages (id, type, body, created) VALUES (?, 'webhook.test', ?, ?)").bind(messageId, body, hourAgo),
      env.DB.prepare(
        `INSERT INTO webhook_deliveries (id, subscription_id, message_id, dedupe_key, status, next_attempt_at, created)
         VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
      ).bind(`dlv_${crypto.randomUUID().replaceAll('-', '')}`, subscription.id, messageId, `webhook.test:${messageId}`, hourAgo, hourAgo),
    ]);

    await cron(new Date());
    const [entry] = await eventually(() => received(name), (entries) => succeeded(entries).length === 1);
    expect(entry.webhookId).toBe(messageId);
    expect(entry.body).toEqual(JSON.parse(body));
    const [delivery] = await eventually(() => deliveries(subscription.id), (list) => list[0]?.status === 'succeeded');
    expect(delivery.attempts).toHaveLength(1);
  }, 30_000);
});
