import { Hono } from 'hono';
import { callApi, problemDetail } from './api';
import type { DeskEnv } from './env';
import { SignInPage } from './pages/sign-in';
import { forgetSession, keepSession, sessionOf } from './session-cookie';

/** Signing in (a session started from the key by the API) and signing out (the session ended there). */
export const signInRoutes = new Hono<DeskEnv>();

signInRoutes.get('/sign-in', (c) => {
  const ended = c.req.query('ended') !== undefined;
  return c.html(<SignInPage notice={ended ? 'Your session has ended: sign in again.' : undefined} />);
});

signInRoutes.post('/sign-in', async (c) => {
  const form = await c.req.parseBody();
  const key = typeof form.key === 'string' ? form.key.trim() : '';
  if (!key) return c.html(<SignInPage error="Enter your editor key." />, 422);
  const answer = await callApi<{ session: string; expires: string }>(c, 'POST', '/v1/sessions', { credential: key });
  if (answer.status === 201) {
    keepSession(c, answer.body.session, answer.body.expires);
    return c.redirect('/desk', 303);
  }
  const error = answer.status === 401 ? 'This key is not valid: it is unknown, mistyped or revoked.'
    : answer.status === 429 ? `Too many failed sign-ins from your address: try again in ${answer.headers.get('retry-after') ?? 60} seconds.`
    : problemDetail(answer);
  return c.html(<SignInPage error={error} />, answer.status === 429 ? 429 : answer.status === 403 ? 403 : 401);
});

signInRoutes.post('/sign-out', async (c) => {
  const session = sessionOf(c);
  if (session) await callApi(c, 'DELETE', '/v1/sessions/current', { credential: session });
  forgetSession(c);
  return c.redirect('/desk/sign-in', 303);
});
