// Requests per second of GETs against GET /healthz on the same server in the same run, as ratios.
import { getsPerSecond } from './load.mjs';
import { perSecond, printTable, ratio } from './table.mjs';

const SECONDS = 3;
const CONCURRENCY = 8;

/**
 * Requests per second of each probe (`path`, `what` it answers; `perRequest`: a URL of its own for
 * every request, the counter appended) and of /healthz, with the ratio of each to /healthz.
 */
export async function readRates(server, title, probes) {
  const health = await getsPerSecond(`${server.url}/healthz`, { seconds: SECONDS, concurrency: CONCURRENCY });
  const rows = [['GET /healthz', '', perSecond(health.perSecond), '1.00']];
  const figures = [{ route: '/healthz', perSecond: health.perSecond, ratio: 1 }];
  for (const probe of probes) {
    const url = probe.perRequest ? (i) => `${server.url}${probe.path}${i}` : `${server.url}${probe.path}`;
    const run = await getsPerSecond(url, { seconds: SECONDS, concurrency: CONCURRENCY });
    figures.push({ route: probe.path, perSecond: run.perSecond, ratio: run.perSecond / health.perSecond });
    rows.push([`GET ${probe.path}${probe.perRequest ? 'N' : ''}`, probe.what, perSecond(run.perSecond), ratio(run.perSecond / health.perSecond)]);
  }
  printTable(`${title}, ${SECONDS} s each, ${CONCURRENCY} requests in flight`, ['request', 'what it answers', 'requests/s', 'vs /healthz'], rows);
  return figures;
}

