// Issue 4: feed requests per second on a cache hit and on a miss, against /healthz in the same run.
// A miss is forced by a query parameter the feed ignores but its cache key includes (the request URL).
import { getOk } from './load.mjs';
import { readRates } from './read-rates.mjs';

const SEEDED = 'mx-ru';
const FILES = ['feed.xml', 'feed.atom', 'feed.json'];

/** Checks that `path` is answered as the row says: from the cache with no D1 call, or rendered with one. */
async function expectCache(server, path, hit) {
  const response = await getOk(`${server.url}${path}`);
  const status = response.headers.get('cache-status') ?? '';
  const calls = /d1;desc="(\d+) call/.exec(response.headers.get('server-timing') ?? '')?.[1];
  if (hit !== status.includes('; hit') || (hit ? calls !== '0' : calls === '0')) {
    throw new Error(`${path}: expected a cache ${hit ? 'hit' : 'miss'}, got cache-status "${status}", ${calls} D1 calls`);
  }
}

export async function feedRates({ server }) {
  const probes = [];
  for (const file of FILES) {
    const path = `/v1/relations/${SEEDED}/${file}`;
    await getOk(`${server.url}${path}`);
    await expectCache(server, path, true);
    await expectCache(server, `${path}?bench-miss=check`, false);
    probes.push({ path, what: 'cache hit, 0 D1 calls' });
    // Every request of the miss run has a URL of its own, so none is found in the cache.
    probes.push({ path: `${path}?bench-miss=`, what: 'cache miss: rendered and stored, 1 D1 call', perRequest: true });
  }
  return readRates(server, `Feeds of ${SEEDED} (newest 50 entries): requests per second against /healthz (issue 4)`, probes);
}
