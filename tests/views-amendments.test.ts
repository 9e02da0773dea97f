import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { itemOfColumns } from '../src/views/timeline/item';
import { freshRelation, get, SOURCE } from './setup/client';
import { record, view } from './views-helpers';

const fact = (type: string, occurred: string, data: Record<string, unknown> = {}, fields: Record<string, unknown> = {}) => ({
  type, occurred, headline: `${type} ${occurred}`, source: SOURCE, data, ...fields,
});
const correct = (eventId: string, changes: Record<string, unknown>) => ({
  type: 'EventCorrected', headline: 'Correction', source: SOURCE, data: { eventId, reason: 'the source was misread', changes },
});
const retract = (eventId: string) => ({
  type: 'EventRetracted', headline: 'Retraction', source: SOURCE, data: { eventId, reason: 'no source supports it' },
});
const signing = (agreementId: string, occurred: string, validUntil: string | null) =>
  fact('AgreementSigned', occurred, {
    agreementId, title: `Agreement ${agreementId}`, kind: 'agreement', parties: ['A', 'B'], subject: 'Education', validUntil,
  });

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('corrections', () => {
  it('change what the timeline and on this day show for the event they point at', async () => {
    const relation = freshRelation();
    const [noted] = await record(relation, [fact('EventNoted', '1950-03-14', {}, { tags: ['science'] })]);
    expect(ids((await view(`/v1/relations/${relation}/on-this-day?date=03-14&year=2000`)).items)).toEqual([noted]);

    await record(relation, [correct(noted, { occurred: '1951-04-15', headline: 'Corrected headline', tags: ['culture'] })]);
    const { items } = await view(`/v1/relations/${relation}/timeline`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: noted, occurred: '1951-04-15', headline: 'Corrected headline', tags: ['culture'] });
    expect((await view(`/v1/relations/${relation}/on-this-day?date=03-14&year=2000`)).items).toEqual([]);
    const moved = await view(`/v1/relations/${relation}/on-this-day?date=04-15&year=2000`);
    expect(moved.items).toMatchObject([{ id: noted, headline: 'Corrected headline', yearsAgo: 49 }]);
    expect(ids((await view(`/v1/relations/${relation}/timeline?tag=science`)).items)).toEqual([]);

    await record(relation, [correct(noted, { occurred: '1951-04' })]);
    expect((await view(`/v1/relations/${relation}/on-this-day?date=04-15&year=2000`)).items).toEqual([]);
    expect((await view(`/v1/relations/${relation}/timeline`)).items[0]).toMatchObject({ precision: 'month', occurredInWords: 'April 1951' });
  });

  it("change an agreement's status when they change its validity or its date", async () => {
    const relation = freshRelation();
    const [signed] = await record(relation, [signing('a-2012', '2012', '2014-12-31')]);
    const statusOn = async (day: string) => (await view(`/v1/relations/${relation}/agreements?asOf=${day}`)).items[0]?.status;
    expect(await statusOn('2015-01-01')).toBe('expired');
    await record(relation, [correct(signed, {
      data: { agreementId: 'a-2012', title: 'Agreement a-2012', kind: 'agreement', parties: ['A', 'B'], validUntil: 'indefinite' },
    })]);
    expect(await statusOn('2015-01-01')).toBe('indefinite');
    await record(relation, [correct(signed, { occurred: '2016-05-02' })]);
    expect(await statusOn('2015-01-01')).toBe('not_yet_signed');
    expect(await statusOn('2016-05-02')).toBe('indefinite');
  });
});

describe('a qualifier of relations', () => {
  it('follows its corrections and is gone with its retraction, leaving the status itself as it was', async () => {
    const relation = freshRelation();
    const [, qualifier] = await record(relation, [
      fact('RelationsEstablished', '1890-12-01'),
      fact('RelationsQualified', '1910/1920', { qualifier: 'practically_non_existent' }),
    ]);
    const on = async (day: string) => {
      const body = await view(`/v1/relations/${relation}/status?on=${day}`);
      return [body.status, body.qualifiers.map((q: any) => [q.qualifier, q.event.occurred])];
    };
    expect(await on('1915-01-01')).toEqual(['established', [['practically_non_existent', '1910/1920']]]);
    await record(relation, [correct(qualifier, { occurred: '1910/1924-08', data: { qualifier: 'sources_differ' } })]);
    expect(await on('1922-01-01')).toEqual(['established', [['sources_differ', '1910/1924-08']]]);
    await record(relation, [retract(qualifier)]);
    expect(await on('1922-01-01')).toEqual(['established', []]);
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM view_relation_qualifiers WHERE relation = ?1').bind(relation).first('n');
    expect(rows).toBe(0);
  });
});

describe('the item the timeline keeps as JSON', () => {
  it('says, after any correction, what the corrected columns say', async () => {
    const relation = freshRelation();
    const [noted, signed] = await record(relation, [
      fact('EventNoted', '1950-03-14'),
      signing('a-1960', '1960-06-01', null),
    ]);
    await record(relation, [
      correct(noted, { occurred: '195X', summary: 'Now with a summary', participants: ['A. Person'], places: ['Mexico City'] }),
      correct(signed, {
        level: 'subnational',
        source: { ...SOURCE, locator: 'p. 4' },
        data: { agreementId: 'a-1960', title: 'Agreement a-1960', kind: 'agreement', parties: ['A', 'B'], validUntil: 'indefinite' },
      }),
    ]);
    const rows = (await env.DB.prepare('SELECT * FROM view_timeline WHERE relation = ?1').bind(relation).all()).results;
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(JSON.parse(row.item as string)).toEqual(itemOfColumns(row));
    const { items } = await view(`/v1/relations/${relation}/timeline`);
    expect(items).toMatchObject([
      { id: noted, occurred: '195X', precision: 'interval', summary: 'Now with a summary', participants: ['A. Person'] },
      { id: signed, level: 'subnational', source: { locator: 'p. 4' }, data: { validUntil: 'indefinite' } },
    ]);
  });
});

describe('retractions', () => {
  it('remove the event from every view; the log keeps both', async () => {
    const relation = freshRelation();
    const [established, severed, signed, noted] = await record(relation, [
      fact('RelationsEstablished', '1900-05-05'),
      fact('RelationsSevered', '1930-01-26'),
      signing('b-1960', '1960-01-26', null),
      fact('EventNoted', '1970-01-26'),
    ]);
    expect((await view(`/v1/relations/${relation}/status?on=1935-01-01`)).status).toBe('severed');
    expect(ids((await view(`/v1/relations/${relation}/on-this-day?date=01-26&year=2000`)).items)).toEqual([severed, signed, noted]);

    await record(relation, [retract(severed), retract(signed)]);
    const status = await view(`/v1/relations/${relation}/status?on=1935-01-01`);
    expect(status).toMatchObject({ status: 'established', event: { id: established } });
    expect(status.periods).toHaveLength(1);
    expect(ids((await view(`/v1/relations/${relation}/timeline`)).items)).toEqual([established, noted]);
    expect((await view(`/v1/relations/${relation}/agreements`)).items).toEqual([]);
    expect((await get(`/v1/relations/${relation}/agreements/b-1960`)).status).toBe(404);
    expect(ids((await view(`/v1/relations/${relation}/on-this-day?date=01-26&year=2000`)).items)).toEqual([noted]);

    const log = await (await get(`/v1/relations/${relation}/events`)).json<any>();
    expect(log.events.map((event: any) => event.type)).toEqual([
      'RelationsEstablished', 'RelationsSevered', 'AgreementSigned', 'EventNoted', 'EventRetracted', 'EventRetracted',
    ]);
  });

  it('of an ending bring the agreement back into force', async () => {
    const relation = freshRelation();
    await record(relation, [signing('c-2000', '2000-06-01', '2030-01-01')]);
    const [ended] = await record(relation, [fact('AgreementEnded', '2010-02-03', { agreementId: 'c-2000', reason: 'denounced' })]);
    const one = async () => (await view(`/v1/relations/${relation}/agreements/c-2000?asOf=2020-01-01`));
    const before = await one();
    expect(before.agreement).toMatchObject({ status: 'ended', ended: { occurred: '2010-02-03', reason: 'denounced' } });
    expect(before.history.map((item: any) => item.type)).toEqual(['AgreementSigned', 'AgreementEnded']);
    await record(relation, [retract(ended)]);
    const after = await one();
    expect(after.agreement).toMatchObject({ status: 'in_force', ended: null });
    expect(after.history.map((item: any) => item.type)).toEqual(['AgreementSigned']);
  });
});

describe('29 February', () => {
  it('falls on 28 February in common years, and on itself in leap years', async () => {
    const relation = freshRelation();
    const [leap, eve] = await record(relation, [fact('EventNoted', '2000-02-29'), fact('EventNoted', '2001-02-28')]);
    const on = async (query: string) => ids((await view(`/v1/relations/${relation}/on-this-day?${query}`)).items);
    expect(await on('date=02-28&year=2023')).toEqual([leap, eve]);
    expect(await on('date=02-28&year=2024')).toEqual([eve]);
    expect(await on('date=02-29&year=2024')).toEqual([leap]);
    expect(await on('date=03-01&year=2023')).toEqual([]);
    const { items } = await view(`/v1/relations/${relation}/on-this-day?date=02-28&year=2023`);
    expect(items[0].yearsAgo).toBe(23);
  });
});
