import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { upcast, type Upcasters } from '../src/domain/upcasters';
import { freshRelation, get, noted, post } from './setup/client';

describe('upcasting old payloads on read', () => {
  // A history of two changes to VisitMade: version 1 named the visitor `guest`; version 2 had no `office`.
  const steps: Upcasters = {
    VisitMade: {
      1: ({ guest, ...data }) => ({ ...data, visitor: guest }),
      2: (data) => ({ office: 'not stated', ...data }),
    },
  };
  const visit = (schema: number, data: Record<string, unknown>) => ({ id: 'v', type: 'VisitMade', schema, data });

  it('applies, in turn, each step from the version an event was recorded at to the current one', () => {
    expect(upcast(visit(1, { guest: 'Luis Echeverría', from: 'MX', to: 'SU' }), steps, 3))
      .toEqual(visit(3, { visitor: 'Luis Echeverría', from: 'MX', to: 'SU', office: 'not stated' }));
    expect(upcast(visit(2, { visitor: 'Vicente Fox', from: 'MX', to: 'RU' }), steps, 3))
      .toEqual(visit(3, { visitor: 'Vicente Fox', from: 'MX', to: 'RU', office: 'not stated' }));
    // A type the changes left alone keeps its payload and is at the current version.
    expect(upcast({ type: 'EventNoted', schema: 1, data: { a: 1 } }, steps, 3)).toEqual({ type: 'EventNoted', schema: 3, data: { a: 1 } });
    const current = visit(3, { visitor: 'Andrés Manuel López Obrador', office: 'President', from: 'MX', to: 'RU' });
    expect(upcast(current, steps, 3)).toBe(current);
  });

  it('reads every event of the log through the upcasters, whatever version its row was written at', async () => {
    const relation = freshRelation();
    const response = await post(`/v1/relations/${relation}/events`, { events: [noted({ headline: 'Recorded now' })] });
    const [{ id }] = (await response.json<any>()).events;
    // A row as an older version of this code would have written it (the log is append-only: a copy under a new id).
    const old = crypto.randomUUID();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO events (id, relation, version, type, schema, occurred, occurred_earliest, occurred_latest, recorded,
           headline, summary, tags, places, participants, level, data, source, actor, digest)
         SELECT ?2, relation, version + 1, type, 0, occurred, occurred_earliest, occurred_latest, recorded,
           'Recorded long ago', summary, tags, places, participants, level, data, source, actor, digest
         FROM events WHERE id = ?1`,
      ).bind(id, old),
      env.DB.prepare('UPDATE relations SET version = version + 1 WHERE relation = ?1').bind(relation),
    ]);
    const stored = await env.DB.prepare('SELECT schema FROM events WHERE id = ?1').bind(old).first<{ schema: number }>();
    expect(stored?.schema).toBe(0);

    const event = await (await get(`/v1/events/${old}`, { 'cache-control': 'no-store' })).json<any>();
    expect(event).toMatchObject({ id: old, headline: 'Recorded long ago', schema: 1 });
    const log = await (await get(`/v1/relations/${relation}/events`, { 'cache-control': 'no-store' })).json<any>();
    expect(log.events.map((e: any) => [e.headline, e.schema])).toEqual([['Recorded now', 1], ['Recorded long ago', 1]]);
  });
});
