import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post } from './setup/client';

/** On this day in the caller's time zone (`tz=`), and the rule for facts of 29 February (`february29=`). */

async function record(relation: string, events: Record<string, unknown>[]): Promise<string[]> {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status).toBe(201);
  return (await response.json<{ events: { id: string }[] }>()).events.map((event) => event.id);
}

/** Today in a zone, as a reader of that zone's calendar says it (en-CA writes YYYY-MM-DD). */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

describe('on this day, where the caller is', () => {
  it('takes today from tz: Kiritimati is a day or two ahead of Pago Pago (25 hours apart)', async () => {
    const relation = freshRelation();
    await record(relation, [noted({ occurred: '1900-01-15' })]);
    const asked = async (tz: string) => {
      const response = await get(`/v1/relations/${relation}/on-this-day?tz=${encodeURIComponent(tz)}`);
      expect(response.status).toBe(200);
      return response.json<{ date: string; year: number; timeZone: string }>();
    };
    const east = await asked('Pacific/Kiritimati');
    const west = await asked('Pacific/Pago_Pago');
    for (const [answer, zone] of [[east, 'Pacific/Kiritimati'], [west, 'Pacific/Pago_Pago']] as const) {
      expect(answer.timeZone).toBe(zone);
      expect(`${answer.year}-${answer.date}`).toBe(todayIn(zone));
    }
    // UTC+14 and UTC−11: two dates apart in the hour from 10:00 UTC, one the rest of the day.
    const apart = (Date.parse(`${east.year}-${east.date}`) - Date.parse(`${west.year}-${west.date}`)) / (24 * 3_600_000);
    expect([1, 2]).toContain(apart);
    expect((await asked('utc')).timeZone).toBe('UTC');
    expect((await get(`/v1/on-this-day?tz=Europe/Moscow`)).status).toBe(200);
  });

  it('refuses a time zone the runtime does not know, naming tz', async () => {
    const response = await get('/v1/on-this-day?tz=Mars/Olympus_Mons');
    expect(response.status).toBe(400);
    const problem = await response.json<{ errors: { parameter: string }[] }>();
    expect(problem.errors.map((error) => error.parameter)).toEqual(['tz']);
  });
});

describe('29 February in a common year', () => {
  it('falls on 28 February by default, on 1 March with mar1, nowhere with skip; on 29 February in a leap year whatever the rule', async () => {
    const relation = freshRelation();
    const [leap, feb28, mar1] = await record(relation, [
      noted({ occurred: '1896-02-29', headline: 'Leap day' }),
      noted({ occurred: '1900-02-28', headline: 'Last of February' }),
      noted({ occurred: '1900-03-01', headline: 'First of March' }),
    ]);
    const ids = async (query: string) => {
      const response = await get(`/v1/relations/${relation}/on-this-day?${query}`);
      expect(response.status).toBe(200);
      const body = await response.json<{ items: { id: string }[]; february29: { rule: string; applied: boolean; description: string } }>();
      return { ids: body.items.map((item) => item.id), february29: body.february29 };
    };
    expect(await ids('date=02-28&year=2027')).toMatchObject({ ids: [leap, feb28], february29: { rule: 'feb28', applied: true } });
    expect(await ids('date=03-01&year=2027')).toMatchObject({ ids: [mar1], february29: { rule: 'feb28', applied: false } });
    expect(await ids('date=02-28&year=2027&february29=mar1')).toMatchObject({ ids: [feb28], february29: { rule: 'mar1', applied: false } });
    expect(await ids('date=03-01&year=2027&february29=mar1')).toMatchObject({ ids: [leap, mar1], february29: { rule: 'mar1', applied: true } });
    const skipped = await ids('date=02-28&year=2027&february29=skip');
    expect(skipped).toMatchObject({ ids: [feb28], february29: { rule: 'skip', applied: true } });
    expect(skipped.february29.description).toContain('leap years only');
    expect((await ids('date=03-01&year=2027&february29=skip')).ids).toEqual([mar1]);
    for (const rule of ['feb28', 'mar1', 'skip']) {
      expect(await ids(`date=02-29&year=2028&february29=${rule}`)).toMatchObject({ ids: [leap], february29: { rule, applied: false } });
    }
    expect((await get(`/v1/relations/${relation}/on-this-day?date=02-29&year=2027`)).status).toBe(400);
    expect((await get(`/v1/relations/${relation}/on-this-day?february29=feb30`)).status).toBe(400);
  });
});
