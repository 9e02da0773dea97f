import { app } from '../../src/app';

// The documentation's own routes are the only ones it need not describe.
const SELF_DESCRIBED = new Set(['GET /openapi.json', 'GET /docs']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Every route the Hono router serves, as "METHOD /path/{param}"; middleware (method ALL) is not a route. */
export function servedRoutes(): string[] {
  const routes = app.routes
    .filter((route) => METHODS.has(route.method))
    .map((route) => `${route.method} ${openApiPath(route.path)}`)
    .filter((route) => !SELF_DESCRIBED.has(route));
  return [...new Set(routes)].sort();
}

/** `/:relation{[a-z]{2}-[a-z]{2}}/events` → `/{relation}/events`: a Hono pattern may nest braces. */
export function openApiPath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i += 1) {
    const name = path[i] === ':' ? /^\w+/.exec(path.slice(i + 1))?.[0] : undefined;
    if (!name) {
      out += path[i];
      continue;
    }
    out += `{${name}}`;
    i += name.length;
    if (path[i + 1] !== '{') continue;
    for (let depth = 0; i + 1 < path.length; ) {
      i += 1;
      if (path[i] === '{') depth += 1;
      else if (path[i] === '}' && --depth === 0) break;
    }
  }
  return out;
}

