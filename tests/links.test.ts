import { createScheduledController, env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAmendment } from '../src/domain/catalog';
import worker from '../src/index';
import { webhookSettings } from '../src/webhooks/settings';
import { SOURCE } from './setup/client';
import { loadFixtures } from './views-helpers';
import { api, endpoint, endpointName, eventually, hookUrl, received, subscribe, succeeded, webhookRelation } from './webhooks-helpers';

/**
 * Every link of ours in every output of the seed data leads somewhere: the pages, the feeds (every archive page),
 * the calendar, the TimelineJS export, the chart, the sitemap, the OPML list and the webhook messages are read
 * as their readers read them, and each link to this origin is followed. A link must answer 200 (after at most one
 * redirect), and a link to an anchor must find an element with that id on the page it leads to.
 */

const ORIGIN = 'https://relations.test';
const RELATION = 'mx-ru';

interface Fetched {
  status: number;
  type: string;
  body: string;
}

const fetched = new Map<string, Promise<Fetched>>();

/** A path of ours, fetched once (static files from the assets in front of the Worker), following one redirect. */
function fetchOnce(path: string): Promise<Fetched> {
  if (!fetched.has(path)) {
    fetched.set(path, (async () => {
      const isAsset = path.startsWith('/static/') || path === '/favicon.ico';
      let response = isAsset ? await env.ASSETS.fetch(`${ORIGIN}${path}`) : await SELF.fetch(`${ORIGIN}${path}`, { redirect: 'manual' });
      if (response.status === 301 || response.status === 302) {
        const location = new URL(response.headers.get('location')!, `${ORIGIN}${path}`);
        response = await SELF.fetch(location.href, { redirect: 'manual' });
      }
      return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
    })());
  }
  return fetched.get(path)!;
}

const unescapeXml = (text: string) =>
  text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

/** Every link an output holds, as its readers find them, resolved against where it was read. */
function linksIn(path: string, { type, body }: Fetched): string[] {
  const found: string[] = [];
  if (type.includes('json')) {
    const walk = (value: unknown): void => {
      if (typeof value === 'string') {
        if (value.startsWith('/') || value.startsWith(ORIGIN)) found.push(value);
        // TimelineJS texts and JSON Feed bodies are HTML.
        for (const match of value.matchAll(/href="([^"]+)"/g)) found.push(unescapeXml(match[1]));
      } else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(JSON.parse(body));
  } else if (type.startsWith('text/calendar')) {
    for (const match of body.replace(/\r\n /g, '').matchAll(/^URL:(.+)$/gm)) found.push(match[1].trim());
  } else {
    // HTML, and XML: attributes (href, src, xmlUrl, htmlUrl), element text (<loc>, RSS <link>), and
    // addresses inside the escaped HTML of feed entries.
    const text = unescapeXml(body);
    for (const match of text.matchAll(/\b(?:href|src|xmlUrl|htmlUrl)="([^"]+)"/g)) found.push(match[1]);
    for (const match of text.matchAll(/<(?:loc|link|guid|comments)>([^<]+)<\//g)) found.push(match[1].trim());
  }
  return found
    .map((link) => new URL(link, `${ORIGIN}${path}`))
    // The WebSub hub every feed names (rel="hub") takes POSTs of subscribers (WebSub §5), not a reader's GET.
    .filter((url) => url.origin === ORIGIN && url.pathname !== '/v1/websub')
    .map((url) => url.pathname + url.search + url.hash);
}

/** Whether a link leads into the seed relation (or to no relation at all), so the crawl stays within the seed data. */
function ofTheSeed(link: string): boolean {
  const language = /^\/(en|es|ru)(\/[^?#]*)/.exec(link);
  // The pages of a fact in each language are the English one's, in other words: tests/languages.test.ts has them.
  if (language) return language[2] === '/' || language[2] === `/${RELATION}`;
  const first = link.split(/[/?#]/)[1] ?? '';
  if (/^[a-z]{2}-[a-z]{2}$/.test(first)) return first === RELATION;
  const relation = /^\/v1\/relations\/([a-z]{2}-[a-z]{2})\//.exec(link)?.[1];
  return relation === undefined || relation === RELATION;
}

/**
 * Outputs whose links are followed further: the seed relation's pages, feeds, exports and chart. Of the outputs in
 * a language (`/es/…`, `?lang=es`), which have the links of the English ones in the same places, the front page and
 * the relation's page of each language are fetched, and what they link too, but no further.
 */
function isCrawled(path: string): boolean {
  if (/^\/(en|es|ru)\//.test(path) || /[?&]lang=/.test(path)) return false;
  if (/^\/on-this-day\//.test(path) || path.startsWith('/static/') || path.startsWith('/search')) return false;
  if (/^\/v1\/events\//.test(path) || /\/agreements\//.test(path) || /\/timeline(\?|$)/.test(path)) return false;
  return ofTheSeed(path);
}

async function crawl(start: string[]): Promise<{ broken: string[]; visited: number }> {
  const broken: string[] = [];
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const batch = queue.splice(0, 8);
    await Promise.all(batch.map(async (link) => {
      const [path, anchor] = link.split('#');
      const page = await fetchOnce(path);
      if (page.status !== 200) broken.push(`${link}: ${page.status}`);
      else if (anchor && !page.body.includes(`id="${anchor}"`)) broken.push(`${link}: no element with id="${anchor}"`);
      if (page.status !== 200 || !isCrawled(path)) return;
      for (const next of linksIn(path, page)) {
        if (seen.has(next) || !ofTheSeed(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }));
  }
  return { broken, visited: seen.size };
}

beforeAll(loadFixtures, 60_000);

describe('the links of every output of the seed data', () => {
  it('lead to pages and anchors that exist: pages, feeds with their archive pages, calendar, TimelineJS, chart, sitemap, OPML', async () => {
    const feeds = ['feed.xml', 'feed.atom', 'feed.json'].flatMap((file) => [`/v1/relations/${RELATION}/${file}`, `/v1/relations/${RELATION}/${file}?page=1`]);
    const { broken, visited } = await crawl([
      '/', `/${RELATION}`, `/${RELATION}?asOf=2015-01-01`, ...feeds,
      `/v1/relations/${RELATION}/anniversaries.ics`, `/v1/relations/${RELATION}/timeline.timelinejs.json`,
      `/v1/relations/${RELATION}/chart.svg`, '/sitemap.xml', '/feeds.opml', '/on-this-day/12-01', '/search?q=Lopez',
    ]);
    expect(broken).toEqual([]);
    // Every fact of the seed has a page, and the crawl reached each one.
    const facts = (await (await SELF.fetch(`${ORIGIN}/v1/relations/${RELATION}/events?limit=500`)).json<any>()).events
      .filter((event: any) => !isAmendment(event.type));
    for (const fact of facts) expect(fetched.has(`/${RELATION}/events/${fact.id}`), fact.id).toBe(true);
    expect(visited).toBeGreaterThan(facts.length);
    for (const language of ['en', 'es', 'ru']) expect(fetched.has(`/${language}/${RELATION}`), language).toBe(true);
  }, 300_000);

  it('in the webhook messages: event.recorded (a fact, its correction and its retraction) and anniversary.today', async () => {
    const relation = webhookRelation();
    const recordedName = endpointName('links-recorded');
    const recorded = await subscribe({ url: hookUrl(recordedName), events: ['event.recorded'], relations: [relation] });
    await endpoint(recordedName, { secrets: [recorded.secret] });
    const fact = { type: 'EventNoted', occurred: '1999-05-05', headline: 'A fact to amend', source: SOURCE, data: {} };
    const appended = await api('POST', `/v1/relations/${relation}/events`, { events: [fact] });
    const [{ id }] = (await appended.json<any>()).events;
    const amendments = await api('POST', `/v1/relations/${relation}/events`, {
      events: [
        { type: 'EventCorrected', headline: 'Corrected', source: SOURCE, data: { eventId: id, reason: 'a typo', changes: { headline: 'A fact, amended' } } },
        { type: 'EventRetracted', headline: 'Retracted', source: SOURCE, data: { eventId: id, reason: 'not so' } },
      ],
    });
    expect(amendments.status).toBe(201);
    const messages = await eventually(() => received(recordedName), (entries) => succeeded(entries).length === 3);

    const todayName = endpointName('links-today');
    const today = await subscribe({ url: hookUrl(todayName), events: ['anniversary.today'], relations: [RELATION] });
    await endpoint(todayName, { secrets: [today.secret] });
    const hour = webhookSettings(env).anniversaryHour;
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(Date.UTC(2026, 11, 1, hour)), cron: '*/5 * * * *' }), env);
    const [anniversaries] = await eventually(() => received(todayName), (entries) => succeeded(entries).length === 1);

    const links = [...succeeded(messages), anniversaries].flatMap((message) => {
      const data = (message.body as any).data;
      return [data.links, ...(data.anniversaries ?? []).map((item: any) => item.links)].filter(Boolean).flatMap((own: any) => Object.values(own) as string[]);
    });
    // Every link of a message is absolute, under the origin that took the subscription.
    expect(links.every((link) => link.startsWith(`${ORIGIN}/`)), links.join(' ')).toBe(true);
    const paths = links.map((link) => link.slice(ORIGIN.length));
    expect(paths.filter((path) => path.includes('/events/') && !path.startsWith('/v1/'))).toHaveLength(3 + (anniversaries.body as any).data.anniversaries.length);
    const pages = await Promise.all(paths.map(async (link) => [link, await fetchOnce(link.split('#')[0])] as const));
    for (const [link, page] of pages) {
      expect(page.status, link).toBe(200);
      const anchor = link.split('#')[1];
      if (anchor) expect(page.body, link).toContain(`id="${anchor}"`);
    }
  }, 60_000);
});
