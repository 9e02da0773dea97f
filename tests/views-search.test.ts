import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshRelation, get, SOURCE } from './setup/client';
import { badParameter, record, view } from './views-helpers';

/** The timeline's search (`q`): an FTS5 index over headline, summary, participants and places. */

const fact = (occurred: string, headline: string, fields: Record<string, unknown> = {}) => ({
  type: 'EventNoted', occurred, headline, source: SOURCE, data: {}, ...fields,
});

async function found(relation: string, query: string): Promise<string[]> {
  const { items } = await view(`/v1/relations/${relation}/timeline?${query}`);
  return items.map((item: any) => item.id);
}

/** Every id of a search, page by page through `next`. */
async function allPages(relation: string, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await view(`/v1/relations/${relation}/timeline?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.items.map((item: any) => item.id));
    cursor = page.next;
  } while (cursor);
  return ids;
}

describe('searching the timeline', () => {
  it('finds words in the headline, summary, participants and places, case and accents aside, as prefixes', async () => {
    const relation = freshRelation();
    const [visit, treaty, moscow] = await record(relation, [
      fact('1978', 'President José López Portillo visited the Soviet Union', { participants: ['José López Portillo'] }),
      fact('1978', 'A treaty was signed', { summary: 'The Treaty of Tlatelolco prohibits nuclear weapons in Latin America.' }),
      fact('2014-10-20', 'An agreement between two capitals', { places: ['Moscú', 'Ciudad de México'] }),
    ]);
    expect(await found(relation, 'q=Lopez')).toEqual([visit]);
    expect(await found(relation, 'q=LÓPEZ portillo')).toEqual([visit]);
    expect(await found(relation, 'q=Mexico')).toEqual([moscow]);
    expect(await found(relation, 'q=moscu')).toEqual([moscow]);
    expect(await found(relation, 'q=Tlatel')).toEqual([treaty]);
    expect(await found(relation, 'q=nuclear weapons')).toEqual([treaty]);
    expect(await found(relation, 'q=nuclear moscow')).toEqual([]);
    // A decomposed accent (as some keyboards send it) is the same letter.
    expect(await found(relation, `q=${encodeURIComponent('Lo\u0301pez')}`)).toEqual([visit]);
  });

  it('matches words in double quotes as a phrase, whole words in that order', async () => {
    const relation = freshRelation();
    const [treaty] = await record(relation, [
      fact('1978', 'Mexico signed the Treaty of Tlatelolco'),
      fact('1979', 'Tlatelolco hosted a treaty conference'),
    ]);
    expect(await found(relation, `q=${encodeURIComponent('"treaty of tlatelolco"')}`)).toEqual([treaty]);
    expect(await found(relation, `q=${encodeURIComponent('"treaty of tlatel"')}`)).toEqual([]);
    expect((await found(relation, 'q=treaty tlatelolco')).length).toBe(2);
  });

  it('answers in the order things happened, or best match first with sort=relevance, a page at a time', async () => {
    const relation = freshRelation();
    const [summaryOnly, headline, both] = await record(relation, [
      fact('1900', 'A note', { summary: 'It mentions Kollontai once, among many other words of a long summary.' }),
      fact('1950', 'Kollontai appointed'),
      fact('1926', 'Kollontai, the first female ambassador', { participants: ['Alexandra Kollontai'] }),
      fact('1927', 'Unrelated'),
    ]);
    expect(await found(relation, 'q=kollontai')).toEqual([summaryOnly, both, headline]);
    const best = await found(relation, 'q=kollontai&sort=relevance');
    expect(best).toHaveLength(3);
    expect(best.at(-1)).toBe(summaryOnly);
    expect(await allPages(relation, 'q=kollontai')).toEqual([summaryOnly, both, headline]);
    expect(await allPages(relation, 'q=kollontai&sort=relevance')).toEqual(best);
    expect(await found(relation, 'q=kollontai&from=1920&to=1940')).toEqual([both]);
  });

  it('follows corrections and retractions', async () => {
    const relation = freshRelation();
    const [kept, gone] = await record(relation, [fact('1930', 'Old words'), fact('1931', 'Withdrawn words')]);
    await record(relation, [
      { type: 'EventCorrected', headline: 'Correction', source: SOURCE, data: { eventId: kept, reason: 'misread', changes: { headline: 'New words', places: ['Veracruz'] } } },
      { type: 'EventRetracted', headline: 'Retraction', source: SOURCE, data: { eventId: gone, reason: 'unsupported' } },
    ]);
    expect(await found(relation, 'q=old')).toEqual([]);
    expect(await found(relation, 'q=new veracruz')).toEqual([kept]);
    expect(await found(relation, 'q=withdrawn')).toEqual([]);
    expect(await found(relation, 'q=words')).toEqual([kept]);
  });

  it('refuses, naming the parameter, a search with nothing to search for, too long, or a sort or cursor that does not fit', async () => {
    const relation = freshRelation();
    await record(relation, [fact('1930', 'Something')]);
    const base = `/v1/relations/${relation}/timeline`;
    expect(await badParameter(`${base}?q=${encodeURIComponent('"" * - ( )')}`)).toEqual(['q']);
    expect(await badParameter(`${base}?q=${'a'.repeat(201)}`)).toEqual(['q']);
    expect(await badParameter(`${base}?sort=relevance`)).toEqual(['sort']);
    expect(await badParameter(`${base}?sort=newest`)).toEqual(['sort']);
    await record(relation, [fact('1931', 'Something else'), fact('1932', 'Something more')]);
    const byTime = await view(`${base}?q=something&limit=1`);
    const byRelevance = await view(`${base}?q=something&sort=relevance&limit=1`);
    expect(await badParameter(`${base}?q=something&sort=relevance&cursor=${byTime.next}`)).toEqual(['cursor']);
    expect(await badParameter(`${base}?q=something&cursor=${byRelevance.next}`)).toEqual(['cursor']);
  });

  it('answers any search within its length with 200 (in one D1 call at most) or a 400 naming q, never a 500', async () => {
    const relation = freshRelation();
    await record(relation, [fact('1890-12-01', 'Relations established: Rosen, "AND" OR NOT near(x) * ^ col:umn', { summary: 'México – Россия' })]);
    const syntax = fc.constantFrom(
      '"', '""', '*', '^', ':', '(', ')', '-', '+', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(', '{', '}', 'headline:', ',', "'", '\\', '%', '_', ' ',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(fc.oneof(syntax, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join('')),
      fc.constantFrom('x'.repeat(200), `${'é'.repeat(100)}`, 'Rosen '.repeat(33), '"'.repeat(200), '*'.repeat(200)),
    ).map((value) => value.slice(0, 200));
    await fc.assert(fc.asyncProperty(text, fc.boolean(), async (q, relevance) => {
      const response = await get(`/v1/relations/${relation}/timeline?q=${encodeURIComponent(q)}${relevance ? '&sort=relevance' : ''}`);
      expect([200, 400], `${JSON.stringify(q)}: ${await response.clone().text()}`).toContain(response.status);
      if (response.status === 400) {
        expect((await response.json<any>()).errors.map((error: any) => error.parameter)).toEqual(['q']);
      } else {
        // One D1 call, or none when the edge cache answers a search asked before.
        const hit = response.headers.get('cache-status') === 'relations-log; hit';
        expect(response.headers.get('server-timing')).toMatch(hit ? /^d1;desc="0 calls";/ : /^d1;desc="1 call";/);
      }
    }), { numRuns: 200 });
  }, 60_000);

  it('takes searches longer than a LIKE pattern could be', async () => {
    const relation = freshRelation();
    const long = 'Mexico and the Soviet Union signed the Agreement of Prohibition of Storing Nuclear Weapons in Mexico';
    const [id] = await record(relation, [fact('1967', long)]);
    expect(await found(relation, `q=${encodeURIComponent(long)}`)).toEqual([id]);
    expect(await found(relation, `q=${encodeURIComponent(`"${long}"`)}`)).toEqual([id]);
  });
});
