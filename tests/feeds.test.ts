import { env, SELF } from 'cloudflare:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../src/feeds/xml';
import { editorKey, freshRelation, get, noted, post, SOURCE } from './setup/client';

// An independent parser: attributes kept, repeatable elements always arrays.
const REPEATED = new Set(['entry', 'item', 'atom:link', 'category']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => REPEATED.has(name),
});

function parseXml(text: string): any {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text);
}

const text = (node: any): string => (typeof node === 'string' ? node : node['#text']);
const linkOf = (links: any, rel: string) => [links].flat().find((link) => link['@rel'] === rel)?.['@href'];

async function record(relation: string, events: Record<string, unknown>[], headers: Record<string, string> = {}): Promise<string[]> {
  const response = await post(`/v1/relations/${relation}/events`, { events }, headers);
  expect(response.status).toBe(201);
  return (await response.json<any>()).events.map((event: any) => event.id);
}

async function feeds(base: string, query = '') {
  const [rss, atom, json] = await Promise.all(
    ['feed.xml', 'feed.atom', 'feed.json'].map((file) => get(`${base}/${file}${query}`)),
  );
  for (const response of [rss, atom, json]) expect(response.status).toBe(200);
  return {
    rss: parseXml(await rss.text()).rss.channel,
    atom: parseXml(await atom.text()).feed,
    json: JSON.parse(await json.text()),
    responses: { rss, atom, json },
  };
}

const SEED_TEXT = 'Canciller Ebrard & Lavrov met in Moscú – “peña” <b>talks</b> \'quoted\'';

describe('feeds of the log', () => {
  it('serves RSS, Atom and JSON Feed with everything the formats require', async () => {
    const relation = freshRelation();
    const [id] = await record(relation, [
      noted({
        occurred: '1890-12-01', headline: SEED_TEXT, summary: `Résumé: ${SEED_TEXT}`,
        participants: ['Marcelo Ebrard', 'Serguéi Lavrov'], source: { ...SOURCE, url: 'https://example.org/a?x=1&y=ñ' },
      }),
    ]);
    const { rss, atom, json, responses } = await feeds(`/v1/relations/${relation}`);

    expect(responses.rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(responses.atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(responses.json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const title = `1 December 1890 — ${SEED_TEXT}`;

    expect(rss.title).toMatch(/^Relations log: .+ relations$/);
    expect(rss.link).toBe(`https://relations.test/${relation}`);
    expect(rss.description).toBeTruthy();
    expect(Number(rss.ttl)).toBeGreaterThan(0);
    expect(linkOf(rss['atom:link'], 'self')).toBe(`https://relations.test/v1/relations/${relation}/feed.xml`);
    const [item] = rss.item;
    expect(item.title).toBe(title);
    expect(item.guid['@isPermaLink']).toBe('false');
    expect(text(item.guid)).toBe(`urn:uuid:${id}`);
    expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(item.description).toContain('Serguéi Lavrov');
    expect(item.description).toContain('&lt;b&gt;talks&lt;/b&gt;');
    expect(item.description).toContain('href="https://example.org/a?x=1&amp;y=ñ"');

    expect(atom.id).toBeTruthy();
    expect(atom.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(atom.author.name).toBeTruthy();
    expect(linkOf(atom.link, 'self')).toBe(`https://relations.test/v1/relations/${relation}/feed.atom`);
    expect(linkOf(atom.link, 'alternate')).toBe(`https://relations.test/${relation}`);
    const [entry] = atom.entry;
    expect(entry.id).toBe(`urn:uuid:${id}`);
    expect(text(entry.title)).toBe(title);
    expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(text(entry.content)).toContain('Résumé: Canciller Ebrard &amp; Lavrov');
    expect(text(entry.content)).toContain('<a href="https://example.org/a?x=1&amp;y=ñ">Test source</a>');

    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`https://relations.test/v1/relations/${relation}/feed.json`);
    expect(json.home_page_url).toBe(`https://relations.test/${relation}`);
    const [jsonItem] = json.items;
    expect(jsonItem.id).toBe(`urn:uuid:${id}`);
    expect(jsonItem.title).toBe(title);
    expect(jsonItem.content_text).toContain('Participants: Marcelo Ebrard, Serguéi Lavrov');
    expect(jsonItem.content_text).toContain('Test source <https://example.org/a?x=1&y=ñ>');
    expect(jsonItem.content_html).toContain('&lt;b&gt;talks&lt;/b&gt;');
    expect(new Date(jsonItem.date_published).toISOString()).toBe(jsonItem.date_published);
  });

  it("names as each entry's author the editor whose key recorded it, or admin; an old free-text actor too, made safe", async () => {
    const relation = freshRelation();
    const editor = await editorKey('Zoë Ortiz-Núñez', ['events:write']);
    const [first] = await record(relation, [noted({ occurred: '1890' })]);
    await record(relation, [noted({ occurred: '1891' })], editor.headers);
    // Before keys, the actor was whatever the request said, control characters and markup included.
    await env.DB.prepare(
      `INSERT INTO events (id, relation, version, type, schema, occurred, occurred_earliest, occurred_latest, recorded,
         headline, summary, tags, places, participants, level, data, source, actor, digest)
       SELECT ?2, relation, 3, type, schema, occurred, occurred_earliest, occurred_latest, recorded, headline, summary,
         tags, places, participants, level, data, source, ?3, digest FROM events WHERE id = ?1`,
    ).bind(first, crypto.randomUUID(), 'Old\u0007 <desk> & "co"').run();
    const { rss, atom, json } = await feeds(`/v1/relations/${relation}`);
    expect(rss.item.map((item: any) => item['dc:creator'])).toEqual(['Old <desk> & "co"', 'Zoë Ortiz-Núñez', 'admin']);
    expect(atom.entry.map((entry: any) => entry.author.name)).toEqual(['Old <desk> & "co"', 'Zoë Ortiz-Núñez', 'admin']);
    expect(json.items.map((item: any) => item.authors)).toEqual([[{ name: 'Old\u0007 <desk> & "co"' }], [{ name: 'Zoë Ortiz-Núñez' }], [{ name: 'admin' }]]);
  });

  it('words partial dates as partial, never inventing a day', async () => {
    const relation = freshRelation();
    await record(relation, [
      noted({ occurred: '1976', headline: 'A year' }),
      noted({ occurred: '1943-06', headline: 'A month' }),
      noted({ occurred: '1910/1920', headline: 'An interval' }),
    ]);
    const { atom } = await feeds(`/v1/relations/${relation}`);
    expect(atom.entry.map((entry: any) => text(entry.title))).toEqual([
      '1910–1920 — An interval', 'June 1943 — A month', '1976 — A year',
    ]);
  });

  it('words the date of a citation as it words the date of an event, at the precision the source gives', async () => {
    const relation = freshRelation();
    const cited = (date: string) => ({ title: 'A report', publisher: 'A ministry', date, locator: 'p. 4' });
    await record(relation, [
      noted({ headline: 'Cited to a day', source: cited('2023-08-14') }),
      noted({ headline: 'Cited to a year', source: cited('2020') }),
    ]);
    const { json, atom } = await feeds(`/v1/relations/${relation}`);
    const bodyOf = (headline: string) => json.items.find((item: any) => item.title.endsWith(headline)).content_text;
    expect(bodyOf('Cited to a day')).toContain('Source: A report (A ministry, 14 August 2023, p. 4)');
    expect(bodyOf('Cited to a year')).toContain('Source: A report (A ministry, 2020, p. 4)');
    expect(JSON.stringify(atom.entry)).toContain('A ministry, 14 August 2023, p. 4');
    const page = await (await get(`/${relation}`)).text();
    expect(page).toContain('(A ministry, 2020, p. 4)');
  });

  it('shows a new event at the top of all three feeds right after the append, from cache otherwise', async () => {
    const relation = freshRelation();
    await record(relation, [noted({ headline: 'First' })]);
    const base = `/v1/relations/${relation}`;
    await feeds(base);
    await feeds(base, '?level=federal');
    const again = await feeds(base);
    for (const response of Object.values(again.responses)) {
      expect(response.headers.get('server-timing')).toMatch(/desc="0 calls"/);
      expect(response.headers.get('cache-status')).toMatch(/hit/);
    }

    const [id] = await record(relation, [noted({ occurred: '1943-06', headline: 'Newest' })]);
    const after = await feeds(base);
    expect(text(after.rss.item[0].guid)).toBe(`urn:uuid:${id}`);
    expect(after.atom.entry[0].id).toBe(`urn:uuid:${id}`);
    expect(after.json.items[0].id).toBe(`urn:uuid:${id}`);
    expect(after.json.items[0].title).toBe('June 1943 — Newest');
    for (const response of Object.values(after.responses)) {
      expect(response.headers.get('server-timing')).toMatch(/desc="1 call"/);
    }
    const filtered = await feeds(base, '?level=federal');
    expect(filtered.json.items[0].id).toBe(`urn:uuid:${id}`);
    expect(filtered.atom.entry[0].id).toBe(`urn:uuid:${id}`);

    const all = await feeds('');
    expect(all.json.items.map((item: any) => item.id)).toContain(`urn:uuid:${id}`);
    expect(all.atom.entry.map((entry: any) => entry.id)).toContain(`urn:uuid:${id}`);
    expect(all.rss.item.map((item: any) => text(item.guid))).toContain(`urn:uuid:${id}`);
  });

  it('answers 304 with no body to If-None-Match and If-Modified-Since, and 200 once the feed changed', async () => {
    const relation = freshRelation();
    await record(relation, [noted()]);
    for (const file of ['feed.xml', 'feed.atom', 'feed.json']) {
      const path = `/v1/relations/${relation}/${file}`;
      const first = await get(path);
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      expect(etag).toMatch(/^"[0-9a-f]+"$/);
      expect(new Date(lastModified).toUTCString()).toBe(lastModified);

      for (const headers of [{ 'if-none-match': etag }, { 'if-modified-since': lastModified }] as Record<string, string>[]) {
        const notModified = await get(path, headers);
        expect(notModified.status).toBe(304);
        expect(await notModified.text()).toBe('');
        expect(notModified.headers.get('etag')).toBe(etag);
      }
      const head = await SELF.fetch(`https://relations.test${path}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(etag);
      expect(await head.text()).toBe('');
      const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await get(path, { 'if-modified-since': older })).status).toBe(200);
      expect((await get(path, { 'if-none-match': '"something-else"' })).status).toBe(200);
    }
    const etag = (await get(`/v1/relations/${relation}/feed.json`)).headers.get('etag')!;
    await record(relation, [noted()]);
    const changed = await get(`/v1/relations/${relation}/feed.json`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('pages back through the whole log: the newest entries, then archive pages through next / prev-archive and next_url', async () => {
    const relation = freshRelation();
    const ids = [
      ...(await record(relation, Array.from({ length: 100 }, () => noted()))),
      ...(await record(relation, Array.from({ length: 20 }, () => noted()))),
    ];
    const newestFirst = ids.map((id) => `urn:uuid:${id}`).reverse();

    const seenJson: string[] = [];
    let url: string | undefined = `https://relations.test/v1/relations/${relation}/feed.json`;
    while (url) {
      const page: any = JSON.parse(await (await get(new URL(url).pathname + new URL(url).search)).text());
      seenJson.push(...page.items.map((item: any) => item.id));
      url = page.next_url;
    }
    expect(seenJson).toEqual(newestFirst);

    for (const file of ['feed.atom', 'feed.xml']) {
      const seen: string[] = [];
      let next: string | undefined = `/v1/relations/${relation}/${file}`;
      let pages = 0;
      while (next) {
        const xml = parseXml(await (await get(next)).text());
        const links = file === 'feed.atom' ? xml.feed.link : xml.rss.channel['atom:link'];
        const entries = file === 'feed.atom' ? xml.feed.entry : xml.rss.channel.item;
        seen.push(...entries.map((entry: any) => (file === 'feed.atom' ? entry.id : text(entry.guid))));
        expect(linkOf(links, 'prev-archive')).toBe(linkOf(links, 'next'));
        if (pages > 0) expect(linkOf(links, 'current')).toBe(`https://relations.test/v1/relations/${relation}/${file}`);
        const href = linkOf(links, 'next');
        next = href && new URL(href).pathname + new URL(href).search;
        pages += 1;
      }
      // The current document holds the newest full page and the one filling (entries 51 to 120), page 1 the rest.
      expect(pages).toBe(2);
      expect(seen).toEqual(newestFirst);
    }
  });

  it('numbers archive pages from the oldest entry: a full page never changes, keeps its URL and may be cached for good', async () => {
    const relation = freshRelation();
    const ids = (await record(relation, Array.from({ length: 100 }, () => noted())))
      .concat(await record(relation, Array.from({ length: 20 }, () => noted())));
    const urn = (from: number, to: number) => ids.slice(from - 1, to).map((id) => `urn:uuid:${id}`).reverse();
    const base = `/v1/relations/${relation}/feed.atom`;
    const atom = async (query = '') => {
      const response = await get(`${base}${query}`);
      expect(response.status, query).toBe(200);
      const body = await response.text();
      return { response, body, feed: parseXml(body).feed };
    };

    const current = await atom();
    expect(current.feed.entry.map((entry: any) => entry.id)).toEqual(urn(51, 120));
    expect(current.response.headers.get('cache-control')).toBe('no-cache');
    expect(linkOf(current.feed.link, 'prev-archive')).toBe(`https://relations.test${base}?page=1`);
    expect(current.feed['fh:archive']).toBeUndefined();

    const first = await atom('?page=1');
    expect(first.feed.entry.map((entry: any) => entry.id)).toEqual(urn(1, 50));
    expect(first.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(first.feed['fh:archive']).toBe('');
    expect(linkOf(first.feed.link, 'current')).toBe(`https://relations.test${base}`);
    expect(linkOf(first.feed.link, 'next-archive')).toBe(`https://relations.test${base}?page=2`);
    expect(linkOf(first.feed.link, 'prev-archive')).toBeUndefined();

    const second = await atom('?page=2');
    expect(second.feed.entry.map((entry: any) => entry.id)).toEqual(urn(51, 100));
    expect(second.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(linkOf(second.feed.link, 'prev-archive')).toBe(`https://relations.test${base}?page=1`);
    expect(linkOf(second.feed.link, 'next-archive')).toBe(`https://relations.test${base}?page=3`);

    // The page still filling is served as it stands, to be revalidated, and is not yet an archive.
    const filling = await atom('?page=3');
    expect(filling.feed.entry.map((entry: any) => entry.id)).toEqual(urn(101, 120));
    expect(filling.response.headers.get('cache-control')).toBe('no-cache');
    expect(filling.feed['fh:archive']).toBeUndefined();
    expect(linkOf(filling.feed.link, 'next-archive')).toBeUndefined();
    const beyond = await get(`${base}?page=4`);
    expect(beyond.status).toBe(404);
    expect(beyond.headers.get('content-type')).toBe('application/problem+json');

    // Appends fill page 3 and open page 4; pages 1 and 2 stay as they were, served from the cache.
    const more = await record(relation, Array.from({ length: 35 }, () => noted()));
    ids.push(...more);
    for (const [query, before] of [['?page=1', first], ['?page=2', second]] as const) {
      const again = await atom(query);
      expect(again.body).toBe(before.body);
      expect(again.response.headers.get('etag')).toBe(before.response.headers.get('etag'));
      expect(again.response.headers.get('server-timing')).toMatch(/desc="0 calls"/);
      expect(again.response.headers.get('cache-status')).toMatch(/hit/);
    }
    const filled = await atom('?page=3');
    expect(filled.feed.entry.map((entry: any) => entry.id)).toEqual(urn(101, 150));
    expect(filled.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const now = await atom();
    expect(now.feed.entry.map((entry: any) => entry.id)).toEqual(urn(101, 155));
    expect(linkOf(now.feed.link, 'prev-archive')).toBe(`https://relations.test${base}?page=2`);
    expect((await get(`${base}?page=4`)).status).toBe(200);
  });

  it('numbers the pages of a filtered feed within its own entries', async () => {
    const relation = freshRelation();
    const visits: string[] = [];
    for (let batch = 0; batch < 3; batch += 1) {
      const ids = await record(relation, Array.from({ length: 40 }, (_, index) => noted({ tags: index % 2 ? ['visits'] : ['trade'] })));
      visits.push(...ids.filter((_, index) => index % 2));
    }
    const page = async (query: string) => JSON.parse(await (await get(`/v1/relations/${relation}/feed.json${query}`)).text());
    const first = await page('?tag=visits&page=1');
    expect(first.items.map((item: any) => item.id)).toEqual(visits.slice(0, 50).map((id) => `urn:uuid:${id}`).reverse());
    const current = await page('?tag=visits');
    expect(current.items.map((item: any) => item.id)).toEqual(visits.map((id) => `urn:uuid:${id}`).reverse());
    expect(current.next_url).toBeUndefined();
    const response = await get(`/v1/relations/${relation}/feed.json?tag=visits&page=1`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('leads an archive link of old (before: the entries before a log position) to the numbered page that holds the newest of them', async () => {
    const relation = freshRelation();
    const appended = await post(`/v1/relations/${relation}/events`, {
      events: Array.from({ length: 60 }, (_, index) => noted({ tags: index % 2 ? ['visits'] : ['trade'] })),
    });
    const positions: number[] = (await appended.json<any>()).events.map((event: any) => event.position);
    const base = `/v1/relations/${relation}/feed.atom`;
    const old = (query: string) => SELF.fetch(`https://relations.test${base}${query}`, { redirect: 'manual' });
    // Entry n is the nth of this feed, positions[n - 1] its place in the log.
    for (const [query, page] of [
      [`?before=${positions[50]}`, '?page=1'], // the newest before entry 51 is entry 50
      [`?before=${positions[51]}`, '?page=2'], // … before entry 52, entry 51
      [`?before=${positions[59] + 1000}`, '?page=2'],
      [`?before=${positions[54]}&tag=visits`, '?tag=visits&page=1'], // 27 visits come before entry 55
    ]) {
      const response = await old(query);
      expect(response.status, query).toBe(301);
      expect(response.headers.get('location'), query).toBe(`https://relations.test${base}${page}`);
      expect(response.headers.get('cache-control'), query).toBe('public, max-age=31536000, immutable');
    }
    const landed = await get(`${base}?page=2`);
    expect(parseXml(await landed.text()).feed.entry.map((entry: any) => entry.id))
      .toContain(`urn:uuid:${(await (await get(`/v1/relations/${relation}/events?limit=52`)).json<any>()).events[50].id}`);
    const nothingBefore = await old(`?before=${positions[0]}`);
    expect(nothingBefore.status).toBe(404);
    expect(nothingBefore.headers.get('content-type')).toBe('application/problem+json');
  });

  it('gives a correction and a retraction entries of their own that point at the event they amend', async () => {
    const relation = freshRelation();
    const [fact] = await record(relation, [noted({ occurred: '1890-12-01', headline: 'Relations established' })]);
    const [correction, retraction] = await record(relation, [
      {
        type: 'EventCorrected', headline: 'Date corrected', source: SOURCE,
        data: { eventId: fact, reason: 'the treaty gives another day', changes: { occurred: '1890-12-02' } },
      },
      { type: 'EventRetracted', headline: 'Withdrawn', source: SOURCE, data: { eventId: fact, reason: 'a duplicate' } },
    ]);
    const { atom, json } = await feeds(`/v1/relations/${relation}`);
    expect(atom.entry.map((entry: any) => entry.id)).toEqual([retraction, correction, fact].map((id) => `urn:uuid:${id}`));
    const [retracted, corrected] = atom.entry;
    for (const entry of [retracted, corrected]) {
      expect(entry['thr:in-reply-to']['@ref']).toBe(`urn:uuid:${fact}`);
      // Each links the page of the fact it amends, and its own entry in that page's history.
      expect(text(entry.content)).toContain(`https://relations.test/${relation}/events/${fact}`);
      expect(text(entry.content)).toContain('1 December 1890 — Relations established');
    }
    const alternate = (entry: any) => linkOf(entry.link, 'alternate');
    expect(alternate(retracted)).toBe(`https://relations.test/${relation}/events/${fact}#amendment-${retraction}`);
    expect(alternate(corrected)).toBe(`https://relations.test/${relation}/events/${fact}#amendment-${correction}`);
    expect(text(retracted.content)).toMatch(/^<p>Retraction/);
    expect(retracted.category.map((category: any) => category['@term'])).toContain('retraction');
    expect(text(corrected.content)).toMatch(/^<p>Correction/);
    expect(json.items[0]._relations_log).toMatchObject({ kind: 'retraction', amends: `urn:uuid:${fact}` });
  });

  it('filters by type, tag and level, keeping corrections of matching events', async () => {
    const relation = freshRelation();
    const [visit, trade, local] = await record(relation, [
      noted({ tags: ['visits'] }),
      noted({ tags: ['trade'] }),
      noted({ tags: ['visits'], level: 'subnational' }),
    ]);
    const [fix] = await record(relation, [
      { type: 'EventCorrected', headline: 'Fixed', source: SOURCE, data: { eventId: visit, reason: 'typo', changes: { headline: 'Better' } } },
    ]);
    const ids = async (query: string) =>
      (JSON.parse(await (await get(`/v1/relations/${relation}/feed.json${query}`)).text()).items as any[])
        .map((item) => item.id.slice('urn:uuid:'.length));
    expect(await ids('?tag=visits')).toEqual([fix, local, visit]);
    expect(await ids('?tag=trade')).toEqual([trade]);
    expect(await ids('?level=subnational')).toEqual([local]);
    expect(await ids('?tag=visits&level=federal')).toEqual([fix, visit]);
    expect(await ids('?type=EventCorrected')).toEqual([fix]);
  });

  it('refuses bad parameters with problem+json, and an unknown relation with 404', async () => {
    const badType = await get('/feed.atom?type=Nonsense');
    expect(badType.status).toBe(400);
    expect(badType.headers.get('content-type')).toBe('application/problem+json');
    expect((await badType.json<any>()).errors[0].parameter).toBe('type');
    for (const query of ['?page=0', '?page=-3', '?page=two', '?before=0', '?before=x']) {
      const response = await get(`/feed.xml${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json<any>()).errors[0].parameter).toBe(query.slice(1).split('=')[0]);
    }
    const both = await get('/feed.xml?page=2&before=36');
    expect(both.status).toBe(400);
    expect((await both.json<any>()).errors[0].parameter).toBe('before');
    expect((await get('/feed.json?level=galactic')).status).toBe(400);
    expect((await get('/v1/relations/ru-mx/feed.xml')).status).toBe(400);
    const unknown = await get(`/v1/relations/${freshRelation()}/feed.atom`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
  });

  it('drops characters XML cannot carry, should any reach a renderer, instead of breaking the feed', () => {
    // The catalog refuses them on the way in; the renderers do not rely on it.
    const escaped = escapeXml('Bell\u0007 & \uD800 <x> "q" \uD83C\uDF89');
    expect(escaped).toBe('Bell &amp;  &lt;x&gt; &quot;q&quot; \uD83C\uDF89');
    expect(XMLValidator.validate(`<t a="${escaped}">${escaped}</t>`)).toBe(true);
  });
});
