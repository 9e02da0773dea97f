import { createMiddleware } from 'hono/factory';
import { authenticate } from '../editors/authenticate';
import type { Scope } from '../editors/scopes';
import type { AppEnv } from '../env';
import { authenticationFailed, lockedOutSeconds } from './auth-failures';
import { documentedRoute, type RouteDefinition } from './documented-route';
import { problemResponse } from './problem';
import { problemContent } from './schemas';

/**
 * Editor routes: `Authorization: Bearer <key>` (an editor key, a session of the desk made from one, or the
 * ADMIN_TOKEN), and the scope the route needs, if it needs one. No credential: 401. A credential that is
 * not valid (unknown, revoked, mistyped, an ended session): 401, and
 * counted against the client's address; past the limit, 429 with Retry-After. A valid one without the
 * scope: 403 naming the scope. The editor is then `c.var.editor`.
 */
export const requireScope = (scope?: Scope) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const credential = bearerOf(c.req.raw);
    if (!credential) {
      return problemResponse(
        { title: 'Unauthorized', status: 401, detail: 'editor routes need an editor key: Authorization: Bearer <key>' },
        { 'www-authenticate': 'Bearer realm="editors"' },
      );
    }
    const lockedOut = await lockedOutSeconds(c);
    if (lockedOut) return tooManyFailures(lockedOut);
    const editor = await authenticate(c.var.db, c.env.ADMIN_TOKEN, credential, new Date());
    if (!editor) {
      const lockout = await authenticationFailed(c);
      if (lockout) return tooManyFailures(lockout);
      return problemResponse(
        { title: 'Unauthorized', status: 401, detail: 'this key is not valid: it is unknown, mistyped or revoked' },
        { 'www-authenticate': 'Bearer realm="editors", error="invalid_token"' },
      );
    }
    if (scope && !editor.scopes.includes(scope)) {
      return problemResponse(
        {
          type: '/problems/insufficient-scope',
          title: 'Forbidden',
          status: 403,
          detail: `this key does not have the scope ${scope}`,
          scope,
        },
        { 'www-authenticate': `Bearer realm="editors", error="insufficient_scope", scope="${scope}"` },
      );
    }
    c.set('editor', editor);
    await next();
  });

/** The credential of `Authorization: Bearer <credential>`, or null. */
export const bearerOf = (request: Request) => /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;

/**
 * An editor route of the OpenAPI document: its scope under the `editorKey` security scheme, the scope
 * check before anything else of the route (its body is not read for a client without a key), and the
 * answers the check can give.
 */
export const editorRoute = <R extends RouteDefinition>(scope: Scope | null, route: R) =>
  documentedRoute({
    ...route,
    responses: {
      ...route.responses,
      401: withHeader(problemContent('No editor key, or one that is not valid (unknown, mistyped or revoked)'), 'WWW-Authenticate', 'the Bearer challenge'),
      ...(scope && { 403: withHeader(problemContent(`The key does not have the scope ${scope}`), 'WWW-Authenticate', 'the Bearer challenge, naming the scope') }),
      429: withHeader(
        problemContent('Too many failed authentications from this address: try again after Retry-After seconds'),
        'Retry-After', 'seconds until editor requests from this address are judged again', 'integer',
      ),
    },
  }, [{ editorKey: scope ? [scope] : [] }], [requireScope(scope ?? undefined)]);

/** A documented response with a header it always carries. */
function withHeader<T extends object>(response: T, name: string, description: string, type: 'string' | 'integer' = 'string') {
  return { ...response, headers: { [name]: { required: true, description, schema: { type } } } };
}

function tooManyFailures(seconds: number): Response {
  return problemResponse(
    {
      type: '/problems/too-many-failed-authentications',
      title: 'Too Many Requests',
      status: 429,
      detail: `too many failed authentications from this address: editor requests from it are refused for ${seconds} s`,
    },
    { 'retry-after': String(seconds) },
  );
}
