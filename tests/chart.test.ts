import { describe, expect, it } from 'vitest';
import { event, findAll, parseSvg, signed, withAttribute, type SvgElement } from './chart-helpers';
import { freshRelation, get, noted } from './setup/client';
import { badParameter, record } from './views-helpers';

/** A relation whose history has every kind of mark the chart draws, with dates as precise and as coarse as sources give them. */
async function relationWithHistory() {
  const relation = freshRelation();
  const [a, b] = relation.split('-');
  await record(relation, [
    noted({ occurred: '1806', headline: 'Early contact, not drawn' }),
    event('RelationsEstablished', '1890-12-01', 'Relations established'),
    event('RelationsEstablished', '1924-08', 'Relations established with the new state'),
    event('RelationsSevered', '1930-01-26', 'Relations severed'),
    event('RelationsRestored', '1943-06', 'Relations restored'),
    signed('stated', '2010-06-21', '2013-06-20', 'subnational'),
    signed('indefinite', '2014-10-20', 'indefinite', 'subnational'),
    signed('unstated', '1976', null),
    signed('year-signed', '2012', '2014-12-31', 'subnational'),
    signed('ended', '1996-05-02', 'indefinite'),
    event('AgreementEnded', '2010', 'Agreement ended was denounced', { agreementId: 'ended', reason: 'denounced' }),
    event('VisitMade', '2004-11-24', 'A president visited', { visitor: 'P', office: 'President', from: b, to: a }),
    event('VisitMade', '1973', 'A president went the other way', { visitor: 'Q', office: 'President', from: a, to: b }),
    event('VisitMade', '2021-04', 'A secretary visited “with” <quotes> & ampersands', { visitor: 'R', office: 'Foreign Secretary', from: a, to: b }),
  ]);
  return relation;
}

async function chart(path: string): Promise<SvgElement> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
  return parseSvg(await response.text());
}

const bars = (svg: SvgElement) => withAttribute(svg, 'data-agreement');
const bar = (svg: SvgElement, id: string) => bars(svg).find((element) => element.attributes['data-agreement'] === id)!;
const periods = (svg: SvgElement) => withAttribute(svg, 'data-period');
const visits = (svg: SvgElement) => findAll(svg, (element) => element.attributes.class === 'ch-visit');
const asOfLine = (svg: SvgElement) => withAttribute(svg, 'data-as-of')[0];

describe('GET /v1/relations/{relation}/chart.svg', () => {
  it('is an accessible SVG with one bar per agreement, one segment per period of relations and a mark per visit', async () => {
    const relation = await relationWithHistory();
    const svg = await chart(`/v1/relations/${relation}/chart.svg?asOf=2012-01-01`);
    expect(svg.attributes).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', role: 'img', 'aria-labelledby': 'ch-title ch-desc' });
    expect(svg.title).toMatch(/ relations over time: periods, agreements and visits$/);
    const [desc] = findAll(svg, (element) => element.attributes.id === 'ch-desc');
    expect(desc.text).toContain('Diplomatic relations: established 1 December 1890, established August 1924, severed 26 January 1930, restored June 1943.');
    expect(desc.text).toContain('5 agreements (2 federal, 3 subnational): 2 valid until a stated day, 2 indefinitely, 1 whose validity the source does not give.');

    expect(bars(svg).map((element) => element.attributes['data-agreement']).sort())
      .toEqual(['ended', 'indefinite', 'stated', 'unstated', 'year-signed']);
    expect(periods(svg).map((element) => element.attributes['data-period'])).toEqual(['established', 'established', 'severed', 'restored']);
    expect(visits(svg)).toHaveLength(3);
    // Facts the chart does not draw stay off it: the axis begins with the first fact it draws, not the note of 1806.
    expect(svg.attributes['data-first-year']).toBe('1890');
    const firstTick = findAll(svg, (element) => element.attributes.class?.startsWith('ch-tick') ?? false)[0];
    expect(firstTick.children.find((child) => child.name === 'text')?.text).toBe('1890');

    // Every mark says what it is and when, in words.
    for (const mark of [...bars(svg), ...periods(svg), ...visits(svg)]) expect(mark.title, JSON.stringify(mark.attributes)).toBeTruthy();
    expect(bar(svg, 'stated').title).toBe('Agreement stated: signed 21 June 2010, valid until 20 June 2013. On 1 January 2012: in force.');
    expect(bar(svg, 'unstated').title).toContain('signed 1976, validity not given by the source. On 1 January 2012: unknown.');
    expect(periods(svg)[2].title).toBe('Relations severed, 26 January 1930, until June 1943: Relations severed.');
    // Text from the log is escaped: the image stays well-formed XML and the hover text reads as recorded.
    expect(visits(svg).map((mark) => mark.title)).toContain('A secretary visited “with” <quotes> & ampersands, April 2021.');
  });

  it('draws what qualifies relations under the periods, over every day its date can mean, with its words and its legend', async () => {
    const relation = freshRelation();
    await record(relation, [
      event('RelationsEstablished', '1890-12-01', 'Relations established'),
      event('RelationsQualified', '1910/1924-08', 'Relations were practically non-existent', { qualifier: 'practically_non_existent' }),
      event('RelationsQualified', '1991-12/1992', 'The sources differ on 1992', { qualifier: 'sources_differ' }),
    ]);
    const svg = await chart(`/v1/relations/${relation}/chart.svg?asOf=1915-01-01`);
    const strips = withAttribute(svg, 'data-qualifier');
    expect(strips.map((strip) => [strip.attributes['data-qualifier'], strip.attributes['data-occurred']])).toEqual([
      ['practically_non_existent', '1910/1924-08'], ['sources_differ', '1991-12/1992'],
    ]);
    expect(strips.map((strip) => strip.title)).toEqual([
      'Practically non-existent, 1910–August 1924: Relations were practically non-existent.',
      'The sources differ, December 1991–1992: The sources differ on 1992.',
    ]);
    // One period only: qualifying relations is no change of them.
    expect(periods(svg).map((element) => element.attributes['data-period'])).toEqual(['established']);
    const [strip] = findAll(strips[0], (element) => element.name === 'rect');
    const [segment] = findAll(periods(svg)[0], (element) => element.name === 'rect');
    expect(Number(strip.attributes.y)).toBeGreaterThan(Number(segment.attributes.y) + Number(segment.attributes.height) - 1);
    const legend = withAttribute(svg, 'data-key').map((element) => element.attributes['data-key']);
    expect(legend).toEqual(expect.arrayContaining(['relations-practically-non-existent', 'relations-sources-differ']));
    const [desc] = findAll(svg, (element) => element.attributes.id === 'ch-desc');
    expect(desc.text).toContain('Practically non-existent, 1910–August 1924: Relations were practically non-existent.');
    const asOf = asOfLine(svg).title;
    expect(asOf).toContain('during 1910–August 1924 they were practically non-existent');
  });

  it('draws each end as the source dates it: a stated day, running on, not given, or only a year', async () => {
    const relation = await relationWithHistory();
    const svg = await chart(`/v1/relations/${relation}/chart.svg`);
    const ends = Object.fromEntries(bars(svg).map((element) => [element.attributes['data-agreement'], element.attributes]));
    expect(ends.stated).toMatchObject({ 'data-validity': 'stated', 'data-end': 'day' });
    expect(ends.indefinite).toMatchObject({ 'data-validity': 'indefinite', 'data-end': 'open' });
    expect(ends.unstated).toMatchObject({ 'data-validity': 'unknown', 'data-end': 'unknown' });
    // Ended in 2010, a year and no day: the end fades over the whole year, never drawn as a day.
    expect(ends.ended).toMatchObject({ 'data-end': 'fuzzy' });
    const fuzzy = (id: string) => withAttribute(bar(svg, id), 'data-fuzzy');
    expect(fuzzy('ended')).toHaveLength(1);
    // Signed in 2012: its start fades in over the year; a day of signing has no fuzz.
    expect(fuzzy('year-signed')).toHaveLength(1);
    expect(fuzzy('stated')).toHaveLength(0);
    // An unknown validity is never drawn in the colour of an agreement in force, and ends in a question mark.
    const unstated = JSON.stringify(bar(svg, 'unstated'));
    expect(unstated).not.toContain('#1f5fa8');
    expect(unstated).toContain('"?"');
    // Visits known to a day are solid; those known to a month or a year are hollow over their span.
    expect(visits(svg).map((mark) => mark.attributes['data-exact']).sort()).toEqual(['false', 'false', 'true']);
  });

  it('moves the as-of line with asOf', async () => {
    const relation = await relationWithHistory();
    const x = async (asOf: string) => Number(asOfLine(await chart(`/v1/relations/${relation}/chart.svg?asOf=${asOf}`)).attributes['data-x']);
    expect(await x('2016-01-01')).toBeGreaterThan(await x('2012-01-01'));
    const before = asOfLine(await chart(`/v1/relations/${relation}/chart.svg?asOf=1700-01-01`));
    expect(before.attributes).toMatchObject({ 'data-side': 'before' });
    expect(before.attributes['data-x']).toBeUndefined();
  });

  it('narrows to a level or to the rows of some types', async () => {
    const relation = await relationWithHistory();
    const subnational = await chart(`/v1/relations/${relation}/chart.svg?level=subnational`);
    expect(bars(subnational).map((element) => element.attributes['data-level'])).toEqual(['subnational', 'subnational', 'subnational']);
    expect(periods(subnational)).toEqual([]);
    expect(visits(subnational)).toEqual([]);
    expect(subnational.attributes['data-first-year']).toBe('2010');

    const onlyVisits = await chart(`/v1/relations/${relation}/chart.svg?type=VisitMade`);
    expect([bars(onlyVisits).length, periods(onlyVisits).length, visits(onlyVisits).length]).toEqual([0, 0, 3]);
    const relationsAndAgreements = await chart(`/v1/relations/${relation}/chart.svg?type=RelationsSevered,AgreementEnded`);
    expect([bars(relationsAndAgreements).length, periods(relationsAndAgreements).length, visits(relationsAndAgreements).length]).toEqual([5, 4, 0]);

    const nothing = await chart(`/v1/relations/${relation}/chart.svg?level=subnational&type=VisitMade`);
    expect(JSON.stringify(nothing)).toContain('Nothing recorded matches these filters.');
  });

  it('answers a bad parameter with a 400 naming it, and an unknown relation with a 404', async () => {
    const relation = await relationWithHistory();
    const path = `/v1/relations/${relation}/chart.svg`;
    expect(await badParameter(`${path}?level=municipal`)).toEqual(['level']);
    expect(await badParameter(`${path}?type=EventNoted`)).toEqual(['type']);
    expect(await badParameter(`${path}?type=VisitMade,Nonsense`)).toEqual(['type']);
    expect(await badParameter(`${path}?asOf=2012-02-30`)).toEqual(['asOf']);
    expect(await badParameter('/v1/relations/ru-mx/chart.svg')).toEqual(['relation']);
    const unknown = await get(`/v1/relations/${freshRelation()}/chart.svg`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is served from the cache until an append to the relation, and answers conditional requests', async () => {
    const relation = await relationWithHistory();
    const path = `/v1/relations/${relation}/chart.svg?asOf=2012-01-01`;
    const first = await get(path);
    expect(first.headers.get('server-timing')).toMatch(/^d1;desc="1 call";/);
    const again = await get(path);
    expect(again.headers.get('server-timing')).toMatch(/^d1;desc="0 calls";/);
    expect(again.headers.get('cache-status')).toContain('hit');
    expect(await again.text()).toBe(await first.text());
    const notModified = await get(path, { 'if-none-match': again.headers.get('etag')! });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('server-timing')).toMatch(/^d1;desc="0 calls";/);

    await record(relation, [signed('later', '2020-02-02', '2024-02-01')]);
    const after = await get(path);
    expect(after.headers.get('server-timing')).toMatch(/^d1;desc="1 call";/);
    expect(bars(parseSvg(await after.text())).map((element) => element.attributes['data-agreement'])).toContain('later');
  });
});
