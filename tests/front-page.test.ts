import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';
import { loadFixtures } from './views-helpers';

/** The front page, the pages of a day of the year, and what lets the site be found and shared. */

const text = async (path: string, status = 200) => {
  const response = await get(path);
  expect(response.status, path).toBe(status);
  return response.text();
};

async function amendedRelation() {
  const relation = freshRelation();
  const post1 = await post(`/v1/relations/${relation}/events`, {
    events: [
      { type: 'RelationsEstablished', occurred: '1890-12-01', headline: 'Relations established', source: SOURCE, data: {} },
      noted({ occurred: '1906', headline: 'A note' }), noted({ occurred: '/2023', headline: 'Known by its end' }),
    ],
  });
  const [established, note] = (await post1.json<any>()).events.map((event: any) => event.id);
  const post2 = await post(`/v1/relations/${relation}/events`, {
    events: [
      { type: 'EventCorrected', headline: 'Corrected', source: SOURCE, data: { eventId: established, reason: 'typo', changes: { headline: 'Relations were established' } } },
      { type: 'EventRetracted', headline: 'Retracted', source: SOURCE, data: { eventId: note, reason: 'wrong' } },
    ],
  });
  expect(post2.status).toBe(201);
  return { relation, established, note };
}

describe('the counts of a relation', () => {
  it('say what they count, and agree on the front page, the relation page and /v1/relations', async () => {
    const { relation } = await amendedRelation();
    const listed = (await (await get('/v1/relations')).json<any>()).relations.find((entry: any) => entry.relation === relation);
    expect(listed).toMatchObject({ events: 5, facts: 2 });
    const words = 'the log holds 5 events: 3 facts as recorded, 1 of them since retracted, and 2 corrections, retractions and translations';
    const page = await text(`/${relation}`);
    expect(page).toContain(`2 facts on record, each with its source; ${words}.`);
    const home = await text('/');
    const entry = new RegExp(`<li data-relation="${relation}">([\\s\\S]*?)</li>`).exec(home)![1];
    expect(entry).toContain('<span data-facts="2">2 facts</span>');
    expect(entry).toContain(words);
    // First and last in the order things happened (an open start sorts on its end), and today's status in words.
    expect(entry).toContain('from <time datetime="1890-12-01">1 December 1890</time> to <span>by 2023</span>');
    expect(entry).toContain('Today relations were established on 1 December 1890.');
  });
});

describe('on this day', () => {
  it("lists today's anniversaries across relations on the front page, with a link to choose another day", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const relation = freshRelation();
    const headline = `Anniversary ${crypto.randomUUID()}`;
    expect((await post(`/v1/relations/${relation}/events`, { events: [noted({ occurred: `1952${today.slice(4)}`, headline })] })).status).toBe(201);
    const home = await text('/');
    const section = /<section aria-labelledby="today-heading" id="on-this-day">([\s\S]*?)<\/section>/.exec(home)![1];
    expect(section).toContain(headline);
    expect(section).toContain(`${Number(today.slice(0, 4)) - 1952} years ago`);
    expect(section).toContain(`href="/on-this-day/${today.slice(5)}"`);
  });

  it('has a page for every day of the year, its neighbours linked, and a form that leads to any other', async () => {
    await loadFixtures();
    const december = await text('/on-this-day/12-01');
    expect(december).toContain('<h1>On this day: 1 December</h1>');
    expect(december).toMatch(/1 December 1890<\/time> · \d+ years ago/);
    expect(december).toContain('href="/on-this-day/11-30" rel="prev"');
    expect(december).toContain('href="/on-this-day/12-02" rel="next"');
    expect((await text('/on-this-day/02-29'))).toContain('href="/on-this-day/03-01" rel="next"');
    const chosen = await get('/on-this-day?month=06&day=01');
    expect(chosen.status).toBe(200);
    expect(chosen.url).toBe('https://relations.test/on-this-day/06-01');
    const today = new Date().toISOString().slice(5, 10);
    expect(await text('/on-this-day')).toContain(`<link rel="canonical" href="https://relations.test/on-this-day/${today}"/>`);
    await text('/on-this-day/02-30', 404);
    await text('/on-this-day?month=02&day=30', 400);
  });
});

describe('finding and sharing', () => {
  it('has Open Graph and Twitter card metadata and a canonical URL on every page', async () => {
    const { relation, established } = await amendedRelation();
    for (const path of ['/', `/${relation}`, `/${relation}/events/${established}`, '/on-this-day/12-01', '/search?q=relations', `/${relation}/timelinejs`]) {
      const page = await text(path);
      expect(page, path).toMatch(/<link rel="canonical" href="https:\/\/relations\.test\/[^"]*"\/>/);
      for (const meta of ['og:title', 'og:description', 'og:url', 'og:type', 'og:site_name']) expect(page, `${path} ${meta}`).toContain(`<meta property="${meta}" content="`);
      for (const meta of ['twitter:card', 'twitter:title', 'twitter:description']) expect(page, `${path} ${meta}`).toContain(`<meta name="${meta}" content="`);
    }
  });

  it('lists every relation page and every fact page in the sitemap, with the time the log last changed each', async () => {
    const { relation, established, note } = await amendedRelation();
    const robots = await text('/robots.txt');
    expect(robots).toContain('Sitemap: https://relations.test/sitemap.xml');
    const response = await get('/sitemap.xml');
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const sitemap = await response.text();
    const lastmod = (loc: string) => new RegExp(`<url><loc>${loc.replaceAll('.', '\\.')}</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1];
    const log = (await (await get(`/v1/relations/${relation}/events`)).json<any>()).events;
    const recorded = (index: number) => `${log[index].recorded.slice(0, 19)}Z`;
    expect(lastmod('https://relations.test/')).toBeDefined();
    expect(lastmod(`https://relations.test/${relation}`)).toBe(recorded(4));
    // An amended fact changed when its latest amendment was recorded; the amendments have no page of their own.
    expect(lastmod(`https://relations.test/${relation}/events/${established}`)).toBe(recorded(3));
    expect(lastmod(`https://relations.test/${relation}/events/${note}`)).toBe(recorded(4));
    expect(lastmod(`https://relations.test/${relation}/events/${log[2].id}`)).toBe(recorded(2));
    expect(sitemap).not.toContain(log[3].id);
  });

  it('has a favicon at /favicon.ico, an ICO that every page links beside the SVG icon', async () => {
    const icon = await env.ASSETS.fetch('https://relations.test/favicon.ico');
    expect(icon.status).toBe(200);
    const bytes = new Uint8Array(await icon.arrayBuffer());
    expect([...bytes.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    // The image inside is a 32 × 32 PNG.
    expect([...bytes.slice(22, 26)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await text('/')).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32"/>');
  });

  it('lists every feed in an OPML file, a folder per format', async () => {
    const { relation } = await amendedRelation();
    const opml = await text('/feeds.opml');
    for (const file of ['feed.xml', 'feed.atom', 'feed.json']) {
      expect(opml).toContain(`xmlUrl="https://relations.test/${file}"`);
      expect(opml).toContain(`xmlUrl="https://relations.test/v1/relations/${relation}/${file}" htmlUrl="https://relations.test/${relation}"`);
    }
    expect(opml.match(/<outline text="[^"]+">/g)).toEqual(['<outline text="RSS 2.0">', '<outline text="Atom 1.0">', '<outline text="JSON Feed 1.1">']);
  });
});
