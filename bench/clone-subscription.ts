import { keyringOf, openSecret, sealSecret } from '../src/webhooks/sealed-secrets';

/**
 * Many subscriptions quickly, for the fan-out bench: copies of one subscription made through the API,
 * each with an id of the same shape and a URL of its own (`{urlBase}{n}`), in one statement. Every
 * other column is copied as it is, whatever columns the table has; then each copy's signing secret is
 * sealed again for its own id (a sealed secret opens only for the subscription it was sealed for).
 */

interface CloneRequest {
  id: string;
  count: number;
  urlBase: string;
}

const UPDATES_PER_BATCH = 500;

export async function cloneSubscription(request: Request, env: Env): Promise<Response> {
  const { id, count, urlBase } = (await request.json()) as CloneRequest;
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
  return Response.json({ created: result.meta.changes });
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
