// Issue 3: requests per second of the timeline (50 items), the agreements view and on this day,
// against GET /healthz on the same server in the same run.
import { readRates } from './read-rates.mjs';
import { d1Cost } from './server-timing.mjs';

const SEEDED = 'mx-ru';

/** Answers the JSON of `path` after checking it is what the measurement claims to measure. */
async function checkedJson(server, path, check) {
  const response = await fetch(`${server.url}${path}`);
  const body = await response.json();
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  const problem = check(body);
  if (problem) throw new Error(`${path}: ${problem}`);
  return { body, cost: d1Cost(response) };
}

export async function viewReadRates({ server }) {
  const timeline = `/v1/relations/${SEEDED}/timeline?limit=50`;
  const agreements = `/v1/relations/${SEEDED}/agreements?asOf=2015-01-01`;
  const onThisDay = `/v1/relations/${SEEDED}/on-this-day?date=12-01`;
  const allOnThisDay = '/v1/on-this-day?date=12-01';
  const t = await checkedJson(server, timeline, (body) => (body.items.length === 50 ? null : `${body.items.length} items, not 50`));
  const a = await checkedJson(server, agreements, (body) => (body.items.length ? null : 'no agreements'));
  const o = await checkedJson(server, onThisDay, (body) => (body.items.length ? null : 'no anniversaries'));
  await checkedJson(server, allOnThisDay, (body) => (body.items.length ? null : 'no anniversaries'));
  return readRates(server, 'Views: requests per second against /healthz (issue 3)', [
    { path: timeline, what: `${t.body.items.length} items, ${t.cost.calls} D1 call` },
    { path: agreements, what: `${a.body.items.length} agreements, ${a.cost.calls} D1 call` },
    { path: onThisDay, what: `${o.body.items.length} anniversar${o.body.items.length === 1 ? 'y' : 'ies'}, ${o.cost.calls} D1 call` },
    { path: allOnThisDay, what: 'all relations' },
  ]);
}
