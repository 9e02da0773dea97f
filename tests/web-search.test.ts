import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post, SOURCE } from './setup/client';
import { loadFixtures } from './views-helpers';

/** Searching and filtering on the pages: the relation's timeline, and every relation from the front page. */

const idsIn = (html: string) => [...html.matchAll(/<li id="event-([0-9a-f-]{36})"/g)].map((match) => match[1]);
const html = async (path: string, status = 200) => {
  const response = await get(path);
  expect(response.status, path).toBe(status);
  return response.text();
};

describe('the search of a relation page', () => {
  it('folds accents and case, marks what matched, in words of both seeds', async () => {
    await loadFixtures();
    // The English source (Wikipedia): López Portillo, López Obrador, Cárdenas.
    const lopez = await html('/mx-ru?q=lopez');
    expect(lopez).toContain('<mark>López</mark>');
    expect(lopez).toMatch(/\d+ facts match this search\./);
    expect(lopez).toContain('<mark>López</mark> Obrador');
    expect(lopez).toContain('<mark>López</mark> Portillo');
    expect(await html('/mx-ru?q=CARDENAS')).toContain('<mark>Cárdenas</mark>');
    // The Spanish source (CEMERI): Nuevo León, Yucatán.
    expect(await html('/mx-ru?q=Nuevo+Leon')).toContain('<mark>Nuevo</mark> <mark>León</mark>');
    const yucatan = await html('/mx-ru?q=yucatan');
    expect(yucatan).toContain('<mark>Yucatán</mark>');
    // The query stays in the form, so the page of results can be shared.
    expect(yucatan).toContain('name="q" value="yucatan"');
  });

  it('says when nothing is found, and refuses what it cannot read with the field named', async () => {
    const nothing = await html('/mx-ru?q=zzyzx');
    expect(nothing).toContain('No fact matches this search');
    expect(idsIn(nothing)).toEqual([]);
    const bad = await html('/mx-ru?from=1990&to=1980', 400);
    expect(bad).toContain('To: ends before from (1990)');
    expect(bad).toContain('name="from" value="1990"');
  });

  it('filters by type (once per type or comma-separated), tag, level and dates, as the timeline API does, and keeps them in its feeds', async () => {
    const relation = freshRelation();
    const visit = { type: 'VisitMade', source: SOURCE, data: { visitor: 'A', office: 'B', from: relation.slice(0, 2), to: relation.slice(3) } };
    const response = await post(`/v1/relations/${relation}/events`, {
      events: [
        { ...visit, occurred: '1990-01-01', headline: 'Visit one', tags: ['trade'] },
        { ...visit, occurred: '2000-01-01', headline: 'Visit two', level: 'subnational' },
        noted({ occurred: '1995', headline: 'A note', tags: ['trade'] }),
      ],
    });
    expect(response.status).toBe(201);
    const [one, two, note] = (await response.json<any>()).events.map((event: any) => event.id);
    expect(idsIn(await html(`/${relation}?type=VisitMade`))).toEqual([one, two]);
    expect(idsIn(await html(`/${relation}?type=VisitMade&type=EventNoted`))).toEqual([one, note, two]);
    expect(idsIn(await html(`/${relation}?type=VisitMade,EventNoted&tag=trade`))).toEqual([one, note]);
    expect(idsIn(await html(`/${relation}?level=subnational`))).toEqual([two]);
    expect(idsIn(await html(`/${relation}?from=1991&to=2000`))).toEqual([note, two]);
    // Empty fields of the form are no filter.
    expect(idsIn(await html(`/${relation}?q=&tag=&level=&from=&to=&sort=relevance`))).toEqual([one, note, two]);
    const filtered = await html(`/${relation}?type=VisitMade&tag=trade`);
    expect(filtered).toMatch(new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/v1/relations/${relation}/feed.atom\\?type=VisitMade&amp;tag=trade"`));
    expect(filtered).toContain('<input type="checkbox" name="type" value="VisitMade" checked=""/>');
    expect(filtered).toContain('<meta name="robots" content="noindex, follow"/>');
  });

  it('pages a long timeline instead of cutting it off', async () => {
    const relation = freshRelation();
    const events = Array.from({ length: 130 }, (_, index) => noted({ occurred: String(1800 + index), headline: `Fact ${index}` }));
    for (const batch of [events.slice(0, 100), events.slice(100)]) {
      expect((await post(`/v1/relations/${relation}/events`, { events: batch })).status).toBe(201);
    }
    const seen: string[] = [];
    let path: string | null = `/${relation}`;
    while (path) {
      const body = await html(path);
      seen.push(...idsIn(body));
      path = /<a href="([^"]+)" rel="next">/.exec(body)?.[1].replaceAll('&amp;', '&') ?? null;
    }
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    // A search is paged the same way, with the search kept.
    const first = await html(`/${relation}?q=fact`);
    expect(first).toContain('130 facts match this search. Showing 100 of 130.');
    const next = /<a href="([^"]+)" rel="next">/.exec(first)![1].replaceAll('&amp;', '&');
    expect(next).toContain('q=fact');
    expect(idsIn(await html(next))).toHaveLength(30);
  });
});

describe('the search of every relation', () => {
  it('finds the facts of every relation, each with its relation named, from the front page form', async () => {
    const word = `zq${crypto.randomUUID().slice(0, 6)}`;
    const [a, b] = [freshRelation(), freshRelation()];
    for (const relation of [a, b]) {
      expect((await post(`/v1/relations/${relation}/events`, { events: [noted({ headline: `About ${word} here` })] })).status).toBe(201);
    }
    expect(await html('/')).toContain('<form method="get" action="/search" role="search"');
    const found = await html(`/search?q=${word.toUpperCase()}`);
    expect(found).toContain('2 facts match this search.');
    expect(found).toContain(`<mark>${word}</mark>`);
    for (const relation of [a, b]) expect(found).toContain(`href="/${relation}"`);
    expect(await html('/search?q=zzyzxnothing')).toContain('No fact matches this search');
    // Its feeds keep the filters a feed takes.
    expect(await html(`/search?q=${word}&type=EventNoted&level=federal`)).toContain('href="/feed.atom?type=EventNoted&amp;level=federal"');
    expect(await html('/search')).toContain('Give words to look for');
    expect(await html('/search?q=%22', 400)).toContain('Words: no letter or digit to search for');
  });
});
