import { createScheduledController, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../src/index';
import { noted, post } from './setup/client';
import { api, endpoint, endpointName, eventually, hookUrl, received, subscribe, succeeded, webhookRelation } from './webhooks-helpers';

/**
 * anniversary.today at each subscriber's own hour: the cron fired as Cloudflare would, every 5 minutes, at
 * simulated instants around the daylight-saving transitions of five zones. The message comes once per local
 * date: in a repeated hour not twice, in a skipped hour at the next hour, and a day the zone skipped has none.
 */

const relation = webhookRelation();
const FIVE_MINUTES = 5 * 60_000;

// One fact on every day of the year that a test looks at, each a day-precise anniversary of its own.
const DAYS = ['03-08', '11-01', '03-27', '10-26', '10-30', '04-02', '12-30', '12-31', '01-01', '12-01', '02-28', '02-29', '03-01'];

beforeAll(async () => {
  const events = DAYS.map((day) => noted({ occurred: `${day === '02-29' ? 1896 : 1900}-${day}`, headline: `A fact of ${day}` }));
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status).toBe(201);
});

async function cron(at: number): Promise<void> {
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '*/5 * * * *' }), env);
}

async function morning(anniversary: Record<string, unknown>) {
  const name = endpointName('morning');
  const subscription = await subscribe({ url: hookUrl(name), events: ['anniversary.today'], relations: [relation], anniversary });
  await endpoint(name, { secrets: [subscription.secret] });
  return { name, subscription };
}

interface Sent {
  day: string;
  at: string;
}

/** Fires the cron every 5 minutes from `from` to `to` (UTC) and says, for each delivery made, its local date and the run that made it. */
async function runs(subscriptionId: string, from: string, to: string, step = FIVE_MINUTES): Promise<Sent[]> {
  const deliveries = async () => (await env.DB.prepare('SELECT id, dedupe_key FROM webhook_deliveries WHERE subscription_id = ?1')
    .bind(subscriptionId).all<{ id: string; dedupe_key: string }>()).results;
  const sent: Sent[] = [];
  const known = new Set((await deliveries()).map((row) => row.id));
  for (let at = Date.parse(from); at <= Date.parse(to); at += step) {
    await cron(at);
    for (const row of await deliveries()) {
      if (known.has(row.id)) continue;
      known.add(row.id);
      sent.push({ day: row.dedupe_key.replace('anniversary.today:', ''), at: new Date(at).toISOString() });
    }
  }
  return sent;
}

async function messageDays(name: string, count: number) {
  const arrived = await eventually(() => received(name), (entries) => succeeded(entries).length >= count);
  return succeeded(arrived).map((entry) => entry.body as any);
}

describe('the morning in Tijuana (UTC−8, −7 in summer)', () => {
  it('on the day clocks jump from 02:00 to 03:00, sends the 02:00 message at 03:00, once', async () => {
    const { name, subscription } = await morning({ timeZone: 'America/Tijuana', hour: 2 });
    expect(await runs(subscription.id, '2026-03-08T06:00:00Z', '2026-03-08T14:00:00Z')).toEqual([
      { day: '2026-03-08', at: '2026-03-08T10:00:00.000Z' },
    ]);
    const [message] = await messageDays(name, 1);
    expect(message.data.day).toBe('2026-03-08');
    expect(message.data.anniversaries.map((a: any) => a.date)).toEqual(['1900-03-08']);
  });

  it('on the day clocks go back from 02:00 to 01:00, sends the 01:00 message the first time only, over a whole day of runs', async () => {
    const { subscription } = await morning({ timeZone: 'America/Tijuana', hour: 1 });
    expect(await runs(subscription.id, '2026-11-01T06:00:00Z', '2026-11-02T07:55:00Z')).toEqual([
      { day: '2026-11-01', at: '2026-11-01T08:00:00.000Z' },
    ]);
  });
});

describe('the morning in Mexico City (UTC−6, no daylight saving since 2022)', () => {
  it('on the last day clocks went back, 30 October 2022, once at the first 01:00', async () => {
    const { subscription } = await morning({ timeZone: 'America/Mexico_City', hour: 1 });
    expect(await runs(subscription.id, '2022-10-30T05:00:00Z', '2022-10-30T09:00:00Z')).toEqual([
      { day: '2022-10-30', at: '2022-10-30T06:00:00.000Z' },
    ]);
  });

  it('on 2 April 2023, when clocks used to jump, at 02:00 as any day (08:00 UTC)', async () => {
    const { subscription } = await morning({ timeZone: 'America/Mexico_City', hour: 2 });
    expect(await runs(subscription.id, '2023-04-02T06:00:00Z', '2023-04-02T10:00:00Z')).toEqual([
      { day: '2023-04-02', at: '2023-04-02T08:00:00.000Z' },
    ]);
  });
});

describe('the morning in Moscow (UTC+3; +4 from 2011 to 2014)', () => {
  it('on 27 March 2011, whose 02:00 was skipped, at 03:00 (23:00 UTC the day before)', async () => {
    const { subscription } = await morning({ timeZone: 'Europe/Moscow', hour: 2 });
    expect(await runs(subscription.id, '2011-03-26T21:00:00Z', '2011-03-27T01:00:00Z')).toEqual([
      { day: '2011-03-27', at: '2011-03-26T23:00:00.000Z' },
    ]);
  });

  it('on 26 October 2014, whose 01:00 came twice, the first time only', async () => {
    const { subscription } = await morning({ timeZone: 'Europe/Moscow', hour: 1 });
    expect(await runs(subscription.id, '2014-10-25T20:00:00Z', '2014-10-26T00:00:00Z')).toEqual([
      { day: '2014-10-26', at: '2014-10-25T21:00:00.000Z' },
    ]);
  });
});

describe('the morning on either side of the date line', () => {
  it('in Kiritimati (UTC+14): 30 December 1994, then 1 January 1995, and nothing for the 31st, which it never had', async () => {
    const { name, subscription } = await morning({ timeZone: 'Pacific/Kiritimati', hour: 8 });
    expect(await runs(subscription.id, '1994-12-30T00:00:00Z', '1995-01-01T12:00:00Z', 3_600_000)).toEqual([
      { day: '1994-12-30', at: '1994-12-30T18:00:00.000Z' },
      { day: '1995-01-01', at: '1994-12-31T18:00:00.000Z' },
    ]);
    const messages = await messageDays(name, 2);
    expect(messages.map((message) => [message.data.day, message.data.anniversaries.map((a: any) => a.date)]).sort()).toEqual([
      ['1994-12-30', ['1900-12-30']],
      ['1995-01-01', ['1900-01-01']],
    ]);
  });

  it('in Kiritimati today: its 1 December begins on 30 November, UTC', async () => {
    const { subscription } = await morning({ timeZone: 'Pacific/Kiritimati', hour: 8 });
    expect(await runs(subscription.id, '2026-11-30T16:00:00Z', '2026-11-30T20:00:00Z')).toEqual([
      { day: '2026-12-01', at: '2026-11-30T18:00:00.000Z' },
    ]);
  });

  it('in Pago Pago (UTC−11): its 1 December morning is at 19:00 UTC, and the UTC 2 December sends no second', async () => {
    const { name, subscription } = await morning({ timeZone: 'Pacific/Pago_Pago', hour: 8 });
    expect(await runs(subscription.id, '2026-12-01T17:00:00Z', '2026-12-02T10:00:00Z', 15 * 60_000)).toEqual([
      { day: '2026-12-01', at: '2026-12-01T19:00:00.000Z' },
    ]);
    const [message] = await messageDays(name, 1);
    expect(message.data.anniversaries.map((a: any) => a.date)).toEqual(['1900-12-01']);
  });
});

describe('the subscription', () => {
  it('says when its next message is due, and a changed hour sends no date twice', async () => {
    const { subscription } = await morning({ timeZone: 'america/tijuana', hour: 7 });
    expect(subscription.anniversary).toMatchObject({ timeZone: 'America/Tijuana', hour: 7, february29: 'feb28' });
    const next = new Date(subscription.anniversary.next);
    const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Tijuana', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).format(next);
    expect(local).toBe('07:00');
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime()).toBeLessThanOrEqual(Date.now() + 25 * 3_600_000);

    expect(await runs(subscription.id, '2026-12-01T15:00:00Z', '2026-12-01T15:00:00Z')).toEqual([
      { day: '2026-12-01', at: '2026-12-01T15:00:00.000Z' },
    ]);
    // Moved to 09:00: the day already has its message.
    expect((await api('PATCH', `/v1/webhooks/${subscription.id}`, { anniversary: { hour: 9 } })).status).toBe(200);
    expect(await runs(subscription.id, '2026-12-01T17:00:00Z', '2026-12-01T17:00:00Z')).toEqual([]);
  });

  it('without a time zone or hour keeps the operator hour, UTC', async () => {
    const { subscription } = await morning({});
    expect(subscription.anniversary).toMatchObject({ timeZone: 'UTC', hour: null, february29: 'feb28' });
    expect(new Date(subscription.anniversary.next).getUTCHours()).toBe(Number(env.ANNIVERSARY_HOUR));
  });

  it('keeps the others going when a stored zone is one the runtime no longer knows', async () => {
    const { subscription: lost } = await morning({ timeZone: 'Europe/Kiev', hour: 8 });
    await env.DB.prepare("UPDATE webhook_subscriptions SET anniversary_time_zone = 'Europe/Atlantis' WHERE id = ?1").bind(lost.id).run();
    const { subscription } = await morning({ timeZone: 'Pacific/Pago_Pago', hour: 8 });
    expect(await runs(subscription.id, '2026-12-01T19:00:00Z', '2026-12-01T19:00:00Z')).toEqual([
      { day: '2026-12-01', at: '2026-12-01T19:00:00.000Z' },
    ]);
  });

  it('refuses a time zone the runtime does not know, and an hour off the clock, naming each', async () => {
    const response = await api('POST', '/v1/webhooks', {
      url: hookUrl('never'), events: ['anniversary.today'], anniversary: { timeZone: 'Mars/Olympus_Mons', hour: 24, february29: 'feb30' },
    });
    expect(response.status).toBe(422);
    const { errors } = await response.json<{ errors: { pointer: string }[] }>();
    expect(errors.map((error) => error.pointer).sort()).toEqual(['/anniversary/february29', '/anniversary/hour', '/anniversary/timeZone']);
  });
});

describe('29 February in a common year', () => {
  async function leapDayMessages(rule: string | undefined, days: string[]) {
    const { name, subscription } = await morning({ timeZone: 'UTC', hour: 6, ...(rule ? { february29: rule } : {}) });
    const sent: Sent[] = [];
    for (const day of days) sent.push(...await runs(subscription.id, `${day}T06:00:00Z`, `${day}T06:00:00Z`));
    const messages = sent.length ? await messageDays(name, sent.length) : [];
    return messages.map((message) => ({
      day: message.data.day, february29: message.data.february29, dates: message.data.anniversaries.map((a: any) => a.date),
    })).sort((a, b) => a.day.localeCompare(b.day));
  }

  it('falls on 28 February by default, and the message says the rule applied', async () => {
    expect(await leapDayMessages(undefined, ['2027-02-28', '2027-03-01'])).toEqual([
      { day: '2027-02-28', dates: ['1896-02-29', '1900-02-28'].sort(), february29: expect.objectContaining({ rule: 'feb28', applied: true }) },
      { day: '2027-03-01', dates: ['1900-03-01'], february29: expect.objectContaining({ rule: 'feb28', applied: false }) },
    ]);
  });

  it('falls on 1 March with mar1', async () => {
    expect(await leapDayMessages('mar1', ['2027-02-28', '2027-03-01'])).toEqual([
      { day: '2027-02-28', dates: ['1900-02-28'], february29: expect.objectContaining({ rule: 'mar1', applied: false }) },
      { day: '2027-03-01', dates: ['1896-02-29', '1900-03-01'], february29: expect.objectContaining({ rule: 'mar1', applied: true }) },
    ]);
  });

  it('waits for a leap year with skip, and comes on its own day then whatever the rule', async () => {
    expect(await leapDayMessages('skip', ['2027-02-28', '2027-03-01', '2028-02-29'])).toEqual([
      { day: '2027-02-28', dates: ['1900-02-28'], february29: expect.objectContaining({ rule: 'skip', applied: true }) },
      { day: '2027-03-01', dates: ['1900-03-01'], february29: expect.objectContaining({ rule: 'skip', applied: false }) },
      { day: '2028-02-29', dates: ['1896-02-29'], february29: expect.objectContaining({ rule: 'skip', applied: false }) },
    ]);
  });
});
