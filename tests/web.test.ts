import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';

async function record(relation: string, events: Record<string, unknown>[]) {
  const response = await post(`/v1/relations/${relation}/events`, { events });
  expect(response.status).toBe(201);
  return (await response.json<any>()).events.map((event: any) => event.id) as string[];
}

const signed = (fields: Record<string, unknown>) => ({
  type: 'AgreementSigned', headline: 'An agreement was signed', source: SOURCE,
  data: { agreementId: 'test-agreement', title: 'Agreement on cooperation', kind: 'agreement', parties: ['A', 'B'] },
  ...fields,
});

/** A relation with a history: established, severed, restored, and two agreements. */
async function relationWithHistory() {
  const relation = freshRelation();
  await record(relation, [
    noted({ occurred: '1806', headline: 'Early contact' }),
    { type: 'RelationsEstablished', occurred: '1890-12-01', headline: 'Relations established', source: SOURCE, data: {} },
    noted({ occurred: '1906', headline: 'A visit “with” <quotes> & ampersands' }),
    { type: 'RelationsSevered', occurred: '1930-01-26', headline: 'Relations severed', source: SOURCE, data: {} },
    { type: 'RelationsRestored', occurred: '1943-06', headline: 'Relations restored', source: SOURCE, data: {} },
    signed({
      occurred: '2010-06-21',
      data: { agreementId: 'short-one', title: 'Short agreement', kind: 'agreement', parties: ['A', 'B'], validUntil: '2013-06-20' },
    }),
    signed({
      occurred: '2014-10-20',
      data: { agreementId: 'open-one', title: 'Open-ended agreement', kind: 'agreement', parties: ['A', 'B'], validUntil: 'indefinite' },
    }),
  ]);
  return relation;
}

const statusOf = (html: string, agreementId: string) =>
  new RegExp(`<tr data-agreement="${agreementId}"[\\s\\S]*?data-status="([a-z_]+)"`).exec(html)?.[1];

describe('the web page', () => {
  it('lists the relations on the front page, linking each and the feeds', async () => {
    const relation = await relationWithHistory();
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain(`<a href="/${relation}">`);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  it('shows status over time, the agreements as of the chosen day and the timeline grouped by period', async () => {
    const relation = await relationWithHistory();
    const page = await get(`/${relation}?asOf=2012-01-01`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const landmark of ['<main', '<header', '<footer', '<nav', '<h1', '<caption', '<th scope="col"', 'lang="en"']) {
      expect(html).toContain(landmark);
    }
    for (const file of ['feed.xml', 'feed.atom', 'feed.json', 'anniversaries.ics']) {
      expect(html).toMatch(new RegExp(`<link rel="alternate" type="[^"]+" title="[^"]+" href="/v1/relations/${relation}/${file}"`));
    }
    expect(html).toContain('<form method="get"');
    expect(html).toContain('name="asOf" value="2012-01-01"');
    expect(statusOf(html, 'short-one')).toBe('in_force');
    expect(statusOf(html, 'open-one')).toBe('not_yet_signed');
    expect(html).toContain('Before relations were established');
    expect(html).toContain('Relations severed: 26 January 1930 to June 1943');
    expect(html).toContain('Relations restored: June 1943 to today');
    expect(html).toContain('A visit “with” &lt;quotes&gt; &amp; ampersands');
    expect(html.indexOf('Relations established: 1 December 1890')).toBeLessThan(html.indexOf('A visit “with”'));

    const later = await (await get(`/${relation}?asOf=2015-01-01`)).text();
    expect(statusOf(later, 'short-one')).toBe('expired');
    expect(statusOf(later, 'open-one')).toBe('indefinite');
    const between = await (await get(`/${relation}?asOf=1935-05-01`)).text();
    expect(between).toMatch(/data-status="severed"/);
  });

  it('answers a malformed or unknown relation, or a bad date, with a page for people', async () => {
    const unknown = freshRelation();
    const paths = ['/ru-mx', '/zz-aa', '/MX-RU', `/${unknown}`, `/${unknown}/timelinejs`, '/ru-mx/timelinejs', '/0', '/0/timelinejs', '/favicon.ico'];
    for (const path of paths) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<h1>');
    }
    expect(await (await get('/0')).text()).toContain('“0” is not a relation');
    expect(await (await get('/MX-RU')).text()).toContain('try /mx-ru');
    expect(await (await get('/ABC')).text()).not.toContain('try /abc');
    const relation = await relationWithHistory();
    const badDate = await get(`/${relation}?asOf=2012-02-30`);
    expect(badDate.status).toBe(400);
    expect(await badDate.text()).toContain('is not a day this log can show');
  });

  it('leaves the other routes alone', async () => {
    await relationWithHistory();
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/openapi.json')).headers.get('content-type')).toMatch(/json/);
    expect((await get('/docs')).status).toBe(200);
    expect((await get('/feed.xml')).headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    expect((await get('/v1/relations')).status).toBe(200);
  });

  it('reads everything a relation page shows in one D1 call', async () => {
    const relation = await relationWithHistory();
    const page = await get(`/${relation}?asOf=2012-01-01`);
    expect(page.status).toBe(200);
    expect(page.headers.get('server-timing')).toMatch(/^d1;desc="1 call";/);
    const html = await page.text();
    expect(html).toContain('Relations restored');
    expect(statusOf(html, 'short-one')).toBe('in_force');
  });

  it('says under each period what qualifies it, and on the chosen day', async () => {
    const relation = await relationWithHistory();
    await record(relation, [{
      type: 'RelationsQualified', occurred: '1910/1920', headline: 'Relations were practically non-existent',
      source: SOURCE, data: { qualifier: 'practically_non_existent' },
    }]);
    const html = await (await get(`/${relation}?asOf=1915-05-01`)).text();
    expect(html).toContain('On 1 May 1915, relations were established on 1 December 1890; during 1910–1920 they were practically non-existent.');
    const established = /<li><strong>Established<\/strong>[\s\S]*?<\/li>\s*<\/ul>/.exec(html)?.[0] ?? '';
    expect(established).toContain('<li data-qualifier="practically_non_existent"><strong>Practically non-existent</strong>, <span>1910–1920</span>:');
    expect(html.match(/data-qualifier="practically_non_existent"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('data-key="relations-practically-non-existent"');
  });

  it('draws the chart at the top of the page, its as-of line on the day of the agreements form', async () => {
    const relation = await relationWithHistory();
    const html = await (await get(`/${relation}?asOf=2012-01-01`)).text();
    const svg = /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*?<\/svg>(?=<\/div>)/.exec(html)?.[0] ?? '';
    expect(html.indexOf(svg)).toBeLessThan(html.indexOf('<h2 id="status-heading"'));
    // In the page the chart is a group of links, one per mark, each to the page of its fact.
    expect(svg).toMatch(/^<svg [^>]*role="group" aria-labelledby="ch-title ch-desc"/);
    expect(svg.match(new RegExp(`<a href="/${relation}/events/[0-9a-f-]{36}" class="ch-bar"`, 'g'))).toHaveLength(2);
    expect(svg.match(new RegExp(`<a href="/${relation}/events/[0-9a-f-]{36}" class="ch-period"`, 'g'))).toHaveLength(3);
    expect(svg).toContain('data-as-of="2012-01-01"');
    expect(html).toContain('name="asOf" value="2012-01-01"');
    // Its legend is written in the page, where it wraps on a phone; the image of its own carries it inside.
    expect(html).toContain('<ul class="chart-legend"');
    expect(html).toContain(`href="/v1/relations/${relation}/chart.svg?asOf=2012-01-01"`);
    // Drawn by the page's one stylesheet (allowed by its hash), which has a rule for every width a mark appears from.
    expect(svg).not.toContain('<style');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const widths = [...svg.matchAll(/\bch-w(\d+)\b/g)].map((match) => match[1]);
    expect(widths.length).toBeGreaterThan(0);
    for (const width of widths) expect(style).toContain(`(max-width: ${Number(width) - 0.02}px) { .ch .ch-w${width} { display: none; } }`);
    expect(style).toContain('.ch .ch-tick text {');
    const later = await (await get(`/${relation}?asOf=2016-01-01`)).text();
    expect(later).toContain('data-as-of="2016-01-01"');
  });

  it('offers the TimelineJS view of a relation', async () => {
    const relation = await relationWithHistory();
    const html = await (await get(`/${relation}`)).text();
    expect(html).toContain(`href="/${relation}/timelinejs"`);
    const viewer = await get(`/${relation}/timelinejs`);
    expect(viewer.status).toBe(200);
    expect(await viewer.text()).toContain(`/v1/relations/${relation}/timeline.timelinejs.json`);
  });
});
