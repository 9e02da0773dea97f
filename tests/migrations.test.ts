import { applyD1Migrations, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

/** The migrations up to (not including) the one whose name starts with `before`. */
const migrationsBefore = (before: string) => env.TEST_MIGRATIONS.filter((migration) => migration.name < before);

describe('migrations', () => {
  it('carry every existing subscription over to a list of kinds, with what it asked for', async () => {
    const db = env.MIGRATIONS_DB;
    await applyD1Migrations(db, migrationsBefore('0006'));
    const subscribe = (id: string, onAnniversary: number, onRecorded: number) => db.prepare(
      `INSERT INTO webhook_subscriptions (id, url, on_anniversary, on_recorded, relations, types, tags, filter_key, enabled,
         secret, created, updated)
       VALUES (?1, 'https://hooks.example.org/' || ?1, ?2, ?3, '["mx-ru"]', NULL, NULL, 'key', 1, 'whsec_x', 'then', 'then')`,
    ).bind(id, onAnniversary, onRecorded);
    await db.batch([subscribe('wh_both', 1, 1), subscribe('wh_anniversary', 1, 0), subscribe('wh_recorded', 0, 1)]);

    await applyD1Migrations(db, env.TEST_MIGRATIONS);
    const { results } = await db.prepare('SELECT id, kinds, url, relations, secret FROM webhook_subscriptions ORDER BY id').all();
    expect(results).toEqual([
      { id: 'wh_anniversary', kinds: '["anniversary.today"]', url: 'https://hooks.example.org/wh_anniversary', relations: '["mx-ru"]', secret: 'whsec_x' },
      { id: 'wh_both', kinds: '["anniversary.today","event.recorded"]', url: 'https://hooks.example.org/wh_both', relations: '["mx-ru"]', secret: 'whsec_x' },
      { id: 'wh_recorded', kinds: '["event.recorded"]', url: 'https://hooks.example.org/wh_recorded', relations: '["mx-ru"]', secret: 'whsec_x' },
    ]);
  });
});
