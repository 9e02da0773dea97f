import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { BOOKMARK_HEADER, BOOKMARK_PARAMETER_NAME } from './d1-session';
import { formBody, jsonBody, MAX_BODY_BYTES, MAX_FORM_BYTES } from './json-body';
import { problemContent } from './schemas';
import type { ApiTag } from './tags';

/**
 * Every operation of the OpenAPI document is made here: public ones by `publicRoute`, editor ones by
 * `editorRoute` (editor-auth.ts). Each has its operationId and its security, takes the `x-d1-bookmark`
 * header, and documents the answers every route can give besides its own: a 400 for a path or query
 * parameter, a bookmark or a body that is not valid JSON (unless the route says its 400 itself), and
 * for a route with a JSON body a 413 and a 415. A route with a body reads it through `jsonBody`, after
 * `guard` (the credential check of an editor route) and before the route's own middleware.
 */

/** An operation: its operationId, the one group it is listed in (tags.ts), and what it does beyond its summary. */
export type RouteDefinition = Omit<RouteConfig, 'security' | 'operationId' | 'parameters' | 'tags' | 'description'> & {
  operationId: string;
  tags: [ApiTag];
  description: string;
};
type Security = NonNullable<RouteConfig['security']>;

const BOOKMARK_PARAMETER_REF = { $ref: `#/components/parameters/${BOOKMARK_PARAMETER_NAME}` };

export function documentedRoute<R extends RouteDefinition>(route: R, security: Security, guard: MiddlewareHandler[] = []) {
  const common: RouteConfig['responses'] = { 400: problemContent(badRequest(route)) };
  if (route.request?.body) {
    common[413] = problemContent(bodyMediaTypes(route).includes('application/json')
      ? `The body is over ${MAX_BODY_BYTES / 1024 / 1024} MiB`
      : `The body is over ${MAX_FORM_BYTES / 1024} KiB`);
    common[415] = problemContent(`The body is not declared as ${bodyMediaTypes(route).join(' or ')}, declares a charset other than UTF-8, or has a Content-Encoding`);
  }
  for (const status of Object.keys(route.responses)) delete common[status];
  const middleware = [...guard, ...bodyReaders(route), ...[route.middleware ?? []].flat()];
  return createRoute({
    ...route,
    ...(middleware.length ? { middleware } : {}),
    security,
    parameters: [BOOKMARK_PARAMETER_REF],
    // (Typed as the route's own: a handler never answers these itself.)
    responses: { ...route.responses, ...(common as object) },
  });
}

/** A route anyone may call, without credentials. */
export const publicRoute = <R extends RouteDefinition>(route: R) => documentedRoute(route, []);

/** "A path parameter, a query parameter or the x-d1-bookmark header is not valid …": what this route can refuse. */
function badRequest(route: RouteDefinition): string {
  const parts = [
    route.request?.params && 'a path parameter',
    // (A route that takes no query parameter may still declare an empty query.)
    route.request?.query && Object.keys((route.request.query as { shape?: object }).shape ?? {}).length > 0 && 'a query parameter',
    `the ${BOOKMARK_HEADER} header`,
  ].filter((part): part is string => Boolean(part));
  const which = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
  const body = route.request?.body ? `; or the body is not UTF-8${bodyMediaTypes(route).includes('application/json') ? ', or not JSON' : ''}` : '';
  return `${which[0].toUpperCase()}${which.slice(1)} is not valid: the problem names it${body}`;
}

const bodyMediaTypes = (route: RouteDefinition) => Object.keys(route.request?.body?.content ?? {});

/** How a route's body is read (json-body.ts): JSON, or a form, never any other way. */
function bodyReaders(route: RouteDefinition): MiddlewareHandler[] {
  const body = route.request?.body;
  if (!body) return [];
  const types = bodyMediaTypes(route);
  return [
    ...(types.includes('application/json') ? [jsonBody(body.required === false)] : []),
    ...(types.includes('application/x-www-form-urlencoded') ? [formBody] : []),
  ];
}
