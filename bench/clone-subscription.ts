import { hoursBegunWithin } from '../src/domain/local-time';
import { keyringOf, openSecret, sealSecret } from '../src/webhooks/sealed-secrets';

/**
 * Many subscriptions quickly, for the fan-out bench: copies of one subscription made through the API,
 * each with an id of the same shape and a URL of its own (`{urlBase}{n}`), in one statement. Every
 * other column is copied as it is, whatever columns the table has; then each copy's signing secret is
 * sealed again for its own id (a sealed secret opens only for the subscription it was sealed for); and, when
 * asked, all of them spread over every time zone.
 */

interface CloneRequest {
  id: string;
  count: number;
  urlBase: string;
  /**
   * Spread the subscription and its copies over every time zone the runtime knows (and UTC), in turn: each at
   * `hour`, or at the local hour that began in each zone in the hour up to `at` (so that all are due then).
   */
  zones?: { hour: number } | { at: string };
}

/** Every zone with the hour a subscription there gets. */
function zoneHours(spread: NonNullable<CloneRequest['zones']>): [string, number][] {
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone')];
  if ('hour' in spread) return zones.map((zone) => [zone, spread.hour]);
  const at = Date.parse(spread.at);
  return zones.flatMap((zone) => hoursBegunWithin(zone, at - 3_600_000, at).slice(-1).map(({ hour }) => [zone, hour] as [string, number]));
}

const UPDATES_PER_BATCH = 500;

export async function cloneSubscription(request: Request, env: Env): Promise<Response> {
  const { id, count, urlBase, zones } = (await request.json()) as CloneRequest;
  const { results } = await env.DB.prepare("SELECT name FROM pragma_table_info('webhook_subscriptions')").all<{ name: string }>();
  const columns = results.map(({ name }) => name);
  const values = columns.map((name) => {
    if (name === 'id') return "'wh_' || lower(hex(randomblob(16)))";
    if (name === 'url') return '?3 || n.i';
    return `s.${name}`;
  });
  const result = await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
     INSERT INTO webhook_subscriptions (${columns.join(', ')})
     SELECT ${values.join(', ')} FROM n, webhook_subscriptions s WHERE s.id = ?1`,
  ).bind(id, count, urlBase).run();
  await sealForEachCopy(env, id, urlBase);
  const spread = zones ? zoneHours(zones) : [];
  if (spread.length) await spreadOverZones(env, urlBase, spread);
  return Response.json({ created: result.meta.changes, zones: spread.length });
}

/** The subscriptions under `urlBase`, in id order, each in the next zone of the list with its hour. */
async function spreadOverZones(env: Env, urlBase: string, zones: [string, number][]): Promise<void> {
  await env.DB.prepare(
    `UPDATE webhook_subscriptions AS s SET anniversary_time_zone = json_extract(j.value, '$[0]'), anniversary_hour = json_extract(j.value, '$[1]')
     FROM (SELECT id, (ROW_NUMBER() OVER (ORDER BY id) - 1) % ?2 AS k FROM webhook_subscriptions WHERE substr(url, 1, length(?3)) = ?3) c
     JOIN json_each(?1) j ON j.key = c.k
     WHERE s.id = c.id`,
  ).bind(JSON.stringify(zones), zones.length, urlBase).run();
}

async function sealForEachCopy(env: Env, id: string, urlBase: string): Promise<void> {
  const keyring = await keyringOf(env);
  const source = await env.DB.prepare('SELECT secret FROM webhook_subscriptions WHERE id = ?1').bind(id).first<{ secret: string }>();
  const secret = await openSecret(keyring, id, source!.secret);
  const { results: copies } = await env.DB.prepare(
    'SELECT id FROM webhook_subscriptions WHERE substr(url, 1, length(?1)) = ?1 AND id <> ?2',
  ).bind(urlBase, id).all<{ id: string }>();
  for (let start = 0; start < copies.length; start += UPDATES_PER_BATCH) {
    const batch = copies.slice(start, start + UPDATES_PER_BATCH);
    const sealed = await Promise.all(batch.map((copy) => sealSecret(keyring, copy.id, secret)));
    await env.DB.batch(batch.map((copy, index) =>
      env.DB.prepare('UPDATE webhook_subscriptions SET secret = ?2 WHERE id = ?1').bind(copy.id, sealed[index])));
  }
}
