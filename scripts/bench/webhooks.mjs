// `anniversary.today` to 10,000 subscriptions spread over every time zone the runtime knows, through the
// local Queue to a receiver in this process: the time from a cron run to the last message it sent,
// deliveries per second, and D1 calls per delivery (the cron's and the queue consumer's, counted by the
// bench Worker). Two ways: every subscription at the local hour that began in its zone in the hour up to
// 1 December 06:00 UTC, so one run sends them all; and every subscription at 08:00 in its zone, the cron run
// at each hour of 1 December, each run sending to the zones whose 08:00 it is.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { post } from './post.mjs';
import { startReceiver } from './receiver.mjs';
import { perSecond, printTable, ratio, seconds } from './table.mjs';

const SUBSCRIPTIONS = 10_000;
const DEADLINE_SECONDS = 240;
/** What each run must stay within, for the subscriptions whose hour it is. */
const RUN_DEADLINE_SECONDS = 60;

export const webhookServerOptions = {
  // A receiver on this machine is allowed; a failed attempt is retried within seconds, not minutes.
  vars: { ALLOW_HTTP_WEBHOOKS: 'true', WEBHOOK_RETRY_SCHEDULE: '1,2,4,8' },
};

// The seed fixtures have 1 December (relations established, 1890); the days it is elsewhere at that instant need a fact too.
const OTHER_DAYS = [
  { id: '7d2f4c1e-5a3b-4e6f-9c8d-1b2a3c4d5e01', occurred: '1900-11-30' },
  { id: '7d2f4c1e-5a3b-4e6f-9c8d-1b2a3c4d5e02', occurred: '1900-12-02' },
];

async function api(server, method, path, body) {
  const response = await post(`${server.url}${path}`, { method, body, headers: { authorization: `Bearer ${server.token}` }, repeatable: true });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function recordOtherDays(server) {
  await api(server, 'POST', '/v1/relations/mx-ru/events', {
    events: OTHER_DAYS.map(({ id, occurred }) => ({
      id, type: 'EventNoted', occurred, headline: `A bench fact of ${occurred.slice(5)}`, data: {},
      source: { title: 'Bench source', publisher: 'Bench', url: 'https://example.org/bench' },
    })),
  });
}

/**
 * One subscription through the API, and SUBSCRIPTIONS - 1 copies of it (bench-only, one statement), each
 * with its own id and receiver path, all spread over every time zone: 10,000 through the API would take a minute.
 */
async function subscribeMany(server, receiverUrl, zones) {
  await post(`${server.url}/__bench/subscriptions`, { method: 'DELETE' });
  const subscription = await api(server, 'POST', '/v1/webhooks', {
    url: `${receiverUrl}/hooks/0`, events: ['anniversary.today'], description: 'bench receiver',
  });
  const response = await post(`${server.url}/__bench/clone-subscription`, {
    body: { id: subscription.id, count: SUBSCRIPTIONS - 1, urlBase: `${receiverUrl}/hooks/`, zones },
  });
  if (response.status !== 200 || response.body.created !== SUBSCRIPTIONS - 1) throw new Error(`cloning subscriptions: ${JSON.stringify(response.body)}`);
  return response.body.zones;
}

async function countedCalls(server, method = 'GET') {
  const response = await fetch(`${server.url}/__bench/d1-calls`, { method });
  return response.json();
}

/** The consumer records outcomes after the receiver has answered: wait until its count stops moving. */
async function settledCalls(server) {
  let previous = await countedCalls(server);
  for (let quiet = 0; quiet < 4; ) {
    await sleep(500);
    const now = await countedCalls(server);
    quiet = now.queue === previous.queue && now.scheduled === previous.scheduled ? quiet + 1 : 0;
    previous = now;
  }
  return previous;
}

const deliveriesWritten = async (server) => (await (await fetch(`${server.url}/__bench/deliveries`)).json()).deliveries;

/** Fires the cron at `instant`; answers when the receiver has had `expected` distinct subscriptions, and how long that took. */
async function cronRun(server, receiver, instant, already) {
  const before = await deliveriesWritten(server);
  const start = performance.now();
  // Running the cron again for the same hour makes no second delivery: safe to send again.
  const cron = await post(`${server.url}/__bench/cron?time=${instant}`, { repeatable: true });
  if (cron.status !== 200) throw new Error(`cron: ${cron.status} ${JSON.stringify(cron.body)}`);
  const cronSeconds = (performance.now() - start) / 1000;
  const sent = (await deliveriesWritten(server)) - before;
  await receiver.waitForDistinct(already + sent, DEADLINE_SECONDS);
  return { sent, cronSeconds, lastSeconds: sent ? (receiver.stats().last - start) / 1000 : 0 };
}

export async function anniversaryFanOut({ server }) {
  await recordOtherDays(server);
  const year = new Date().getUTCFullYear();
  const instant = await atOneInstant(server, `${year}-12-01T06:00:00Z`);
  const day = await overADay(server, year);
  return { ...instant, day };
}

/** Every subscription due at one instant, each at the local hour that began then in its zone. */
async function atOneInstant(server, instant) {
  const receiver = await startReceiver();
  try {
    const zones = await subscribeMany(server, receiver.url, { at: instant });
    await countedCalls(server, 'DELETE');
    const run = await cronRun(server, receiver, instant, 0);
    const calls = await settledCalls(server);
    const { received, distinct, unsigned } = receiver.stats();
    if (unsigned) throw new Error(`${unsigned} messages arrived without webhook-id or webhook-signature`);
    if (distinct !== SUBSCRIPTIONS) throw new Error(`${distinct} of ${SUBSCRIPTIONS} subscriptions received a message`);
    const perDelivery = (calls.scheduled + calls.queue) / distinct;
    printTable(`Webhooks: anniversary.today to ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions over ${zones} time zones, each at the local hour that began by ${instant}: one cron run`, ['measure', 'value'], [
      ['cron run (outbox written, messages queued)', seconds(run.cronSeconds)],
      ['cron start to the last message received', seconds(run.lastSeconds)],
      ['deliveries per second', perSecond(distinct / run.lastSeconds)],
      ['messages received (distinct subscriptions)', `${received} (${distinct})`],
      ['D1 calls: cron + queue consumer', `${calls.scheduled} + ${calls.queue}`],
      ['D1 calls per delivery', ratio(perDelivery)],
    ]);
    return { fanOutSeconds: run.lastSeconds, perSecond: distinct / run.lastSeconds, d1PerDelivery: perDelivery, received, distinct, zones };
  } finally {
    await receiver.close();
  }
}

/** Every subscription at 08:00 in its zone; the cron run at each hour of 1 December, each waited for. */
async function overADay(server, year) {
  const receiver = await startReceiver();
  try {
    const zones = await subscribeMany(server, receiver.url, { hour: 8 });
    await countedCalls(server, 'DELETE');
    const runs = [];
    for (let hour = 0; hour < 24; hour += 1) {
      const instant = `${year}-12-01T${String(hour).padStart(2, '0')}:00:00Z`;
      runs.push({ instant, ...await cronRun(server, receiver, instant, runs.reduce((sum, run) => sum + run.sent, 0)) });
    }
    const calls = await settledCalls(server);
    const { received, distinct, unsigned } = receiver.stats();
    if (unsigned) throw new Error(`${unsigned} messages arrived without webhook-id or webhook-signature`);
    const busy = runs.filter((run) => run.sent > 0);
    const slowest = busy.reduce((worst, run) => (run.lastSeconds > worst.lastSeconds ? run : worst), busy[0]);
    const sizes = busy.map((run) => run.sent).sort((a, b) => a - b);
    const perDelivery = (calls.scheduled + calls.queue) / distinct;
    printTable(`Webhooks: ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions over ${zones} time zones, each at 08:00 local; the cron at each hour of 1 December`, ['measure', 'value'], [
      ['runs that sent messages (of 24)', busy.length],
      ['messages a run: fewest, median, most', `${sizes[0]}, ${sizes[Math.floor(sizes.length / 2)]}, ${sizes.at(-1)}`],
      ['run start to its last message: the slowest run', `${seconds(slowest.lastSeconds)} (${slowest.sent} messages, ${slowest.instant})`],
      [`runs over ${RUN_DEADLINE_SECONDS} s`, busy.filter((run) => run.lastSeconds > RUN_DEADLINE_SECONDS).length],
      ['messages received (distinct subscriptions)', `${received} (${distinct})`],
      ['D1 calls: cron (24 runs) + queue consumer', `${calls.scheduled} + ${calls.queue}`],
      ['D1 calls per delivery', ratio(perDelivery)],
    ]);
    return { slowestRunSeconds: slowest.lastSeconds, d1PerDelivery: perDelivery, received, distinct };
  } finally {
    await receiver.close();
  }
}
