import type { Context } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { problemResponse } from './problem';

/**
 * A path the app serves, asked with a method it does not serve there, is a 405 with `Allow` (RFC 9110
 * §15.5.6), not a 404: the methods of its routes, HEAD with GET, and OPTIONS, which answers 204 with the
 * same `Allow` (where reads are open to other origins, /v1/, the feeds and /openapi.json, the CORS middleware
 * answers OPTIONS first). Made from the app's own routes.
 */

const ROUTE_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** What is read of the app: its routes (middleware among them, as method ALL). */
interface Routed {
  routes: { method: string; path: string }[];
}

/** The handler of the app's not-found: the 405 or OPTIONS answer for a path it serves, else `fallback`'s. */
export function answerUnservedMethod(app: Routed, fallback: (c: Context) => Response | Promise<Response>) {
  let router: TrieRouter<string> | undefined;
  return (c: Context): Response | Promise<Response> => {
    router ??= routerOf(app);
    const served = new Set(router.match(c.req.method, c.req.path)[0].map(([method]) => method));
    if (served.size === 0) return fallback(c);
    if (served.has('GET')) served.add('HEAD');
    const allow = [...served, 'OPTIONS'].sort().join(', ');
    if (c.req.method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow } });
    return problemResponse(
      { title: 'Method Not Allowed', status: 405, detail: `${c.req.path} answers ${allow}, not ${c.req.method}` },
      { allow },
    );
  };
}

/** A router whose handlers are the methods of the app's routes, each matched whatever the request's method. */
function routerOf(app: Routed): TrieRouter<string> {
  const router = new TrieRouter<string>();
  for (const route of app.routes) if (ROUTE_METHODS.has(route.method)) router.add('ALL', route.path, route.method);
  return router;
}
