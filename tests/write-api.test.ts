import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { editorKey, freshAddress, freshRelation, noted, post, SOURCE, TOKEN } from './setup/client';
import { logOf, pointersOf, problemOf, totalEvents } from './setup/log-state';

const eventsOf = (relation: string) => `/v1/relations/${relation}/events`;

interface Appended {
  relation: string;
  version: number;
  events: { id: string; position: number; version: number }[];
}

async function append(relation: string, body: unknown, headers: Record<string, string> = {}): Promise<Appended> {
  const response = await post(eventsOf(relation), body, headers);
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  return response.json<Appended>();
}

/** Runs a request that must write nothing (an error, or a retry), and checks that the log is exactly as it was. */
async function expectNothingWritten(relation: string, request: () => Promise<Response>): Promise<Response> {
  const [before, countBefore] = [await logOf(relation), await totalEvents()];
  const response = await request();
  expect(response.status).not.toBe(201);
  expect(response.status).toBeLessThan(500);
  expect(await logOf(relation)).toEqual(before);
  expect(await totalEvents()).toBe(countBefore);
  return response;
}

describe('appending events', () => {
  it('answers 201 with each event id, global position and version within the relation', async () => {
    const relation = freshRelation();
    const id = crypto.randomUUID();
    const first = await append(relation, { events: [noted({ id }), noted()] });
    expect(first.relation).toBe(relation);
    expect(first.version).toBe(2);
    expect(first.events[0].id).toBe(id);
    expect(first.events[1].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.events.map((e) => e.version)).toEqual([1, 2]);
    expect(first.events[1].position).toBeGreaterThan(first.events[0].position);

    const second = await append(relation, { events: [noted()] });
    expect(second.version).toBe(3);
    expect(second.events[0].version).toBe(3);
    expect(second.events[0].position).toBeGreaterThan(first.events[1].position);
    expect((await logOf(relation)).ids).toEqual([...first.events, ...second.events].map((e) => e.id));
  });

  it('writes 100 events in one D1 call and keeps them in the order given', async () => {
    const relation = freshRelation();
    const events = Array.from({ length: 100 }, () => noted({ id: crypto.randomUUID() }));
    const response = await post(eventsOf(relation), { events });
    expect(response.status).toBe(201);
    expect(response.headers.get('server-timing')).toMatch(/^d1;desc="1 call";dur=\d+(\.\d+)?(,|$)/);
    const body = await response.json<Appended>();
    expect(body.version).toBe(100);
    expect(body.events.map((e) => e.version)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect((await logOf(relation)).ids).toEqual(events.map((e) => e.id));
  });

  it('stores the event as submitted, with defaults filled in', async () => {
    const relation = freshRelation();
    const event = noted({ occurred: '1890-12-01', tags: ['first-contact'], summary: 'A summary.', participants: ['A. B.'] });
    const editor = await editorKey('María-José Núñez', ['events:write']);
    const { events } = await append(relation, { events: [event] }, editor.headers);
    const stored = await (await SELF.fetch(`https://relations.test/v1/events/${events[0].id}`)).json<any>();
    expect(stored).toMatchObject({
      ...event, id: events[0].id, relation, version: 1, position: events[0].position,
      places: [], level: 'federal', actor: 'María-José Núñez', schema: 1,
    });
    expect(Date.parse(stored.recorded)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses an empty list and more than 100 events, naming /events', async () => {
    const relation = freshRelation();
    for (const events of [[], Array.from({ length: 101 }, () => noted())]) {
      const response = await expectNothingWritten(relation, () => post(eventsOf(relation), { events }));
      expect(response.status).toBe(422);
      expect(pointersOf(await problemOf(response))).toEqual(['/events']);
    }
  });
});

describe('expected version', () => {
  it('appends when the relation is at the expected version, 0 for a new relation', async () => {
    const relation = freshRelation();
    expect((await append(relation, { expectedVersion: 0, events: [noted()] })).version).toBe(1);
    expect((await append(relation, { expectedVersion: 1, events: [noted(), noted()] })).version).toBe(3);
  });

  it('answers 409 with the current version on a mismatch, and writes nothing', async () => {
    const relation = freshRelation();
    await append(relation, { events: [noted(), noted()] });
    for (const expectedVersion of [0, 1, 3, 99]) {
      const response = await expectNothingWritten(relation, () =>
        post(eventsOf(relation), { expectedVersion, events: [noted(), noted()] }),
      );
      expect(response.status).toBe(409);
      const problem = await problemOf(response);
      expect(problem.currentVersion).toBe(2);
      expect(problem.detail).toContain(`expected version ${expectedVersion}`);
    }
  });

  it('answers 409 with version 0 for a relation that has no events, and creates nothing', async () => {
    const relation = freshRelation();
    const response = await expectNothingWritten(relation, () => post(eventsOf(relation), { expectedVersion: 4, events: [noted()] }));
    expect(response.status).toBe(409);
    expect((await problemOf(response)).currentVersion).toBe(0);
    const list = await (await SELF.fetch('https://relations.test/v1/relations')).json<any>();
    expect(list.relations.map((r: any) => r.relation)).not.toContain(relation);
  });
});

describe('retries and ids', () => {
  it('answers a retry with 200 and the original positions, and writes nothing', async () => {
    const relation = freshRelation();
    const events = [noted({ id: crypto.randomUUID() }), noted({ id: crypto.randomUUID() })];
    const original = await append(relation, { expectedVersion: 0, events });
    await append(relation, { events: [noted()] });

    // The same call again, expected version and all: the client never saw the first answer.
    const retry = await expectNothingWritten(relation, () => post(eventsOf(relation), { expectedVersion: 0, events }));
    expect(retry.status).toBe(200);
    const body = await retry.json<Appended>();
    expect(body.events).toEqual(original.events);
    expect(body.version).toBe(3);

    const withoutVersion = await expectNothingWritten(relation, () => post(eventsOf(relation), { events: [events[1]] }));
    expect(withoutVersion.status).toBe(200);
    expect((await withoutVersion.json<Appended>()).events).toEqual([original.events[1]]);
  });

  it('recognises a retry of events that an earlier release recorded: what an event digests to never changes', async () => {
    // Two events as an earlier release wrote them to the log, with the digests it computed for them.
    const signed = {
      id: '7f1c1d2e-5b6a-4c3d-9e8f-0a1b2c3d4e5f', type: 'AgreementSigned', occurred: '1997-11-13',
      headline: 'A fisheries agreement is signed', summary: 'Both sides sign.', tags: ['fisheries'], places: ['Reykjavík'],
      participants: ['A minister'], source: { title: 'A source', publisher: 'A publisher', url: 'https://example.org/a' },
      data: { agreementId: 'is-no-1997-fisheries', title: 'Fisheries Agreement', kind: 'agreement', parties: ['Iceland', 'Norway'] },
    };
    const corrected = {
      id: '8a2d3e4f-6c7b-4d5e-8f9a-1b2c3d4e5f60', type: 'EventCorrected', headline: 'The date was misread',
      source: { title: 'A source', publisher: 'A publisher', date: '2020-01-01' },
      data: { eventId: signed.id, reason: 'misread', changes: { occurred: '1997-11', tags: ['fisheries', 'sea'] } },
    };
    const digests = [
      '5e64081f62c525907b55800546db374a069a08f33084239de521c25d63ed0851',
      '3567e40d7cd32677696d42e33001259abc5fcdd86245355ec2594979ea80436c',
    ];
    const recorded = '2024-01-01T00:00:00.000Z';
    await env.DB.batch([
      env.DB.prepare("INSERT INTO relations (relation, version, created) VALUES ('is-no', 2, ?1)").bind(recorded),
      ...[signed, corrected].map((event, index) => env.DB.prepare(
        `INSERT INTO events (id, relation, version, type, schema, occurred, occurred_earliest, occurred_latest, recorded,
           headline, summary, tags, places, participants, level, data, source, actor, digest)
         VALUES (?1, 'is-no', ?2, ?3, 1, ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'federal', ?12, ?13, 'editor', ?14)`,
      ).bind(
        event.id, index + 1, event.type, index === 0 ? '1997-11-13' : '2024-01-01', index === 0 ? '1997-11-13' : '2024-01-01',
        recorded, event.headline, (event as { summary?: string }).summary ?? null, JSON.stringify((event as { tags?: string[] }).tags ?? []),
        JSON.stringify((event as { places?: string[] }).places ?? []), JSON.stringify((event as { participants?: string[] }).participants ?? []),
        JSON.stringify(event.data), JSON.stringify(event.source), digests[index],
      )),
    ]);
    const retry = await expectNothingWritten('is-no', () => post(eventsOf('is-no'), { events: [signed, corrected] }));
    expect(retry.status, await retry.clone().text()).toBe(200);
    expect((await retry.json<Appended>()).events.map((event) => event.version)).toEqual([1, 2]);
  });

  it('answers 409 for an id already used by a different event, and writes nothing', async () => {
    const relation = freshRelation();
    const id = crypto.randomUUID();
    const event = noted({ id });
    await append(relation, { events: [event] });
    const changed = await expectNothingWritten(relation, () =>
      post(eventsOf(relation), { events: [{ ...event, headline: 'Something else' }, noted()] }),
    );
    expect(changed.status).toBe(409);
    expect((await problemOf(changed)).ids).toEqual([id]);

    const elsewhere = freshRelation();
    const inAnotherRelation = await expectNothingWritten(elsewhere, () => post(eventsOf(elsewhere), { events: [event] }));
    expect(inAnotherRelation.status).toBe(409);
  });

  it('answers 409 naming the known ids when a retry also carries new events, and writes nothing', async () => {
    const relation = freshRelation();
    const known = noted({ id: crypto.randomUUID() });
    await append(relation, { events: [known] });
    const response = await expectNothingWritten(relation, () =>
      post(eventsOf(relation), { events: [noted({ id: crypto.randomUUID() }), known, noted()] }),
    );
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem.type).toBe('/problems/partly-recorded');
    expect(problem.ids).toEqual([known.id]);
  });

  it('reads an id in any case, and keeps it in lower case', async () => {
    const relation = freshRelation();
    const id = crypto.randomUUID();
    const event = noted({ id: id.toUpperCase() });
    const { events } = await append(relation, { events: [event] });
    expect(events[0].id).toBe(id);
    const retry = await expectNothingWritten(relation, () => post(eventsOf(relation), { events: [{ ...event, id }] }));
    expect(retry.status).toBe(200);
    expect((await SELF.fetch(`https://relations.test/v1/events/${id.toUpperCase()}`)).status).toBe(200);
    const retraction = { type: 'EventRetracted', headline: 'Retracted', source: SOURCE, data: { eventId: id.toUpperCase(), reason: 'wrong' } };
    const [amendment] = (await append(relation, { events: [retraction] })).events;
    const stored = await (await SELF.fetch(`https://relations.test/v1/events/${amendment.id}`)).json<any>();
    expect(stored.data.eventId).toBe(id);
  });

  it('takes any UUID in RFC 9562 syntax, whatever its version and variant bits, wherever an id is read', async () => {
    const relation = freshRelation();
    const ids = ['e3e70682-c209-4cac-629f-6fbed82c07cd', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const { events } = await append(relation, { events: ids.map((id) => noted({ id: id.toUpperCase() })) });
    expect(events.map((event: { id: string }) => event.id)).toEqual(ids);
    expect((await SELF.fetch(`https://relations.test/v1/events/${ids[0].toUpperCase()}`)).status).toBe(200);
    const correction = { type: 'EventCorrected', headline: 'Corrected', source: SOURCE, data: { eventId: ids[0].toUpperCase(), reason: 'a typo', changes: { headline: 'Fixed' } } };
    const [amendment] = (await append(relation, { events: [correction] })).events;
    const stored = await (await SELF.fetch(`https://relations.test/v1/events/${amendment.id}`)).json<any>();
    expect(stored.data.eventId).toBe(ids[0]);
    const rebuild = await SELF.fetch(`https://relations.test/v1/admin/rebuilds/${ids[0]}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(rebuild.status).toBe(404);
  });

  it('refuses an id that is not written as a UUID', async () => {
    const relation = freshRelation();
    const malformed = ['e3e70682c2094cac629f6fbed82c07cd', '{e3e70682-c209-4cac-629f-6fbed82c07cd}', 'urn:uuid:e3e70682-c209-4cac-629f-6fbed82c07cd', 'e3e70682-c209-4cac-629f-6fbed82c07cg'];
    const response = await expectNothingWritten(relation, () => post(eventsOf(relation), { events: malformed.map((id) => noted({ id })) }));
    expect(response.status).toBe(422);
    expect(pointersOf(await problemOf(response))).toEqual(malformed.map((_, i) => `/events/${i}/id`));
    expect((await SELF.fetch(`https://relations.test/v1/events/${malformed[0]}`)).status).toBe(400);
  });

  it('refuses the same id twice in one request with 422 at the second one', async () => {
    const relation = freshRelation();
    const id = crypto.randomUUID();
    const response = await expectNothingWritten(relation, () =>
      post(eventsOf(relation), { events: [noted({ id }), noted(), noted({ id })] }),
    );
    expect(response.status).toBe(422);
    expect(pointersOf(await problemOf(response))).toEqual(['/events/2/id']);
  });
});

describe('invalid events', () => {
  it('names every invalid field with its JSON pointer, and writes nothing', async () => {
    const relation = freshRelation();
    const events = [
      noted(),
      noted({ occurred: '2003-02-29' }),
      noted({ type: 'TreatyImagined' }),
      noted({ occurred: '1943-13' }),
      noted({ source: { title: 'A book', publisher: 'A press' } }),
      noted({ data: { mood: 'cordial' } }),
      { ...noted(), headline: undefined },
      noted({ occurred: 'June 1943', tags: ['Not Kebab'] }),
      noted({ id: 'not-a-uuid', level: 'municipal' }),
      { type: 'VisitMade', occurred: '2005-06', headline: 'A visit', source: SOURCE, data: { visitor: 'X', office: 'Y', from: 'MEX', to: 'ru' } },
    ];
    const response = await expectNothingWritten(relation, () => post(eventsOf(relation), { events }));
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.type).toBe('/problems/invalid-body');
    expect(new Set(pointersOf(problem))).toEqual(new Set([
      '/events/1/occurred',
      '/events/2/type',
      '/events/3/occurred',
      '/events/4/source/url',
      '/events/5/data/mood',
      '/events/6/headline',
      '/events/7/occurred',
      '/events/7/tags/0',
      '/events/8/id',
      '/events/8/level',
      '/events/9/data/from',
    ]));
    const byPointer = Object.fromEntries(problem.errors!.map((e) => [e.pointer, e.detail]));
    expect(byPointer['/events/1/occurred']).toMatch(/28 days/);
    expect(byPointer['/events/4/source/url']).toMatch(/url or a date/);
  });

  it('refuses text that a feed could not carry: control characters and unpaired surrogates', async () => {
    const relation = freshRelation();
    const events = [noted({ headline: 'a\u0000b' }), noted({ summary: 'bell \u0007' }), noted({ places: ['ok', 'x\u001b'] })];
    const body = JSON.stringify({ events }).replace('"Test source"', '"Test \\ud800source"');
    const response = await expectNothingWritten(relation, () => post(eventsOf(relation), body));
    expect(response.status).toBe(422);
    expect(new Set(pointersOf(await problemOf(response)))).toEqual(new Set([
      '/events/0/headline', '/events/0/source/title', '/events/1/summary', '/events/2/places/1',
    ]));
    const fine = 'Emoji 🇲🇽🇷🇺, a no\u00a0break space, a thin\u2009space, Ёлка, الاتحاد, 日本';
    expect((await append(relation, { events: [noted({ headline: fine, summary: fine })] })).version).toBe(1);
  });

  it('accepts a citation with a date instead of a url, at the precision the source gives it', async () => {
    const relation = freshRelation();
    const source = { title: 'México y Rusia a nivel subnacional', publisher: 'CEMERI', date: '2023-08-14' };
    expect((await append(relation, { events: [noted({ source })] })).version).toBe(1);
    const dated = (date: string) => noted({ source: { title: 'An annual report', publisher: 'A ministry', date } });
    expect((await append(relation, { events: [dated('2020'), dated('2020-03')] })).version).toBe(3);
    const response = await expectNothingWritten(relation, () => post(eventsOf(relation), { events: [dated('2020-13')] }));
    expect(response.status).toBe(422);
    expect(pointersOf(await problemOf(response))).toEqual(['/events/0/source/date']);
  });

  it('names unknown top-level fields and a wrong expected version type', async () => {
    const relation = freshRelation();
    const response = await expectNothingWritten(relation, () =>
      post(eventsOf(relation), { expectedVersion: '3', events: [noted()], extra: true }),
    );
    expect(response.status).toBe(422);
    expect(new Set(pointersOf(await problemOf(response)))).toEqual(new Set(['/expectedVersion', '/extra']));
  });

  it('refuses a body that is not JSON with 400', async () => {
    const relation = freshRelation();
    for (const body of ['{"events": [', 'events=1', '']) {
      const response = await expectNothingWritten(relation, () => post(eventsOf(relation), body));
      expect(response.status).toBe(400);
      await problemOf(response);
    }
  });

  it('refuses a body that is JSON but not an object with 422', async () => {
    const relation = freshRelation();
    for (const body of ['null', '[]', '"events"', '42']) {
      const response = await expectNothingWritten(relation, () => post(eventsOf(relation), body));
      expect(response.status).toBe(422);
      await problemOf(response);
    }
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    const relation = freshRelation();
    const body = JSON.stringify({ events: [noted()] });
    const declared: Record<string, string>[] = [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}];
    for (const headers of declared) {
      const response = await expectNothingWritten(relation, () =>
        SELF.fetch(`https://relations.test${eventsOf(relation)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, ...headers },
          body: new TextEncoder().encode(body),
        }),
      );
      expect(response.status).toBe(415);
      await problemOf(response);
    }
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const relation = freshRelation();
    const padding = 'x'.repeat(1024 * 1024);
    const response = await expectNothingWritten(relation, () =>
      post(eventsOf(relation), { events: [noted({ summary: padding })] }),
    );
    expect(response.status).toBe(413);
    await problemOf(response);

    // Streamed, without a content-length: counted as it arrives.
    const bytes = new TextEncoder().encode(JSON.stringify({ events: [noted({ summary: padding })] }));
    const streamed = await expectNothingWritten(relation, () =>
      SELF.fetch(`https://relations.test${eventsOf(relation)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
            controller.close();
          },
        }),
      }),
    );
    expect(streamed.status).toBe(413);
  });

  it('refuses a malformed relation name with 400 naming the parameter', async () => {
    for (const relation of ['ru-mx', 'mx-mx', 'xx-yy', 'MX-RU', 'mex-rus']) {
      const response = await expectNothingWritten(relation, () => post(eventsOf(relation), { events: [noted()] }));
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem.errors?.map((e) => e.parameter)).toEqual(['relation']);
    }
  });
});

describe('editor credentials', () => {
  const attempt = (relation: string, headers: Record<string, string>) =>
    SELF.fetch(`https://relations.test${eventsOf(relation)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ events: [noted()] }),
    });

  it('answers 401 without a bearer token', async () => {
    const relation = freshRelation();
    const unauthorized: Record<string, string>[] = [{}, { authorization: TOKEN }, { authorization: `Basic ${btoa(`editor:${TOKEN}`)}` }, { authorization: 'Bearer' }];
    for (const headers of unauthorized) {
      const response = await expectNothingWritten(relation, () => attempt(relation, headers));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      await problemOf(response);
    }
  });

  it('answers 401 with a wrong token or key, however close', async () => {
    const relation = freshRelation();
    const { key } = await editorKey('Close Enough', ['events:write']);
    const address = freshAddress();
    const wrong = ['wrong', `${TOKEN}x`, TOKEN.slice(0, -1), TOKEN.toUpperCase(), `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, key.toUpperCase(), `${key}x`];
    for (const token of wrong) {
      const response = await expectNothingWritten(relation, () =>
        attempt(relation, { authorization: `Bearer ${token}`, 'cf-connecting-ip': address }));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="editors", error="invalid_token"');
      await problemOf(response);
    }
  });

  it('checks the token before the body', async () => {
    const relation = freshRelation();
    const response = await SELF.fetch(`https://relations.test${eventsOf(relation)}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"not": valid',
    });
    expect(response.status).toBe(401);
  });
});

describe('corrections and retractions', () => {
  const correction = (eventId: string, changes: Record<string, unknown>) => ({
    type: 'EventCorrected', headline: 'A correction', source: SOURCE, data: { eventId, reason: 'the source says otherwise', changes },
  });
  const retraction = (eventId: string) => ({
    type: 'EventRetracted', headline: 'A retraction', source: SOURCE, data: { eventId, reason: 'never happened' },
  });
  const visit = () => ({
    id: crypto.randomUUID(), type: 'VisitMade', occurred: '2005-06', headline: 'A visit', source: SOURCE,
    data: { visitor: 'Someone', office: 'President', from: 'mx', to: 'ru' },
  });

  it('records a correction and a retraction of earlier events, dated when recorded', async () => {
    const relation = freshRelation();
    const [a, b] = [visit(), noted({ id: crypto.randomUUID() })];
    await append(relation, { events: [a, b] });
    const fixed = { visitor: 'Someone Else', office: 'Foreign Minister', from: 'mx', to: 'ru' };
    const response = await post(eventsOf(relation), { events: [correction(a.id, { occurred: '2005-07', data: fixed }), retraction(b.id as string)] });
    expect(response.status).toBe(201);
    // The targets are checked inside the append batch: amending costs no extra round trip.
    expect(response.headers.get('server-timing')).toMatch(/^d1;desc="1 call"/);
    const result = await response.json<Appended>();
    expect(result.version).toBe(4);
    const stored = await (await SELF.fetch(`https://relations.test/v1/events/${result.events[0].id}`)).json<any>();
    expect(stored.type).toBe('EventCorrected');
    expect(stored.occurred).toBe(stored.recorded.slice(0, 10));
    expect(stored.data.changes.data).toEqual(fixed);
  });

  it('may correct an event recorded earlier in the same request', async () => {
    const relation = freshRelation();
    const a = visit();
    expect((await append(relation, { events: [a, correction(a.id, { headline: 'A better headline' })] })).version).toBe(2);
  });

  it('refuses to amend an unknown event or another relation\'s event with 422 at data/eventId', async () => {
    const relation = freshRelation();
    const other = freshRelation();
    const theirs = visit();
    await append(other, { events: [theirs] });
    await append(relation, { events: [noted()] });
    const response = await expectNothingWritten(relation, () =>
      post(eventsOf(relation), { expectedVersion: 0, events: [noted(), correction(crypto.randomUUID(), { headline: 'X' }), retraction(theirs.id)] }),
    );
    expect(response.status).toBe(422);
    expect(pointersOf(await problemOf(response))).toEqual(['/events/1/data/eventId', '/events/2/data/eventId']);
  });

  it('refuses to amend an amendment', async () => {
    const relation = freshRelation();
    const a = visit();
    const { events } = await append(relation, { events: [a, retraction(a.id)] });
    const response = await expectNothingWritten(relation, () => post(eventsOf(relation), { events: [retraction(events[1].id)] }));
    expect(response.status).toBe(422);
    expect(pointersOf(await problemOf(response))).toEqual(['/events/0/data/eventId']);
  });

  it('refuses corrected data that is not valid for the type of the event it corrects', async () => {
    const relation = freshRelation();
    const a = visit();
    await append(relation, { events: [a] });
    const response = await expectNothingWritten(relation, () =>
      post(eventsOf(relation), { events: [correction(a.id, { data: { visitor: 'Someone', office: 'President', from: 'Mexico', to: 'ru' } })] }),
    );
    expect(response.status).toBe(422);
    expect(pointersOf(await problemOf(response))).toEqual(['/events/0/data/changes/data/from']);

    const empty = await expectNothingWritten(relation, () => post(eventsOf(relation), { events: [correction(a.id, {})] }));
    expect(empty.status).toBe(422);
    expect(pointersOf(await problemOf(empty))).toEqual(['/events/0/data/changes']);
  });
});
