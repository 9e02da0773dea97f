import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';
import { pointersOf, problemOf, totalEvents } from './setup/log-state';

/**
 * A day of the calendar, wherever one is taken (a query's asOf or on, a citation's date, an agreement's
 * validity), is a day the views can hold: years 0001 to 9999. Year 0000 is ISO 8601 and z.iso.date() takes it,
 * but no view can put it in words; it is refused like any other day the service cannot hold, naming the
 * parameter or field. A day of year 0000 recorded before that rule still reads.
 */

const signed = (relation: string, validUntil = '2030-12-31', source: Record<string, unknown> = SOURCE) => post(`/v1/relations/${relation}/events`, {
  events: [
    { type: 'RelationsEstablished', occurred: '1890-12-01', headline: 'Established', source: SOURCE, data: {} },
    {
      type: 'AgreementSigned', occurred: '1976-05-03', headline: 'Signed', source,
      data: { agreementId: 'air-transport', title: 'Air Transport Agreement', kind: 'agreement', parties: ['A', 'B'], validUntil },
    },
  ],
});

describe('a day in a query', () => {
  it('of year 0000 is a 400 naming the parameter on every route that takes one, as any day the service cannot hold', async () => {
    const relation = freshRelation();
    expect((await signed(relation)).status).toBe(201);
    const api = `/v1/relations/${relation}`;
    const cases: [string, string][] = [
      [`${api}/agreements?asOf=0000-01-01`, 'asOf'],
      [`${api}/agreements/air-transport?asOf=0000-01-01`, 'asOf'],
      [`${api}/status?on=0000-02-29`, 'on'],
      [`${api}/status?on=0000-01-01`, 'on'],
      [`${api}/chart.svg?asOf=0000-01-01`, 'asOf'],
      [`${api}/agreements?asOf=2023-02-29`, 'asOf'],
    ];
    for (const [path, parameter] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect((await problemOf(response)).errors, path).toEqual([{ parameter, detail: expect.any(String) }]);
    }
    const page = await get(`/${relation}?asOf=0000-01-01`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('0001-01-01 to 9999-12-31');
    // The first and last days the service holds are days like any other.
    for (const day of ['0001-01-01', '9999-12-31']) {
      expect((await get(`${api}/agreements?asOf=${day}`)).status, day).toBe(200);
      expect((await get(`${api}/status?on=${day}`)).status, day).toBe(200);
      expect((await get(`/${relation}?asOf=${day}`)).status, day).toBe(200);
    }
  });
});

describe('a day in an event', () => {
  it("of year 0000 is a 422 naming the field: a citation's date, an agreement's validity; nothing is written", async () => {
    const before = await totalEvents();
    const validity = await signed(freshRelation(), '0000-12-31');
    expect(validity.status).toBe(422);
    expect(pointersOf(await problemOf(validity))).toEqual(['/events/1/data/validUntil']);
    const cited = await post(`/v1/relations/${freshRelation()}/events`, { events: [noted({ source: { ...SOURCE, date: '0000-01-01' } })] });
    expect(cited.status).toBe(422);
    expect(pointersOf(await problemOf(cited))).toEqual(['/events/0/source/date']);
    expect(await totalEvents()).toBe(before);
  });

  it('of year 0000 recorded before the rule still reads everywhere the agreement is shown', async () => {
    const relation = freshRelation();
    expect((await signed(relation)).status).toBe(201);
    // As a log written before the rule left its view (the agreements view keeps the validity as recorded).
    await env.DB.prepare("UPDATE view_agreements SET valid_until = '0000-12-31' WHERE relation = ?1").bind(relation).run();
    const api = `/v1/relations/${relation}`;
    for (const path of [`${api}/agreements`, `${api}/agreements/air-transport`, `/${relation}`, `${api}/chart.svg`, `${api}/anniversaries.ics`, `${api}/timeline.timelinejs.json`]) {
      const response = await get(path, { 'cache-control': 'no-store' });
      expect(response.status, path).toBe(200);
    }
    const { items } = await (await get(`${api}/agreements?asOf=2000-01-01`, { 'cache-control': 'no-store' })).json<any>();
    expect(items[0]).toMatchObject({ validUntil: '0000-12-31', status: 'expired', reason: expect.stringContaining('31 December 0') });
  });
});
