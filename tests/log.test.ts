import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { freshRelation, get, noted, post } from './setup/client';

describe('recording events', () => {
  it('appends events and reads them back in position order', async () => {
    const relation = freshRelation();
    const response = await post(`/v1/relations/${relation}/events`, { events: [noted(), noted(), noted()] });
    expect(response.status).toBe(201);
    const body = await response.json<any>();
    expect(body.relation).toBe(relation);
    expect(body.version).toBe(3);
    expect(body.events.map((e: any) => e.version)).toEqual([1, 2, 3]);
    expect(response.headers.get('server-timing')).toMatch(/^d1;desc="1 call";dur=[\d.]+(,|$)/);

    const log = await get(`/v1/relations/${relation}/events`);
    expect(log.status).toBe(200);
    const page = await log.json<any>();
    expect(page.events.map((e: any) => e.id)).toEqual(body.events.map((e: any) => e.id));
  });

  it('refuses UPDATE and DELETE of an event, even in raw SQL', async () => {
    const relation = freshRelation();
    await post(`/v1/relations/${relation}/events`, { events: [noted()] });
    await expect(env.DB.prepare('UPDATE events SET headline = ? WHERE relation = ?').bind('rewritten', relation).run())
      .rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('DELETE FROM events WHERE relation = ?').bind(relation).run()).rejects.toThrow(/append-only/);
  });

  it('refuses to replace an event through INSERT OR REPLACE or an upsert, even in raw SQL', async () => {
    const relation = freshRelation();
    const response = await post(`/v1/relations/${relation}/events`, { events: [noted(), noted()] });
    const [first, second] = (await response.json<any>()).events;
    const copy = (conflict: string, select: string) =>
      `${conflict} INTO events (position, id, relation, version, type, schema, occurred, recorded, headline, tags, places,
         participants, level, data, source, actor, digest)
       SELECT ${select}, type, schema, occurred, recorded, 'rewritten', tags, places, participants, level, data, source,
         actor, digest FROM events WHERE id = ?1`;
    const attempts = [
      copy('INSERT OR REPLACE', 'position, id, relation, version'),
      copy('REPLACE', 'position + 1000000, id, relation, version + 1000'),
      copy('INSERT OR REPLACE', `position + 1000000, lower(hex(randomblob(16))), relation, ${second.version}`),
      copy('INSERT OR REPLACE', `${second.position}, lower(hex(randomblob(16))), relation, version + 1000`),
      `${copy('INSERT', 'position, id, relation, version')} ON CONFLICT DO UPDATE SET headline = 'rewritten'`,
    ];
    for (const sql of attempts) {
      await expect(env.DB.prepare(sql).bind(first.id).run(), sql).rejects.toThrow(/append-only/);
    }
    const log = await (await get(`/v1/relations/${relation}/events`)).json<any>();
    expect(log.events.map((e: any) => [e.id, e.position, e.version, e.headline.startsWith('Something noted')]))
      .toEqual([first, second].map((e) => [e.id, e.position, e.version, true]));
  });
});
