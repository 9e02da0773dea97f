import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { Db } from '../src/store/db';

// Local D1 is plain SQLite, which takes far larger statements than D1 does: the store refuses them itself,
// so that every test (an append of 100 events, a rebuild page, any filter) fails here as it would on D1.
const select = (count: number) => `SELECT ${Array.from({ length: count }, (_, index) => `?${index + 1}`).join(', ')}`;

it('refuses, as D1 does, a statement with more than 100 bound parameters or longer than 100 KB', async () => {
  const db = new Db(env.DB);
  expect(() => db.prepare(select(101), ...Array(101).fill(1))).toThrow(/past D1's limits \(101 bound parameters/);
  expect(() => db.prepare(`SELECT 1 -- ${'x'.repeat(100_000)}`)).toThrow(/past D1's limits/);
  const [row] = await db.all<Record<string, number>>(db.prepare(select(100), ...Array(100).fill(7)));
  expect(Object.values(row)).toHaveLength(100);
});
