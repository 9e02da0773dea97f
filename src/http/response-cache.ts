import { answerConditionally } from './conditional';

/**
 * Feeds are served from the Workers Cache API. Every cache key holds a generation number that the
 * cache itself keeps per scope ("all" and each relation); an append writes a new generation, so every
 * cached variant (any format, filter or page) goes stale at once, and a hit never touches D1.
 * The Cache API is per data center: elsewhere, a stored copy lives at most STORED_SECONDS.
 * Keys live under the public origin (the Worker's own host, as the Cache API wants), the same for
 * the append that invalidates and the reads that look up.
 */
const CACHE_PATH = '/.feed-cache';
const STORED_SECONDS = 300;
const GENERATION_SECONDS = 7 * 24 * 3600;

/** Clients revalidate every time: a 304 costs no D1 call, and a stale feed after an append is never shown. */
const CLIENT_CACHE_CONTROL = 'no-cache';

export type FeedScope = { relation: string | null };

const scopeName = ({ relation }: FeedScope) => (relation === null ? 'all' : `relation/${relation}`);
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

/** After an append to `relation`: its cached responses and those of all relations are stale. */
export async function cachedResponsesChanged(origin: string, relation: string): Promise<void> {
  try {
    await Promise.all([writeGeneration(origin, 'all'), writeGeneration(origin, `relation/${relation}`)]);
  } catch (error) {
    // The events are recorded; a cache that cannot be written must not turn that into an error.
    console.error('feed cache invalidation failed', error);
  }
}

/**
 * The cached answer to this request if there is one, else `render()`'s, stored when it is a 200.
 * Either way answered conditionally (304 when the client's copy is current).
 */
export async function cachedResponse(
  origin: string, request: Request, scope: FeedScope, render: () => Promise<Response>,
): Promise<Response> {
  const name = scopeName(scope);
  const generation = await generationOf(origin, name);
  const key = `${origin}${CACHE_PATH}/${name}/${generation}?url=${encodeURIComponent(request.url)}`;
  const hit = await caches.default.match(key);
  if (hit) return answerConditionally(request, forClient(hit, 'hit'));
  const response = await render();
  if (response.status !== 200) return response;
  const stored = new Response(response.clone().body, response);
  stored.headers.set('cache-control', `max-age=${STORED_SECONDS}`);
  await caches.default.put(key, stored);
  return answerConditionally(request, forClient(response, 'fwd=miss; stored'));
}

function forClient(response: Response, status: string): Response {
  const copy = new Response(response.body, response);
  copy.headers.set('cache-control', CLIENT_CACHE_CONTROL);
  copy.headers.set('cache-status', `relations-log; ${status}`);
  return copy;
}
