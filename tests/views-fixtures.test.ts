import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAmendment } from '../src/domain/catalog';
import { anniversariesSql } from '../src/views/on-this-day/queries';
import { freshRelation, get } from './setup/client';
import { badParameter, fixtureEvents, loadFixtures, view, wholeTimeline } from './views-helpers';

/** The first day a date of the fixtures can mean (a year, a month, a day, or an interval of them), worked out here on its own. */
function dayOf(occurred: string): string {
  const [start, end] = occurred.split('/');
  if (!start) return `${end}-12-31`;
  if (/^\d{4}$/.test(start)) return `${start}-01-01`;
  if (/^\d{4}-\d{2}$/.test(start)) return `${start}-01`;
  return start;
}

const mxRu = fixtureEvents.filter((event) => event.relation === 'mx-ru');
const fixtureIds = new Set(mxRu.map((event) => event.id));
// The facts the views show: every fixture fact but the retracted ones.
const retracted = new Set(mxRu.filter((event) => event.type === 'EventRetracted').map((event) => event.data.eventId));
const liveFacts = mxRu.filter((event) => !isAmendment(event.type) && !retracted.has(event.id));
const byHeadline = (headline: string) => mxRu.find((event) => event.headline.startsWith(headline))!;

beforeAll(loadFixtures);

describe('the timeline', () => {
  it('lists every live fixture fact once, in the order things happened, page by page', async () => {
    const items = (await wholeTimeline('mx-ru')).filter((item) => fixtureIds.has(item.id));
    expect(retracted.size).toBe(4);
    expect(items.map((item) => item.id).sort()).toEqual(liveFacts.map((event) => event.id).sort());
    const log = await (await get('/v1/relations/mx-ru/events?limit=500')).json<any>();
    const position = new Map<string, number>(log.events.map((event: any) => [event.id, event.position]));
    for (let i = 1; i < items.length; i += 1) {
      const [a, b] = [items[i - 1], items[i]];
      const [dayA, dayB] = [dayOf(a.occurred), dayOf(b.occurred)];
      expect(dayA <= dayB, `${a.occurred} before ${b.occurred}`).toBe(true);
      if (dayA === dayB) expect(position.get(a.id)! < position.get(b.id)!).toBe(true);
    }
  });

  it('gives each item its precision, its date in words and a link to its log entry', async () => {
    const { items } = await view('/v1/relations/mx-ru/timeline?from=1930&to=1930');
    const severed = items.find((item: any) => item.type === 'RelationsSevered');
    expect(severed).toMatchObject({ occurred: '1930-01-26', precision: 'day', occurredInWords: '26 January 1930' });
    const entry = await get(severed.links.event);
    expect(entry.status).toBe(200);
    expect((await entry.json<any>()).headline).toBe(severed.headline);
  });

  it('filters by EDTF range, type, tag, level and words', async () => {
    const range = await wholeTimeline('mx-ru', '&from=1920&to=1945-06');
    expect(range.length).toBeGreaterThan(0);
    for (const item of range) expect(dayOf(item.occurred) >= '1920-01-01' && dayOf(item.occurred) <= '1945-06-30').toBe(true);
    expect(range.some((item) => item.occurred === '1943-06')).toBe(true);
    expect(range.some((item) => item.occurred === '1910/1920')).toBe(false);

    const visits = (await wholeTimeline('mx-ru', '&type=VisitMade')).filter((item) => fixtureIds.has(item.id));
    expect(visits.length).toBe(mxRu.filter((event) => event.type === 'VisitMade').length);

    const changes = await wholeTimeline('mx-ru', '&type=RelationsSevered,RelationsRestored');
    expect(new Set(changes.map((item) => item.type))).toEqual(new Set(['RelationsSevered', 'RelationsRestored']));

    const tagged = mxRu.filter((event) => event.tags?.includes('russian-america'));
    const byTag = (await wholeTimeline('mx-ru', '&tag=russian-america')).filter((item) => fixtureIds.has(item.id));
    expect(byTag.map((item) => item.id).sort()).toEqual(tagged.map((event) => event.id).sort());

    const subnational = await wholeTimeline('mx-ru', '&level=subnational');
    expect(subnational.length).toBeGreaterThanOrEqual(mxRu.filter((event) => event.level === 'subnational').length);
    expect(subnational.every((item) => item.level === 'subnational')).toBe(true);

    const trotsky = await wholeTimeline('mx-ru', '&q=trotsky');
    expect(trotsky.length).toBeGreaterThanOrEqual(2);
    for (const item of trotsky) expect(`${item.headline} ${item.summary}`.toLowerCase()).toContain('trotsky');
  });
});

describe('the agreements', () => {
  const statusOf = async (agreementId: string, asOf: string) => {
    const { items } = await view(`/v1/relations/mx-ru/agreements?asOf=${asOf}`);
    return items.find((item: any) => item.agreementId === agreementId);
  };

  it('says an agreement signed in 2012 and valid to 31 December 2014 was in force in 2013 and expired in 2015', async () => {
    expect(await statusOf('yucatan-rsuh-2012', '2013-05-01')).toMatchObject({ status: 'in_force', signed: '2012', validUntil: '2014-12-31' });
    expect((await statusOf('yucatan-rsuh-2012', '2015-01-01')).status).toBe('expired');
    expect((await statusOf('yucatan-rsuh-2012', '2011-12-31')).status).toBe('not_yet_signed');
    const inItsYear = await statusOf('yucatan-rsuh-2012', '2012-05-01');
    expect(inItsYear.status).toBe('unknown');
    expect(inItsYear.reason).toMatch(/signed in 2012/);
  });

  it('never guesses in force when the source gives no validity, and knows indefinite ones', async () => {
    const noValidity = await statusOf('mx-ru-1976-air-transportation', '2000-01-01');
    expect(noValidity).toMatchObject({ status: 'unknown', validUntil: null });
    expect(noValidity.reason).toMatch(/does not say/);
    expect((await statusOf('mexico-city-moscow-2014', '2020-01-01')).status).toBe('indefinite');
    expect((await statusOf('mexico-city-moscow-2014', '2014-10-19')).status).toBe('not_yet_signed');
  });

  it('filters by status, level and subject', async () => {
    const inForce = await view('/v1/relations/mx-ru/agreements?asOf=2013-05-01&status=in_force');
    expect(inForce.items.length).toBeGreaterThan(0);
    expect(inForce.items.every((item: any) => item.status === 'in_force')).toBe(true);
    expect(inForce.items.map((item: any) => item.agreementId)).toContain('yucatan-rsuh-2012');

    const education = await view('/v1/relations/mx-ru/agreements?asOf=2013-05-01&level=subnational&subject=education');
    const expected = mxRu.filter((event) => event.type === 'AgreementSigned' && event.data.subject === 'Education');
    expect(education.items.map((item: any) => item.agreementId).sort()).toEqual(expected.map((event) => event.data.agreementId).sort());
  });

  it('pages the list with an opaque cursor', async () => {
    const all = await view('/v1/relations/mx-ru/agreements?asOf=2020-01-01&limit=500');
    const first = await view('/v1/relations/mx-ru/agreements?asOf=2020-01-01&limit=10');
    const second = await view(`/v1/relations/mx-ru/agreements?asOf=2020-01-01&limit=500&cursor=${first.next}`);
    expect([...first.items, ...second.items]).toEqual(all.items);
    expect(second.next).toBeNull();

    const unknown = await view('/v1/relations/mx-ru/agreements?asOf=2020-01-01&status=unknown&limit=500');
    const unknownFirst = await view('/v1/relations/mx-ru/agreements?asOf=2020-01-01&status=unknown&limit=3');
    const unknownRest = await view(`/v1/relations/mx-ru/agreements?asOf=2020-01-01&status=unknown&limit=500&cursor=${unknownFirst.next}`);
    expect(unknownFirst.items).toHaveLength(3);
    expect([...unknownFirst.items, ...unknownRest.items]).toEqual(unknown.items);
  });

  it('shows one agreement with the events of its history', async () => {
    const signing = byHeadline('Yucatán');
    const body = await view(`/v1/relations/mx-ru/agreements/${signing.data.agreementId}?asOf=2013-05-01`);
    expect(body.agreement).toMatchObject({ agreementId: signing.data.agreementId, status: 'in_force' });
    expect(body.history.map((item: any) => item.id)).toContain(signing.id);
    expect((await get('/v1/relations/mx-ru/agreements/no-such-agreement')).status).toBe(404);
  });
});

describe('the relation status', () => {
  it('says relations were severed on 1 May 1935, by the event of 26 January 1930', async () => {
    const body = await view('/v1/relations/mx-ru/status?on=1935-05-01');
    expect(body.status).toBe('severed');
    expect(body.event).toMatchObject({ occurred: '1930-01-26', type: 'RelationsSevered' });
    expect(body.event.id).toBe(mxRu.find((event) => event.type === 'RelationsSevered')!.id);
  });

  it('follows the changes over time and does not guess inside a month-precision change', async () => {
    expect((await view('/v1/relations/mx-ru/status?on=1880-01-01')).status).toBe('not_established');
    expect((await view('/v1/relations/mx-ru/status?on=1890-12-01')).status).toBe('established');
    expect((await view('/v1/relations/mx-ru/status?on=1943-07-01')).status).toBe('restored');
    const june1943 = await view('/v1/relations/mx-ru/status?on=1943-06-10');
    expect(june1943.status).toBe('unknown');
    expect(june1943.event.occurred).toBe('1930-01-26');
    expect(june1943.possibleChange.occurred).toBe('1943-06');
    const { periods } = june1943;
    expect(periods.map((period: any) => [period.status, period.from, period.until])).toEqual([
      ['established', '1890-12-01', '1924-08'],
      ['established', '1924-08', '1930-01-26'],
      ['severed', '1930-01-26', '1943-06'],
      ['restored', '1943-06', null],
    ]);
  });
});

describe('what qualifies the relation status', () => {
  const qualifiersOn = async (day: string) => {
    const body = await view(`/v1/relations/mx-ru/status?on=${day}`);
    return { ...body, qualifiers: body.qualifiers.map((q: any) => [q.qualifier, q.event.occurred]) };
  };

  it('says relations were practically non-existent from 1910 to August 1924, without inventing a break', async () => {
    for (const day of ['1910-01-01', '1917-11-07', '1922-06-01', '1924-07-31']) {
      const on = await qualifiersOn(day);
      expect(on.status, day).toBe('established');
      expect(on.event.occurred, day).toBe('1890-12-01');
      expect(on.qualifiers, day).toEqual([['practically_non_existent', '1910/1924-08']]);
      expect(on.reason, day).toBe('relations were established on 1 December 1890; during 1910–August 1924 they were practically non-existent');
    }
    expect((await qualifiersOn('1909-12-31')).qualifiers).toEqual([]);
    const after = await qualifiersOn('1925-01-01');
    expect([after.status, after.qualifiers]).toEqual(['established', []]);
  });

  it('says the sources differ on December 1991 to 1992, and follows the body: relations continued', async () => {
    const on = await qualifiersOn('1992-06-01');
    expect(on.status).toBe('restored');
    expect(on.qualifiers).toEqual([['sources_differ', '1991-12/1992']]);
    expect(on.reason).toBe('relations were restored in June 1943; for December 1991–1992 the sources differ');
    expect((await qualifiersOn('1993-01-01')).qualifiers).toEqual([]);
  });

  it('lists each qualifier under the period it qualifies', async () => {
    const { periods } = await view('/v1/relations/mx-ru/status?on=2000-01-01');
    expect(periods.map((period: any) => [period.from, period.qualifiers.map((q: any) => q.qualifier)])).toEqual([
      ['1890-12-01', ['practically_non_existent']],
      ['1924-08', []],
      ['1930-01-26', []],
      ['1943-06', ['sources_differ']],
    ]);
    expect(periods[0].qualifiers[0].event).toMatchObject({
      type: 'RelationsQualified', occurredInWords: '1910–August 1924',
      headline: 'Diplomatic relations were practically non-existent during the revolutions in Mexico and Russia',
    });
  });
});

describe('on this day', () => {
  it('finds the events of that day with how many years ago they happened', async () => {
    const body = await view('/v1/relations/mx-ru/on-this-day?date=01-26&year=2026');
    const severed = body.items.find((item: any) => item.type === 'RelationsSevered');
    expect(severed).toMatchObject({ occurred: '1930-01-26', yearsAgo: 96, relation: 'mx-ru' });
    const everywhere = await view('/v1/on-this-day?date=12-01&year=2026');
    expect(everywhere.items.find((item: any) => item.occurred === '1890-12-01')).toMatchObject({ yearsAgo: 136 });
  });

  it('defaults to today in UTC, as agreements and status do', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const body = await view('/v1/on-this-day');
    expect([body.date, body.year]).toEqual([today.slice(5), Number(today.slice(0, 4))]);
    expect((await view('/v1/relations/mx-ru/agreements')).asOf).toBe(today);
    expect((await view('/v1/relations/mx-ru/status')).on).toBe(today);
  });

  it('never shows events known only to the month or the year', async () => {
    const monthOnly = mxRu.filter((event) => /^\d{4}-\d{2}$/.test(event.occurred));
    expect(monthOnly.length).toBeGreaterThan(0);
    for (const event of monthOnly.slice(0, 4)) {
      const body = await view(`/v1/on-this-day?date=${event.occurred.slice(5)}-01&year=2026`);
      expect(body.items.map((item: any) => item.id)).not.toContain(event.id);
      for (const item of body.items) expect(item.occurred).toMatch(/^\d{4}-\d{2}-01$/);
    }
  });

  it('is a lookup by an index, not a scan of the log', async () => {
    for (const relations of [undefined, ['mx-ru']]) {
      const { sql, params } = anniversariesSql({ month: 2, day: 28, year: 2026, relations, tags: ['x'] }, { limit: 10 });
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
      const steps = plan.results.map((row) => row.detail);
      expect(steps.some((step) => /SEARCH o USING (COVERING )?INDEX view_on_this_day_by_date/.test(step)), steps.join('\n')).toBe(true);
      expect(steps.some((step) => /^SCAN (o|t|events)\b/.test(step)), steps.join('\n')).toBe(false);
    }
  });
});

describe('parameters', () => {
  it('answers 400 naming the parameter', async () => {
    expect(await badParameter('/v1/relations/mx-ru/timeline?limit=0')).toEqual(['limit']);
    expect(await badParameter('/v1/relations/mx-ru/timeline?from=1943-13')).toEqual(['from']);
    expect(await badParameter('/v1/relations/mx-ru/timeline?from=1950&to=1940')).toEqual(['to']);
    expect(await badParameter('/v1/relations/mx-ru/timeline?type=Invasion')).toEqual(['type']);
    expect(await badParameter('/v1/relations/mx-ru/timeline?cursor=not-a-cursor')).toEqual(['cursor']);
    expect(await badParameter('/v1/relations/mx-ru/agreements?asOf=2023-02-29')).toEqual(['asOf']);
    expect(await badParameter('/v1/relations/mx-ru/agreements?status=dormant')).toEqual(['status']);
    expect(await badParameter('/v1/relations/mx-ru/status?on=1935-13-01')).toEqual(['on']);
    expect(await badParameter('/v1/relations/mx-ru/on-this-day?date=02-30')).toEqual(['date']);
    expect(await badParameter('/v1/on-this-day?date=02-29&year=2023')).toEqual(['date']);
    expect(await badParameter('/v1/on-this-day?date=1-5')).toEqual(['date']);
  });

  it('answers 404 for a relation with no events', async () => {
    const relation = freshRelation();
    for (const path of ['timeline', 'agreements', 'status', 'on-this-day']) {
      const response = await get(`/v1/relations/${relation}/${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
