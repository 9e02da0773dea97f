import { createMiddleware } from 'hono/factory';
import { messagePage } from './pages/message';

/**
 * CSRF: a request that changes something (any method but GET and HEAD) must come from a page of the desk's
 * own origin, as its Origin header says. Browsers send Origin with every POST; a request without one, or
 * from another site, is refused with 403 and changes nothing. (The session cookie is SameSite=Strict too.)
 */
export const sameOriginOnly = createMiddleware(async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  if (c.req.header('origin') !== new URL(c.req.url).origin) {
    return messagePage(c, 403, 'Refused', 'This request did not come from a page of the desk, so nothing was changed. Open the desk and try again from there.');
  }
  return next();
});
