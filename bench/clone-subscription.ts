/**
 * Many subscriptions quickly, for the fan-out bench: copies of one subscription made through the API,
 * each with an id of the same shape and a URL of its own (`{urlBase}{n}`), in one statement. Every
 * other column is copied as it is, whatever columns the table has.
 */

interface CloneRequest {
  id: string;
  count: number;
  urlBase: string;
}

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
  return Response.json({ created: result.meta.changes });
}
