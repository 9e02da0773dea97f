import { env, introspectWorkflow } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorKey, freshRelation, get, post, SOURCE, TOKEN } from './setup/client';
import { view } from './views-helpers';

const TABLES = [
  'view_timeline', 'view_agreements', 'view_agreement_endings', 'view_relation_status', 'view_relation_qualifiers', 'view_on_this_day', 'view_search',
];

/** Every row of every view for one relation, in a stable order (the search index's rowid too), and of its facts in other languages. */
async function viewRows(relation: string): Promise<Record<string, unknown[]>> {
  const results = await env.DB.batch([
    ...TABLES.map((table) => env.DB.prepare(`SELECT rowid AS _rowid, * FROM ${table} WHERE relation = ?1 ORDER BY event_id`).bind(relation)),
    env.DB.prepare(`SELECT * FROM view_timeline_languages WHERE event_id IN (SELECT event_id FROM view_timeline WHERE relation = ?1)
      ORDER BY event_id, language`).bind(relation),
  ]);
  return Object.fromEntries([...TABLES, 'view_timeline_languages'].map((table, index) => [table, results[index].results]));
}

/** FTS5's own check that the search index holds exactly the words of its rows: throws if not. */
async function checkSearchIndex(): Promise<void> {
  await env.DB.prepare("INSERT INTO view_search (view_search) VALUES ('integrity-check')").run();
}

/** Follows a rebuild's status link until it has ended; answers its last status. */
async function finished(self: string): Promise<any> {
  for (let polls = 0; polls < 600; polls += 1) {
    const status = await (await get(self, { authorization: `Bearer ${TOKEN}` })).json<any>();
    if (status.state === 'complete' || status.state === 'errored') return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the rebuild at ${self} did not end`);
}

/** Thirty notes, one a day of January 1900 (the 29th to 31st wrap round). */
const thirtyDays = () => Array.from({ length: 30 }, (_, index) => ({
  type: 'EventNoted', occurred: `1900-01-${pad((index % 28) + 1)}`, headline: `Day ${index}`, source: SOURCE, data: {},
}));

/** The rebuild that a read of stale views started since an instant, once it has ended (null when there is none). */
async function rebuildStartedByARead(since: string): Promise<any> {
  for (let polls = 0; polls < 100; polls += 1) {
    const run = await env.DB.prepare("SELECT id FROM view_rebuild_runs WHERE reason = 'a projector changed' AND started >= ?1")
      .bind(since).first<any>();
    if (run) return finished(`/v1/admin/rebuilds/${run.id}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

/** Starts a rebuild through the API and waits until it has swapped the views in. */
async function rebuild(pageSize = 50): Promise<any> {
  const response = await post(`/v1/admin/rebuild?pageSize=${pageSize}`, {});
  expect(response.status, await response.clone().text()).toBe(202);
  const started = await response.json<any>();
  expect(response.headers.get('location')).toBe(started.links.self);
  const status = await finished(started.links.self);
  expect(status, JSON.stringify(status)).toMatchObject({ state: 'complete', error: null });
  return status;
}

// Dates of every precision the catalog accepts, 29 February, unspecified digits and seasons included.
const pad = (n: number) => String(n).padStart(2, '0');
const year = fc.integer({ min: 1850, max: 2030 });
const occurred = fc.oneof(
  fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc.constantFrom('2000-02-29', '1904-02-29', '1930-01-26'),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`),
  year.map(String),
  fc.tuple(year, fc.integer({ min: 1, max: 30 })).map(([y, span]) => `${y}/${y + span}`),
  year.map((y) => `/${y}`),
  fc.tuple(year, fc.constantFrom('~', '?')).map(([y, mark]) => `${y}-06-01${mark}`),
  // EDTF level 1: unspecified digits and seasons.
  year.map((y) => `${String(y).slice(0, 3)}X`),
  year.map((y) => `${y}-XX`),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}-XX`),
  fc.tuple(year, fc.integer({ min: 21, max: 24 })).map(([y, s]) => `${y}-${s}`),
);
const agreementId = fc.constantFrom('pact-a', 'pact-b', 'pact-c');
const validUntil = fc.oneof(fc.constant(null), fc.constant('indefinite'), year.map((y) => `${y}-12-31`));

/** A valid `data` for each fact type the views care about. */
const dataFor: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  EventNoted: fc.constant({}),
  RelationsEstablished: fc.constant({}),
  RelationsSevered: fc.constant({ reason: 'a dispute' }),
  RelationsRestored: fc.constant({}),
  RelationsQualified: fc.constantFrom('practically_non_existent', 'sources_differ').map((qualifier) => ({ qualifier })),
  VisitMade: fc.constantFrom('ab', 'cd').map((to) => ({ visitor: 'A visitor', office: 'Minister', from: 'xy', to })),
  AgreementSigned: fc.record({
    agreementId, title: fc.constantFrom('Treaty', 'Accord'), kind: fc.constantFrom('agreement', 'treaty'),
    parties: fc.constant(['A', 'B']), subject: fc.constantFrom(null, 'Education'), validUntil,
  }),
  AgreementEnded: fc.record({ agreementId }),
};
const FACT_TYPES = Object.keys(dataFor);

const fact = fc.constantFrom(...FACT_TYPES).chain((type) => fc.record({
  kind: fc.constant('fact' as const),
  type: fc.constant(type),
  occurred,
  headline: fc.constantFrom('One thing', 'Another thing', 'José López Portillo visited México'),
  tags: fc.subarray(['trade', 'culture', 'war']),
  places: fc.subarray(['Moscú', 'Mexico City']),
  participants: fc.subarray(['Luis Echeverría', 'Leonid Brezhnev']),
  level: fc.constantFrom('federal', 'subnational'),
  data: dataFor[type],
}));
const amendment = fc.record({
  kind: fc.constantFrom('correct' as const, 'retract' as const, 'translate' as const),
  target: fc.nat(),
  language: fc.constantFrom('es', 'ru'),
  changes: fc.record(
    {
      occurred, headline: fc.constant('Corrected'), tags: fc.subarray(['trade', 'culture']), level: fc.constantFrom('federal', 'subnational'),
      summary: fc.constant('Now with a summary'), places: fc.subarray(['Tlatelolco']), data: fc.record(dataFor),
      translation: fc.constantFrom('es', 'ru'),
    },
    { requiredKeys: [] },
  ),
});
const batches = fc.array(fc.array(fc.oneof({ weight: 3, arbitrary: fact }, { weight: 2, arbitrary: amendment }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 });

/** Turns generated steps into events; amendments point at an earlier fact (of this or an earlier batch). */
function toEvents(steps: any[][]) {
  const facts: { id: string; type: string; retracted?: boolean; languages: Set<string> }[] = [];
  return steps.map((batch: any[]) => batch.map((step) => {
    const id = crypto.randomUUID();
    if (step.kind === 'fact' || facts.length === 0) {
      // An amendment with nothing before it to amend is recorded as a plain note instead.
      const { type, occurred, headline, tags, places, participants, level, data } = step.kind === 'fact'
        ? step
        : { type: 'EventNoted', occurred: '1999', headline: 'A thing', tags: [], places: [], participants: [], level: 'federal', data: {} };
      facts.push({ id, type, languages: new Set() });
      return { id, type, occurred, headline, tags, places, participants, level, data, source: SOURCE };
    }
    const target = facts[step.target % facts.length];
    if (step.kind === 'retract') {
      target.retracted = true;
      return { id, type: 'EventRetracted', headline: 'Retracted', source: SOURCE, data: { eventId: target.id, reason: 'unsupported' } };
    }
    if (step.kind === 'translate' && !target.retracted) {
      target.languages.add(step.language);
      const text = { headline: `Titular ${step.language}`, ...(step.target % 2 ? { summary: 'Resumen' } : {}), translator: 'the project' };
      return { id, type: 'EventTranslated', headline: 'Translated', source: SOURCE, data: { eventId: target.id, language: step.language, ...text } };
    }
    // A correction (or a translation of a retracted fact, which is refused, recorded as a correction instead).
    const { data, translation, ...changes } = step.changes;
    if (data) changes.data = data[target.type];
    if (translation && target.languages.has(translation)) changes.translations = { [translation]: { headline: 'Corregido' } };
    if (!Object.keys(changes).length) changes.headline = 'Corrected';
    return { id, type: 'EventCorrected', headline: 'Corrected', source: SOURCE, data: { eventId: target.id, reason: 'misread', changes } };
  }));
}

describe('rebuilding the views', () => {
  it('needs the admin scope', async () => {
    const response = await get('/v1/admin/rebuild');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('OPTIONS, POST');
    const anonymous = await post('/v1/admin/rebuild', {}, { authorization: '' });
    expect(anonymous.status).toBe(401);
    expect((await get(`/v1/admin/rebuilds/${crypto.randomUUID()}`)).status).toBe(401);
    const writer = await editorKey('Not An Admin', ['events:write', 'webhooks:manage']);
    const forbidden = await post('/v1/admin/rebuild', {}, writer.headers);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json<any>()).scope).toBe('admin');
    const following = await get(`/v1/admin/rebuilds/${crypto.randomUUID()}`, writer.headers);
    expect(following.status).toBe(403);
  });

  it('gives, row for row, the views that the appends kept in step, for any sequence of events', async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (steps) => {
        const relation = freshRelation();
        for (const events of toEvents(steps)) {
          const response = await post(`/v1/relations/${relation}/events`, { events });
          expect(response.status, await response.clone().text()).toBe(201);
        }
        const live = await viewRows(relation);
        await checkSearchIndex();
        const report = await rebuild();
        expect(report.events).toBeGreaterThanOrEqual(steps.flat().length);
        expect(await viewRows(relation)).toEqual(live);
        await checkSearchIndex();
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('serves the views it has while a changed projector rebuilds them, then the rebuilt ones', async () => {
    const relation = freshRelation();
    const response = await post(`/v1/relations/${relation}/events`, {
      events: [{ type: 'EventNoted', occurred: '1977-07-07', headline: 'Kept', source: SOURCE, data: {} }],
    });
    const [{ id }] = (await response.json<any>()).events;
    // A view that lost a row, and a stored projector version that is not the code's.
    await env.DB.batch([
      env.DB.prepare('DELETE FROM view_timeline WHERE event_id = ?1').bind(id),
      env.DB.prepare("UPDATE view_versions SET version = 0 WHERE view = 'timeline'"),
    ]);
    const since = new Date().toISOString();
    const stale = await get(`/v1/relations/${relation}/timeline`);
    expect(stale.headers.get('server-timing')).toMatch(/^d1;desc="1 call"/);
    expect((await stale.json<any>()).items).toEqual([]);
    // That read started a rebuild, which ends by swapping the rebuilt views in and invalidating the cache.
    expect(await rebuildStartedByARead(since)).toMatchObject({ state: 'complete', reason: 'a projector changed' });
    const versions = await env.DB.prepare('SELECT view, version FROM view_versions ORDER BY view').all();
    expect(versions.results.every((row: any) => row.version >= 1)).toBe(true);
    expect((await view(`/v1/relations/${relation}/timeline`)).items.map((item: any) => item.id)).toEqual([id]);
  });

  it('shows the item and its date in words for rows projected before the timeline kept them, and fills them in by the rebuild', async () => {
    const relation = freshRelation();
    const response = await post(`/v1/relations/${relation}/events`, {
      events: [{ type: 'EventNoted', occurred: '1890-12-01', headline: 'Established', source: SOURCE, data: {} }],
    });
    const [{ id }] = (await response.json<any>()).events;
    const kept = () => env.DB.prepare('SELECT occurred_in_words AS words, item FROM view_timeline WHERE event_id = ?1').bind(id).first<any>();
    const projected = await kept();
    expect(projected.words).toBe('1 December 1890');
    expect(JSON.parse(projected.item)).toMatchObject({ id, headline: 'Established', occurredInWords: '1 December 1890' });
    // As a row written by the projector before it kept either.
    await env.DB.batch([
      env.DB.prepare('UPDATE view_timeline SET occurred_in_words = NULL, item = NULL WHERE event_id = ?1').bind(id),
      env.DB.prepare("UPDATE view_versions SET version = 1 WHERE view = 'timeline'"),
    ]);
    const since = new Date().toISOString();
    const items = (await (await get(`/v1/relations/${relation}/timeline`, { 'cache-control': 'no-store' })).json<any>()).items;
    expect(items).toEqual([JSON.parse(projected.item)]);
    // So do the readers of the whole timeline, the TimelineJS export among them.
    const slides = (await (await get(`/v1/relations/${relation}/timeline.timelinejs.json`, { 'cache-control': 'no-store' })).json<any>()).events;
    expect(slides.map((slide: any) => [slide.unique_id, slide.text.headline, slide.display_date]))
      .toEqual([[`event-${id}`, 'Established', '1 December 1890']]);
    expect(await rebuildStartedByARead(since)).toMatchObject({ state: 'complete' });
    expect(await kept()).toEqual(projected);
  });

  it('retries a step that fails, completes, and runs one rebuild at a time: a second request answers the running one', async () => {
    const relation = freshRelation();
    await post(`/v1/relations/${relation}/events`, { events: thirtyDays() });
    const live = await viewRows(relation);
    await using workflows = await introspectWorkflow(env.REBUILD);
    await workflows.modifyAll(async (m) => {
      await m.mockStepError({ name: 'replay page 1' }, new Error('D1 was unreachable'), 1);
    });
    const first = await post('/v1/admin/rebuild?pageSize=500', {});
    expect(first.status).toBe(202);
    const started = await first.json<any>();
    expect(started).toMatchObject({ state: 'queued', reason: 'asked for', pageSize: 500 });

    const second = await post('/v1/admin/rebuild', {});
    expect(second.status).toBe(200);
    expect((await second.json<any>()).id).toBe(started.id);

    const [instance] = workflows.get();
    await instance.waitForStatus('complete');
    const status = await finished(started.links.self);
    const total = await env.DB.prepare('SELECT COUNT(*) AS n, MAX(position) AS last FROM events').first<any>();
    expect(status).toMatchObject({ state: 'complete', events: total.n, total: total.n, throughPosition: total.last, error: null });
    expect(status.finished >= status.started).toBe(true);
    expect(await viewRows(relation)).toEqual(live);
  });

  it('replays the log a page per step and says how far it got, with how many D1 calls', async () => {
    const relation = freshRelation();
    await post(`/v1/relations/${relation}/events`, { events: thirtyDays() });
    const live = await viewRows(relation);
    const total = await env.DB.prepare('SELECT COUNT(*) AS n, MAX(position) AS last FROM events').first<any>();
    const report = await rebuild();
    const pages = Math.ceil(total.n / 50);
    expect(report).toMatchObject({ events: total.n, total: total.n, throughPosition: total.last, pages });
    // Two for the fresh tables, a read and a write a page (and for the empty read after a full last page), two for the swap.
    expect(report.calls).toBe(2 + 2 * pages + (total.n % 50 === 0 ? 2 : 0) + 2);
    expect(await viewRows(relation)).toEqual(live);
    const unknown = await get(`/v1/admin/rebuilds/${crypto.randomUUID()}`, { authorization: `Bearer ${TOKEN}` });
    expect(unknown.status).toBe(404);
  });
});
