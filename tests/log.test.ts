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
    expect(response.headers.get('server-timing')).toMatch(/^d1;desc="1 call";dur=[\d.]+$/);

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
});
