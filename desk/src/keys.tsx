import type { Context } from 'hono';
import { Hono } from 'hono';
import { callApi, problemDetail } from './api';
import type { DeskEnv } from './env';
import { KeysPage, type EditorKey } from './pages/keys';
import { signedIn } from './signed-in';

/** Editors' keys (admin): made (shown once), listed, revoked; a revoked key's sessions end with it. */
export const keyRoutes = new Hono<DeskEnv>();

keyRoutes.use('/keys', signedIn('admin'));
keyRoutes.use('/keys/*', signedIn('admin'));

const keysOf = async (c: Context<DeskEnv>) => (await callApi<{ keys: EditorKey[] }>(c, 'GET', '/v1/admin/keys')).body.keys ?? [];

keyRoutes.get('/keys', async (c) => {
  const notice = c.req.query('revoked') !== undefined ? 'Revoked: the key, and every session signed in with it, stopped working.' : undefined;
  return c.html(<KeysPage signedIn={c.var.signedIn} keys={await keysOf(c)} notice={notice} />);
});

keyRoutes.post('/keys', async (c) => {
  const body = await c.req.parseBody({ all: true });
  const scopes = [body.scopes ?? []].flat().map(String);
  const values = { name: String(body.name ?? ''), scopes, anotherKey: body.anotherKey === 'true' };
  const answer = await callApi<EditorKey & { key: string }>(c, 'POST', '/v1/admin/keys', {
    body: { name: values.name, scopes, ...(values.anotherKey ? { anotherKey: true } : {}) },
  });
  if (answer.status === 201) return c.html(<KeysPage signedIn={c.var.signedIn} keys={await keysOf(c)} made={answer.body} />, 201);
  const errors: Record<string, string> = {};
  const problem = answer.body as unknown as { errors?: { pointer?: string; detail: string }[] };
  for (const error of problem.errors ?? []) {
    const field = (error.pointer ?? '').split('/')[1] || 'name';
    errors[field === 'anotherKey' ? 'name' : field] = error.detail;
  }
  if (Object.keys(errors).length === 0) errors.name = problemDetail(answer);
  return c.html(<KeysPage signedIn={c.var.signedIn} keys={await keysOf(c)} errors={errors} values={values} />, answer.status === 409 ? 409 : 422);
});

keyRoutes.post('/keys/:id/revoke', async (c) => {
  await callApi(c, 'DELETE', `/v1/admin/keys/${encodeURIComponent(c.req.param('id'))}`);
  return c.redirect('/desk/keys?revoked', 303);
});
