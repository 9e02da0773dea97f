// Issue 9: latency at a distance. The bench Worker can wait before every D1 call (BENCH_D1_LATENCY_MS),
// as if the database were far away; p50 and p95 of the timeline, the agreements view, the page and a
// feed, on a cache miss and on a hit, at no added latency and at `--d1-latency` ms. A hit should not move
// with the latency; a miss should move by one round trip (one D1 call), not more.
import { performance } from 'node:perf_hooks';
import { getOk } from './load.mjs';
import { printTable } from './table.mjs';

const SEEDED = 'mx-ru';
const REQUESTS = 120;
const PROBES = [
  { name: 'timeline, 50 items', path: `/v1/relations/${SEEDED}/timeline?limit=50` },
  { name: 'agreements as of 2015-01-01', path: `/v1/relations/${SEEDED}/agreements?asOf=2015-01-01` },
  { name: 'the page', path: `/${SEEDED}?asOf=2015-01-01` },
  { name: 'Atom feed', path: `/v1/relations/${SEEDED}/feed.atom` },
];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Milliseconds of `count` requests one after another: a URL of its own each (a miss), or the same (a hit). */
async function timings(server, path, miss) {
  const url = (i) => `${server.url}${path}${path.includes('?') ? '&' : '?'}bench-miss=${i}`;
  if (!miss) await getOk(`${server.url}${path}`);
  const times = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const started = performance.now();
    const response = await getOk(miss ? url(`${Date.now()}-${i}`) : `${server.url}${path}`);
    times.push(performance.now() - started);
    const status = response.headers.get('cache-status') ?? '';
    if (miss === status.endsWith('hit')) throw new Error(`${path}: expected a ${miss ? 'miss' : 'hit'}, got "${status}"`);
  }
  return times.sort((a, b) => a - b);
}

/** The servers: `near` with no added latency, `far` with `latencyMs` before every D1 call. */
export async function latencyAtADistance({ near, far, latencyMs }) {
  const rows = [];
  const figures = [];
  for (const probe of PROBES) {
    for (const miss of [true, false]) {
      const [atZero, atDistance] = [await timings(near, probe.path, miss), await timings(far, probe.path, miss)];
      const figure = {
        probe: probe.name, miss,
        p50: [percentile(atZero, 50), percentile(atDistance, 50)],
        p95: [percentile(atZero, 95), percentile(atDistance, 95)],
      };
      figures.push(figure);
      const ms = (value) => value.toFixed(1);
      rows.push([
        probe.name, miss ? 'miss' : 'hit', ms(figure.p50[0]), ms(figure.p95[0]), ms(figure.p50[1]), ms(figure.p95[1]),
        ms(figure.p50[1] - figure.p50[0]),
      ]);
    }
  }
  printTable(
    `Latency, ${REQUESTS} requests one after another, at no added D1 latency and at ${latencyMs} ms per D1 call (issue 9)`,
    ['request', 'cache', 'p50 ms', 'p95 ms', `p50 at ${latencyMs}`, `p95 at ${latencyMs}`, 'p50 moved by'],
    rows,
  );
  return figures;
}
