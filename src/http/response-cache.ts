import type { Context, MiddlewareHandler } from 'hono';
import { relationNameProblem } from '../domain/relation';
import type { AppEnv } from '../env';
import { cacheOrigin } from './cache-origin';
import { answerConditionally, etagOf } from './conditional';
import { BOOKMARK_HEADER } from './d1-session';
import { publicOrigin } from './origin';
import { pageLanguage } from './page-language';

/**
 * Every public read is served from the Workers Cache API, through one path: `cachedRead`, the middleware of
 * every cached route (a test checks that every public GET route has it). Every cache key holds a generation
 * number that the cache itself keeps per scope ("all" and each relation); an append writes new generations
 * for its relation and for "all", so every cached variant (any route, format, filter or page, under any host
 * name) goes stale at once, and a hit never touches D1. A response that depends on today is keyed by the day
 * too. The Cache API is per data center: elsewhere, a stored copy lives at most STORED_SECONDS.
 * A response that never changes (a full archive page, marked `ARCHIVED`) is kept apart, under no
 * generation, for as long as the cache keeps it, and clients may keep it as long.
 * Keys live under `cacheOrigin` (no request can change it), so that an append through one host name makes
 * stale what readers through every other see; each variant is keyed by the origin its links are made from
 * as well, so a request with another Host never gets, or leaves, links to a host it did not ask for.
 * And every response is keyed by the version of the code that rendered it (`CF_VERSION_METADATA`, new with
 * every deploy), so that a deploy never serves what an older version made: a page whose stylesheet's hash
 * its new Content-Security-Policy no longer allows, a body of an older shape. (The generations are not:
 * an append makes every version's responses stale, while two versions serve side by side.)
 * And by language: a URL names it (`/es/mx-ru`, `?lang=es`), or, for a page without a prefix, Accept-Language
 * chooses it, and the key holds the language chosen, so that no reader is ever given another language's copy.
 */
const CACHE_PATH = '/.response-cache';
const STORED_SECONDS = 300;
const GENERATION_SECONDS = 7 * 24 * 3600;

/** Clients revalidate every time: a 304 costs no D1 call, and a stale answer after an append is never shown. */
const CLIENT_CACHE_CONTROL = 'no-cache';

/** The Cache-Control of a response that never changes: anyone may keep it a year and never revalidate it. */
export const ARCHIVED = 'public, max-age=31536000, immutable';

/** How a route's responses are cached: by relation (its `relation` path parameter) or for all, and what else they depend on. */
export interface CachedReadOptions {
  scope: 'relation' | 'all';
  /** True when, for this request, the answer depends on today (a default day or `asOf`). */
  /**
   * True when, for this request, the answer depends on today (a default day or `asOf`), UTC; or the day it
   * depends on when that is today somewhere else (`tz=`), YYYY-MM-DD.
   */
  dependsOnToday?: (query: URLSearchParams) => boolean | string;
  /** True when, for this request, the answer may be an archive page (a full one never changes). */
  mayBeArchived?: (query: URLSearchParams) => boolean;
  /** A page whose language, without a prefix, Accept-Language chooses. */
  negotiated?: boolean;
}

/** What a cached response depends on: one relation or all of them, and for some, the day. */
interface CacheScope {
  relation: string | null;
  /** YYYY-MM-DD (UTC) when the response depends on today: the default `asOf`, the default day. */
  day?: string;
  /** Answer afresh (not from the cache), and store that answer. */
  fresh: boolean;
  /** A request whose answer, once complete, never changes (an archive page): looked for apart from the generations first. */
  archive: boolean;
  /** The language of a page that its URL does not name. */
  language?: string;
}

const scopeName = ({ relation }: Pick<CacheScope, 'relation'>) => (relation === null ? 'all' : `relation/${relation}`);
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

/** After an append to `relations` (or a rebuild of every view): their cached responses and those of "all" are stale, under every host name. */
export async function cachedResponsesChanged(env: Env, relations: string[]): Promise<void> {
  const origin = cacheOrigin(env);
  try {
    await Promise.all(['all', ...relations.map((relation) => `relation/${relation}`)].map((scope) => writeGeneration(origin, scope)));
  } catch (error) {
    // The events are recorded; a cache that cannot be written must not turn that into an error.
    console.error('cache invalidation failed', error);
  }
}

// Every middleware cachedRead makes, so that a test can tell which routes go through the cache.
const cachedReads = new WeakSet<MiddlewareHandler<AppEnv>>();

/** Whether a handler of the router is the cache's middleware. */
export const isCachedRead = (handler: unknown) => cachedReads.has(handler as MiddlewareHandler<AppEnv>);

/**
 * The middleware of a public route, for GET and HEAD alike (HEAD is answered as GET is, from the same entry,
 * with the same header fields and 304s): answers from the cache, or lets the route answer and caches that.
 * Passed by: a request with `x-d1-bookmark` (it must read at least that new, so from D1) or with
 * `Cache-Control: no-store` (RFC 9111: nothing of it is looked up or stored), and a malformed relation
 * name (the route answers 400; nothing is cached under it). `Cache-Control: no-cache` is answered
 * afresh, and that answer stored.
 */
export function cachedRead(options: CachedReadOptions): MiddlewareHandler<AppEnv> {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const scope = scopeOf(c, options);
    if (!scope) return next();
    const response = await cachedResponse(c, scope, async () => {
      await next();
      return c.res;
    });
    // Setting c.res copies the previous response's headers onto the new one: cleared first, so that a
    // 304 carries only its own.
    c.res = undefined;
    c.res = response;
  };
  cachedReads.add(middleware);
  return middleware;
}

/** What this request's answer is cached under, or null when it passes the cache. */
function scopeOf(c: Context<AppEnv>, options: CachedReadOptions): CacheScope | null {
  const asked = c.req.header('cache-control')?.toLowerCase() ?? '';
  const method = c.req.method;
  if ((method !== 'GET' && method !== 'HEAD') || c.req.header(BOOKMARK_HEADER) !== undefined || /\bno-store\b/.test(asked)) return null;
  const query = new URL(c.req.url).searchParams;
  const today = options.dependsOnToday?.(query);
  const day = today === true ? new Date().toISOString().slice(0, 10) : today || undefined;
  const language = options.negotiated ? pageLanguage(c).language : undefined;
  const common = { day, fresh: /\bno-cache\b/.test(asked), archive: options.mayBeArchived?.(query) ?? false, language };
  if (options.scope === 'all') return { relation: null, ...common };
  const relation = c.req.param('relation');
  return relation && relationNameProblem(relation) === null ? { relation, ...common } : null;
}

/**
 * The cached answer to this request if there is one, else `render()`'s, stored when it is a 200 (with
 * an ETag, a digest of its body, when it has none). Either way answered conditionally (304 when the
 * client's copy is current).
 */
async function cachedResponse(c: Context<AppEnv>, scope: CacheScope, render: () => Promise<Response>): Promise<Response> {
  const origin = cacheOrigin(c.env);
  const request = c.req.raw;
  const name = scopeName(scope);
  // The variant: what the request asked for, with the origin its links are made from, and the code that renders it.
  const { pathname, search } = new URL(request.url);
  const url = encodeURIComponent(`${publicOrigin(c)}${pathname}${search}`);
  const language = scope.language ? `&lang=${scope.language}` : '';
  const variant = `url=${url}&version=${encodeURIComponent(c.env.CF_VERSION_METADATA.id)}${language}`;
  const archivedKey = `${origin}${CACHE_PATH}/${name}/archived?${variant}`;
  if (scope.archive && !scope.fresh) {
    const archived = await caches.default.match(archivedKey);
    if (archived) return answerConditionally(request, forClient(archived, 'hit'));
  }
  const generation = await generationOf(origin, name);
  const day = scope.day ? `&day=${scope.day}` : '';
  const key = `${origin}${CACHE_PATH}/${name}/${generation}?${variant}${day}`;
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
