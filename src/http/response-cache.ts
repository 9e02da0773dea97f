import type { Context, MiddlewareHandler } from 'hono';
import { relationNameProblem } from '../domain/relation';
import type { AppEnv } from '../env';
import { answerConditionally, etagOf } from './conditional';
import { BOOKMARK_HEADER } from './d1-session';
import { publicOrigin } from './origin';

/**
 * Every public read is served from the Workers Cache API. Every cache key holds a generation number
 * that the cache itself keeps per scope ("all" and each relation); an append writes new generations
 * for its relation and for "all", so every cached variant (any route, format, filter or page) goes
 * stale at once, and a hit never touches D1. A response that depends on today is keyed by the day too.
 * The Cache API is per data center: elsewhere, a stored copy lives at most STORED_SECONDS.
 * A response that never changes (a full archive page, marked `ARCHIVED`) is kept apart, under no
 * generation, for as long as the cache keeps it, and clients may keep it as long.
 * Keys live under the public origin (the Worker's own host, as the Cache API wants), the same for
 * the append that invalidates and the reads that look up.
 */
const CACHE_PATH = '/.response-cache';
const STORED_SECONDS = 300;
const GENERATION_SECONDS = 7 * 24 * 3600;

/** Clients revalidate every time: a 304 costs no D1 call, and a stale answer after an append is never shown. */
const CLIENT_CACHE_CONTROL = 'no-cache';

/** The Cache-Control of a response that never changes: anyone may keep it a year and never revalidate it. */
export const ARCHIVED = 'public, max-age=31536000, immutable';

/** What a cached response depends on: one relation or all of them, and for some, the day. */
export interface CacheScope {
  relation: string | null;
  /** YYYY-MM-DD (UTC) when the response depends on today: the default `asOf`, the default day. */
  day?: string;
  /** Answer afresh (not from the cache), and store that answer. */
  fresh?: boolean;
  /** A request whose answer, once complete, never changes (an archive page): looked for apart from the generations first. */
  archive?: boolean;
}

const scopeName = ({ relation }: CacheScope) => (relation === null ? 'all' : `relation/${relation}`);
const generationKey = (origin: string, scope: string) => `${origin}${CACHE_PATH}/generation/${scope}`;

async function generationOf(origin: string, scope: string): Promise<string> {
  const stored = await caches.default.match(generationKey(origin, scope));
  if (stored) return stored.text();
  return writeGeneration(origin, scope);
}

async function writeGeneration(origin: string, scope: string): Promise<string> {
  const generation = crypto.randomUUID();
  await caches.default.put(
    generationKey(origin, scope),
    new Response(generation, { headers: { 'cache-control': `max-age=${GENERATION_SECONDS}` } }),
  );
  return generation;
}

/** After an append to `relations` (or a rebuild of every view): their cached responses and those of "all" are stale. */
export async function cachedResponsesChanged(origin: string, relations: string[]): Promise<void> {
  try {
    await Promise.all(['all', ...relations.map((relation) => `relation/${relation}`)].map((scope) => writeGeneration(origin, scope)));
  } catch (error) {
    // The events are recorded; a cache that cannot be written must not turn that into an error.
    console.error('cache invalidation failed', error);
  }
}

/**
 * The cached answer to this request if there is one, else `render()`'s, stored when it is a 200 (with
 * an ETag, a digest of its body, when it has none). Either way answered conditionally (304 when the
 * client's copy is current).
 */
export async function cachedResponse(
  origin: string, request: Request, scope: CacheScope, render: () => Promise<Response>,
): Promise<Response> {
  const name = scopeName(scope);
  const url = encodeURIComponent(request.url);
  const archivedKey = `${origin}${CACHE_PATH}/${name}/archived?url=${url}`;
  if (scope.archive && !scope.fresh) {
    const archived = await caches.default.match(archivedKey);
    if (archived) return answerConditionally(request, forClient(archived, 'hit'));
  }
  const generation = await generationOf(origin, name);
  const day = scope.day ? `&day=${scope.day}` : '';
  const key = `${origin}${CACHE_PATH}/${name}/${generation}?url=${url}${day}`;
  const hit = scope.fresh ? undefined : await caches.default.match(key);
  if (hit) return answerConditionally(request, forClient(hit, 'hit'));
  const rendered = await render();
  if (rendered.status !== 200) return rendered;
  const body = await rendered.arrayBuffer();
  const response = new Response(body, rendered);
  if (!response.headers.has('etag')) response.headers.set('etag', await etagOf(body));
  const never = response.headers.get('cache-control') === ARCHIVED;
  const stored = new Response(body, response);
  stored.headers.set('cache-control', never ? ARCHIVED : `max-age=${STORED_SECONDS}`);
  await caches.default.put(never ? archivedKey : key, stored);
  // RFC 9211: `request` when the request's own Cache-Control kept a stored answer from being used.
  return answerConditionally(request, forClient(response, `fwd=${scope.fresh ? 'request' : 'miss'}; stored`));
}

/** What the client is told: revalidate every time, unless the response never changes. */
function forClient(response: Response, status: string): Response {
  const copy = new Response(response.body, response);
  if (copy.headers.get('cache-control') !== ARCHIVED) copy.headers.set('cache-control', CLIENT_CACHE_CONTROL);
  copy.headers.set('cache-status', `relations-log; ${status}`);
  return copy;
}

/** How a route's responses are cached: by relation (its `relation` path parameter) or for all, and whether they depend on today. */
export interface CachedReadOptions {
  scope: 'relation' | 'all';
  /**
   * True when, for this request, the answer depends on today (a default day or `asOf`), UTC; or the day it
   * depends on when that is today somewhere else (`tz=`), YYYY-MM-DD.
   */
  dependsOnToday?: (query: URLSearchParams) => boolean | string;
}

/**
 * The middleware of a public GET route: answers from the cache, or lets the route answer and caches
 * that. Passed by: a request with `x-d1-bookmark` (it must read at least that new, so from D1) or with
 * `Cache-Control: no-store` (RFC 9111: nothing of it is looked up or stored), and a malformed relation
 * name (the route answers 400; nothing is cached under it). `Cache-Control: no-cache` is answered
 * afresh, and that answer stored.
 */
export function cachedRead(options: CachedReadOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const scope = scopeOf(c, options);
    const asked = c.req.header('cache-control')?.toLowerCase() ?? '';
    if (!scope || c.req.method !== 'GET' || c.req.header(BOOKMARK_HEADER) !== undefined || /\bno-store\b/.test(asked)) {
      return next();
    }
    const response = await cachedResponse(publicOrigin(c), c.req.raw, { ...scope, fresh: /\bno-cache\b/.test(asked) }, async () => {
      await next();
      return c.res;
    });
    // Setting c.res copies the previous response's headers onto the new one: cleared first, so that a
    // 304 carries only its own.
    c.res = undefined;
    c.res = response;
  };
}

function scopeOf(c: Context<AppEnv>, options: CachedReadOptions): CacheScope | null {
  const url = new URL(c.req.url);
  const today = options.dependsOnToday?.(url.searchParams);
  const day = today === true ? new Date().toISOString().slice(0, 10) : today || undefined;
  if (options.scope === 'all') return { relation: null, day };
  const relation = c.req.param('relation');
  return relation && relationNameProblem(relation) === null ? { relation, day } : null;
}
