import { createMiddleware } from 'hono/factory';
import { callApi } from './api';
import type { DeskEnv, SignedIn } from './env';
import { messagePage } from './pages/message';
import { forgetSession, sessionOf } from './session-cookie';

/**
 * The desk's pages need a live session: its editor is asked of the API on every request (so that a revoked
 * key's session ends at once), and a page opens only with the scope it needs. No session, or one that ended:
 * to the sign-in page.
 */
export const signedIn = (scope?: string) => createMiddleware<DeskEnv>(async (c, next) => {
  const session = sessionOf(c);
  if (!session) return c.redirect('/desk/sign-in', 303);
  const answer = await callApi<Omit<SignedIn, 'session'>>(c, 'GET', '/v1/sessions/current', { credential: session });
  if (answer.status === 401) {
    forgetSession(c);
    return c.redirect('/desk/sign-in?ended', 303);
  }
  if (answer.status === 429) return messagePage(c, 429, 'Too many failed sign-ins', 'Too many failed sign-ins came from your address: try again in a minute.');
  if (answer.status !== 200) return messagePage(c, 502, 'The desk could not reach the log', 'Please try again in a moment.');
  c.set('signedIn', { session, ...answer.body });
  if (scope && !answer.body.scopes.includes(scope)) {
    return messagePage(c, 403, 'Not with this key', `This page needs a key with the scope ${scope}; yours has ${answer.body.scopes.join(', ')}.`);
  }
  return next();
});
