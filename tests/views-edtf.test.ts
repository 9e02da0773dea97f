import { describe, expect, it } from 'vitest';
import { freshRelation, get, post, SOURCE } from './setup/client';
import { badParameter, record, view } from './views-helpers';

/** EDTF level 1 in every view: unspecified digits and seasons mean every day they can, and never one day. */

const noted = (occurred: string, headline = `Noted ${occurred}`) => ({ type: 'EventNoted', occurred, headline, source: SOURCE, data: {} });
const signing = (agreementId: string, occurred: string, validUntil: string | null) => ({
  type: 'AgreementSigned', occurred, headline: `Signed ${agreementId}`, source: SOURCE,
  data: { agreementId, title: agreementId, kind: 'agreement', parties: ['A', 'B'], validUntil },
});

describe('dates with unspecified digits and seasons', () => {
  it('are recorded and shown on the timeline with their precision and in words', async () => {
    const relation = freshRelation();
    await record(relation, [noted('197X'), noted('19XX'), noted('1943-XX'), noted('1943-06-XX'), noted('1943-21'), noted('1943-23')]);
    const { items } = await view(`/v1/relations/${relation}/timeline`);
    expect(items.map((item: any) => [item.occurred, item.precision, item.occurredInWords])).toEqual([
      ['19XX', 'interval', '1900–1999'],
      ['1943-XX', 'year', '1943 (month unspecified)'],
      ['1943-21', 'season', 'spring 1943 (January–March)'],
      ['1943-06-XX', 'month', 'June 1943 (day unspecified)'],
      ['1943-23', 'season', 'autumn 1943 (July–September)'],
      ['197X', 'interval', 'the 1970s'],
    ]);
  });

  it('select the timeline by the days they can mean, and can be the range asked for', async () => {
    const relation = freshRelation();
    const [decade, spring, june] = await record(relation, [noted('197X'), noted('1943-21'), noted('1943-06-XX')]);
    const ids = async (query: string) => (await view(`/v1/relations/${relation}/timeline?${query}`)).items.map((item: any) => item.id);
    expect(await ids('from=1970&to=1979')).toEqual([decade]);
    expect(await ids('from=197X&to=197X')).toEqual([decade]);
    expect(await ids('from=1943-21&to=1943-21')).toEqual([spring]);
    expect(await ids('from=1943-22')).toEqual([june, decade]);
    expect(await ids('to=1943-03')).toEqual([spring]);
    expect(await badParameter(`/v1/relations/${relation}/timeline?from=1943-25`)).toEqual(['from']);
  });

  it('leave an agreement unknown through every day its signing can mean', async () => {
    const relation = freshRelation();
    await record(relation, [signing('in-the-70s', '197X', 'indefinite'), signing('in-spring', '1943-21', 'indefinite')]);
    const statusOn = async (day: string) => Object.fromEntries(
      (await view(`/v1/relations/${relation}/agreements?asOf=${day}`)).items.map((item: any) => [item.agreementId, item.status]),
    );
    expect(await statusOn('1942-12-31')).toEqual({ 'in-spring': 'not_yet_signed', 'in-the-70s': 'not_yet_signed' });
    expect(await statusOn('1943-02-01')).toEqual({ 'in-spring': 'unknown', 'in-the-70s': 'not_yet_signed' });
    expect(await statusOn('1943-03-31')).toEqual({ 'in-spring': 'indefinite', 'in-the-70s': 'not_yet_signed' });
    expect(await statusOn('1975-06-01')).toEqual({ 'in-spring': 'indefinite', 'in-the-70s': 'unknown' });
    expect(await statusOn('1979-12-31')).toEqual({ 'in-spring': 'indefinite', 'in-the-70s': 'indefinite' });
    const { items } = await view(`/v1/relations/${relation}/agreements?asOf=1975-06-01`);
    expect(items.find((item: any) => item.agreementId === 'in-the-70s').reason).toMatch(/^signed in the 1970s; the source gives no exact day/);
  });

  it('never fall on a day: not on this day, not in the calendar', async () => {
    const relation = freshRelation();
    const [day] = await record(relation, [noted('1943-06-01'), noted('1943-06-XX'), noted('1943-XX-XX'), noted('1943-22')]);
    expect((await view(`/v1/relations/${relation}/on-this-day?date=06-01&year=2000`)).items.map((item: any) => item.id)).toEqual([day]);
    const ics = await (await get(`/v1/relations/${relation}/anniversaries.ics`)).text();
    expect(ics.match(/^UID:.*$/gm)).toEqual([`UID:${day}`]);
  });

  it('are drawn in TimelineJS from their first to their last year or month', async () => {
    const relation = freshRelation();
    const [decade, season, june] = await record(relation, [noted('197X'), noted('1943-22'), noted('1943-06-XX')]);
    const timeline = await (await get(`/v1/relations/${relation}/timeline.timelinejs.json`)).json<any>();
    const slide = (id: string) => timeline.events.find((event: any) => event.unique_id === `event-${id}`);
    expect(slide(decade)).toMatchObject({ start_date: { year: 1970 }, end_date: { year: 1979 }, display_date: 'the 1970s' });
    expect(slide(season)).toMatchObject({ start_date: { year: 1943, month: 4 }, end_date: { year: 1943, month: 6 } });
    expect(slide(june).start_date).toEqual({ year: 1943, month: 6, display_date: 'June 1943 (day unspecified)' });
    expect(slide(june).end_date).toBeUndefined();
  });

  it('are refused, with what the log reads, outside years 0001 to 9999', async () => {
    const relation = freshRelation();
    for (const occurred of ['Y170000', '-0044-03-15', 'XXXX', '1943-25']) {
      const response = await post(`/v1/relations/${relation}/events`, { events: [noted(occurred)] });
      expect(response.status, occurred).toBe(422);
      const problem = await response.json<any>();
      expect(problem.errors).toMatchObject([{ pointer: '/events/0/occurred' }]);
      expect(problem.errors[0].detail).toMatch(/0001 to 9999|a day \(1890-12-01\)/);
    }
  });
});
