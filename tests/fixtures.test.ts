/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest';
import { get, post } from './setup/client';
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
    expect(countByType([...stored.values()])).toEqual({
      // 28 notes, and the embassies the article shows at work in 1945 (Soviet, in Mexico) and 1994 (Mexican, in Moscow).
      EventNoted: 30,
      // 17 federal agreements (the 16 of the article's list, years only, and the Treaty of Tlatelolco of its
      // history) and 11 subnational ones (with signing date and validity).
      AgreementSigned: 28,
      VisitMade: 20,
      // The legation of 1891 and the honorary consulate of 2021; and two embassy openings the source never dated,
      // recorded at first and retracted since (the log keeps both).
      MissionOpened: 4,
      EventRetracted: 2,
      RelationsEstablished: 2,
      RelationsSevered: 1,
      RelationsRestored: 1,
      AmbassadorAppointed: 1,
      TradeReported: 1,
    });
    const agreements = [...stored.values()].filter((e) => e.type === 'AgreementSigned');
    expect(countByType(agreements.map((e) => ({ type: e.level ?? 'federal' })))).toEqual({ federal: 17, subnational: 11 });
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
