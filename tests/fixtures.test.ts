/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest';
import { get, post } from './setup/client';
import { isAmendment, TRANSLATION_LANGUAGES } from '../src/domain/catalog';
import { totalEvents } from './setup/log-state';

interface FixtureEvent {
  id: string;
  type: string;
  occurred: string;
  level?: string;
  data: Record<string, unknown>;
  source: { title: string; publisher: string; url?: string; date?: string };
}
interface FixtureFile {
  relation: string;
  events: FixtureEvent[];
}

const files = Object.entries(import.meta.glob<FixtureFile>('../fixtures/*.json', { eager: true, import: 'default' }));
const fixtureEvents = files.flatMap(([, file]) => file.events.map((event) => ({ relation: file.relation, event })));

type Appended = { id: string; position: number; version: number };

/** Loads every fixture file through the write API, one call per file, as `npm start` does. */
async function loadFixtures(): Promise<{ statuses: number[]; events: Appended[] }> {
  const statuses: number[] = [];
  const events: Appended[] = [];
  for (const [name, { relation, events: batch }] of files) {
    const response = await post(`/v1/relations/${relation}/events`, { events: batch });
    if (response.status >= 300) throw new Error(`${name}: ${response.status} ${await response.text()}`);
    statuses.push(response.status);
    events.push(...(await response.json<{ events: Appended[] }>()).events);
  }
  return { statuses, events };
}

/** What the log holds for the fixture ids, read back through the public API. */
async function storedFixtureEvents(): Promise<Map<string, FixtureEvent & { position: number; relation: string }>> {
  const ids = new Set(fixtureEvents.map(({ event }) => event.id));
  const stored = new Map();
  for (const relation of new Set(files.map(([, file]) => file.relation))) {
    let next: string | null = `/v1/relations/${relation}/events?limit=500`;
    while (next) {
      const page: { events: (FixtureEvent & { position: number })[]; next: string | null } = await (await get(next)).json();
      for (const event of page.events) if (ids.has(event.id)) stored.set(event.id, event);
      next = page.next;
    }
  }
  return stored;
}

const countByType = (events: { type: string }[]) =>
  events.reduce<Record<string, number>>((counts, { type }) => ({ ...counts, [type]: (counts[type] ?? 0) + 1 }), {});

describe('the seed fixtures', () => {
  let first: Awaited<ReturnType<typeof loadFixtures>>;
  beforeAll(async () => {
    first = await loadFixtures();
  });

  it('are files of at most 100 events each (one call), every event with its own fixed id', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.every(([, file]) => file.events.length >= 1 && file.events.length <= 100)).toBe(true);
    const ids = fixtureEvents.map(({ event }) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('all load through the write API, and the log holds each of them by type', async () => {
    expect(first.events.map((e) => e.id)).toEqual(fixtureEvents.map(({ event }) => event.id));
    const stored = await storedFixtureEvents();
    expect(stored.size).toBe(fixtureEvents.length);
    const counts = countByType([...stored.values()]);
    const retracted = [...stored.values()].filter((e) => e.type === 'EventRetracted').length;
    const facts = [...stored.values()].filter((e) => !isAmendment(e.type)).length;
    // A translation of every live fact into every language of the service but the log's own.
    expect(counts.EventTranslated).toBe((facts - retracted) * TRANSLATION_LANGUAGES.length);
    expect(countByType([...stored.values()].filter((e) => e.type !== 'EventTranslated'))).toEqual({
      // 28 notes (two of them, on the revolutions, retracted since), the embassies the article shows at work in 1945
      // (Soviet, in Mexico) and 1994 (Mexican, in Moscow), Alaska settled from the 1780s, and CEMERI's continuity of
      // treaties after the USSR.
      EventNoted: 32,
      // Relations practically non-existent from the revolutions to August 1924 (the claim of the two retracted notes,
      // once), and the sources that differ on 1992.
      RelationsQualified: 2,
      // 17 federal agreements (the 16 of the article's list, years only, and the Treaty of Tlatelolco of its
      // history) and 11 subnational ones (with signing date and validity).
      AgreementSigned: 28,
      VisitMade: 20,
      // The legation of 1891 and the honorary consulate of 2021; and two embassy openings the source never dated,
      // recorded at first and retracted since (the log keeps both).
      MissionOpened: 4,
      // The two embassy openings, and the two notes on the revolutions.
      EventRetracted: 4,
      // Knorozov's headline, the quote of the Crimea note, who inaugurated the consulate in Puebla; the quotes of
      // the three cultural events of 2021 (the sentence saying Russia was their guest country), and the quote and
      // summary of the Aguascalientes meeting (an interest in acquiring Sputnik V doses).
      EventCorrected: 7,
      RelationsEstablished: 2,
      RelationsSevered: 1,
      RelationsRestored: 1,
      AmbassadorAppointed: 1,
      TradeReported: 1,
    });
    const agreements = [...stored.values()].filter((e) => e.type === 'AgreementSigned');
    expect(countByType(agreements.map((e) => ({ type: e.level ?? 'federal' })))).toEqual({ federal: 17, subnational: 11 });
  });

  it('translate every live fact into each language, citing its source, as the project\'s own translation', async () => {
    const stored = [...(await storedFixtureEvents()).values()];
    const retracted = new Set(stored.filter((e) => e.type === 'EventRetracted').map((e) => e.data.eventId));
    const live = stored.filter((e) => !isAmendment(e.type) && !retracted.has(e.id));
    const translations = stored.filter((e) => e.type === 'EventTranslated');
    const { items } = await (await get('/v1/relations/mx-ru/timeline?limit=200')).json<{ items: FixtureEvent[] }>();
    const current = new Map(items.map((item) => [item.id, item.source]));
    for (const language of TRANSLATION_LANGUAGES) {
      const into = translations.filter((e) => e.data.language === language);
      expect(into.map((e) => e.data.eventId).sort()).toEqual(live.map((e) => e.id).sort());
      for (const translation of into) {
        // The source of the fact as it stands, its corrections applied.
        expect(translation.source).toEqual(current.get(translation.data.eventId as string));
        expect(translation.data.translator).toMatch(/the project's own translation/);
      }
    }
  });

  it('load twice without writing anything the second time', async () => {
    const before = await totalEvents();
    const again = await loadFixtures();
    expect(again.statuses.every((status) => status === 200)).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(await totalEvents()).toBe(before);
  });

  it('hold the landmark facts at the precision the sources give', async () => {
    const stored = [...(await storedFixtureEvents()).values()];
    const has = (type: string, occurred: string) => stored.some((e) => e.type === type && e.occurred === occurred);
    const landmarks: [string, string][] = [
      ['RelationsEstablished', '1890-12-01'],
      ['MissionOpened', '1891'],
      ['RelationsEstablished', '1924-08'],
      ['AmbassadorAppointed', '1926'],
      ['RelationsSevered', '1930-01-26'],
      ['EventNoted', '1936'],
      ['EventNoted', '1940-08'],
      ['RelationsRestored', '1943-06'],
      ['EventNoted', '1945'],
      ['MissionOpened', '2021-10'],
      ['TradeReported', '2023'],
    ];
    expect(landmarks.filter(([type, occurred]) => !has(type, occurred))).toEqual([]);
  });

  it('record no opening of a mission the sources do not date, and the treaty signed during the 1978 visit', async () => {
    const timeline: { type: string; occurred: string; headline: string; data: Record<string, unknown> }[] = [];
    let next: string | null = '/v1/relations/mx-ru/timeline?limit=200';
    while (next) {
      const page: { items: typeof timeline; next: string | null } = await (await get(next)).json();
      timeline.push(...page.items);
      next = page.next && `/v1/relations/mx-ru/timeline?limit=200&cursor=${page.next}`;
    }
    const missions = timeline.filter((item) => item.type === 'MissionOpened');
    expect(missions.map((item) => item.occurred).sort()).toEqual(['1891', '2021-10']);
    // The visit of 1978 names the treaty signed during it; the signing is an agreement of its own, dated as the visit.
    expect(timeline.some((item) => item.type === 'VisitMade' && item.headline.includes('Treaty of Tlatelolco'))).toBe(true);
    const signings = timeline.filter((item) => item.type === 'AgreementSigned' && item.data.title === 'Treaty of Tlatelolco');
    expect(signings).toMatchObject([{ occurred: '1978', data: { kind: 'treaty', validUntil: null } }]);
  });

  it('cite one of the two source documents', () => {
    const wikipedia = {
      title: 'Mexico–Russia relations', publisher: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Mexico%E2%80%93Russia_relations',
    };
    const cemeri = { title: 'México y Rusia a nivel subnacional', publisher: 'CEMERI', date: '2023-08-14' };
    const citesOne = ({ source }: FixtureEvent) =>
      Object.entries(wikipedia).every(([key, value]) => source[key as keyof typeof source] === value) ||
      Object.entries(cemeri).every(([key, value]) => source[key as keyof typeof source] === value);
    expect(fixtureEvents.filter(({ event }) => !citesOne(event)).map(({ event }) => event.id)).toEqual([]);
  });
});

describe('what outside readers found in the seed fixtures, mended as the log mends anything', () => {
  type Item = { id: string; type: string; occurred: string; precision: string; headline: string; summary: string | null; participants: string[]; source: FixtureEvent['source'] & { quote?: string } };
  let timeline: Item[];
  beforeAll(async () => {
    await loadFixtures();
    timeline = [];
    let next: string | null = '/v1/relations/mx-ru/timeline?limit=200';
    while (next) {
      const page: { items: Item[]; next: string | null } = await (await get(next)).json();
      timeline.push(...page.items);
      next = page.next && `/v1/relations/mx-ru/timeline?limit=200&cursor=${page.next}`;
    }
  });

  it('keep the one claim of both revolutions once, qualifying the status from 1910 to August 1924, and invent no severance', () => {
    const claim = timeline.filter((item) => item.source.quote?.includes('During respective revolutions'));
    expect(claim).toMatchObject([{ type: 'RelationsQualified', occurred: '1910/1924-08' }]);
    expect(claim[0].summary).toContain('1910–1920 in Mexico');
    expect(claim[0].summary).toContain('1917 in Russia');
    expect(timeline.filter((item) => item.type === 'RelationsSevered').map((item) => item.occurred)).toEqual(['1930-01-26']);
  });

  it('claim no more than the source says', () => {
    const knorozov = timeline.find((item) => item.participants.includes('Yuri Knorozov'))!;
    expect(knorozov.headline).not.toMatch(/decipherer/i);
    expect(knorozov.headline).toContain('played an extremely important role in the decipherment of the Maya script');
    const puebla = timeline.find((item) => item.type === 'MissionOpened' && item.occurred === '2021-10')!;
    expect(puebla.headline).toBe('The Honorary Consulate of the Russian Federation in Puebla was inaugurated');
    const aguascalientes = timeline.find((item) => item.headline.startsWith('The Governor of Aguascalientes'))!;
    expect(aguascalientes.summary).toContain('especially the interest in the acquisition of doses');
  });

  it('quote in every citation of CEMERI the words that state the fact', () => {
    const guests = timeline.filter((item) => item.headline.startsWith('Russia was a guest country'));
    expect(guests).toHaveLength(3);
    for (const guest of guests) expect(guest.source.quote).toMatch(/^In the cultural field, various events were held where Russia was a guest country\./);
    const aguascalientes = timeline.find((item) => item.headline.startsWith('The Governor of Aguascalientes'))!;
    expect(aguascalientes.source.quote).toContain('especially the interest in the acquisition of doses of the Sputnik V vaccine');
  });

  it('quote in every citation of the article the words that date the fact', () => {
    const dated = timeline.filter((item) => item.source.publisher === 'Wikipedia' && ['day', 'month', 'year'].includes(item.precision));
    expect(dated.length).toBeGreaterThan(50);
    const undated = dated.filter((item) => !item.source.quote?.includes(item.occurred.slice(0, 4)));
    expect(undated.map((item) => `${item.occurred} ${item.headline}`)).toEqual([]);
    const crimea = timeline.find((item) => item.occurred === '2014' && item.headline.includes('Crimea'))!;
    expect(crimea.source.quote).toMatch(/^In 2014, during the annexation of Crimea .* Mexico called for both sides seek dialogue/);
  });

  it('record the dated facts the sources give and the fixtures lacked', () => {
    expect(timeline.find((item) => item.occurred === '178X')).toMatchObject({ headline: 'Alaska was settled from the 1780s' });
    const continuity = timeline.find((item) => item.source.quote?.includes('assumed their previous commitments in terms of agreements and treaties'));
    expect(continuity).toMatchObject({ occurred: '1991-12/', source: { publisher: 'CEMERI' } });
    expect(timeline.find((item) => item.type === 'RelationsQualified' && item.occurred === '1991-12/1992')?.source.quote)
      .toContain('once again established diplomatic relations with the current Russian Federation in 1992');
  });
});
