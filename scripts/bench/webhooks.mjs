// Issue 5: one cron run fans `anniversary.today` out to 10,000 subscriptions through the local Queue
// to a receiver in this process: the time until the last message arrives, deliveries per second,
// and D1 calls per delivery (the cron's and the queue consumer's, counted by the bench Worker).
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { post } from './post.mjs';
import { startReceiver } from './receiver.mjs';
import { perSecond, printTable, ratio, seconds } from './table.mjs';

const SUBSCRIPTIONS = 10_000;
const DEADLINE_SECONDS = 240;

export const webhookServerOptions = {
  // A receiver on this machine is allowed; a failed attempt is retried within seconds, not minutes.
  vars: { ALLOW_HTTP_WEBHOOKS: 'true', WEBHOOK_RETRY_SCHEDULE: '1,2,4,8' },
};

async function subscribe(server, url) {
  const response = await fetch(`${server.url}/v1/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url, events: ['anniversary.today'], description: 'bench receiver' }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`subscribe: ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}

/**
 * One subscription through the API, and SUBSCRIPTIONS - 1 copies of it (bench-only, one statement),
 * each with its own id and receiver path: creating 10,000 through the API would take a minute.
 */
async function subscribeMany(server, receiverUrl) {
  const id = await subscribe(server, `${receiverUrl}/hooks/0`);
  const response = await fetch(`${server.url}/__bench/clone-subscription`, {
    method: 'POST',
    body: JSON.stringify({ id, count: SUBSCRIPTIONS - 1, urlBase: `${receiverUrl}/hooks/` }),
  });
  const body = await response.json();
  if (!response.ok || body.created !== SUBSCRIPTIONS - 1) throw new Error(`cloning subscriptions: ${JSON.stringify(body)}`);
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

export async function anniversaryFanOut({ server }) {
  const receiver = await startReceiver();
  try {
    await subscribeMany(server, receiver.url);
    await countedCalls(server, 'DELETE');
    // 1 December: the establishment of relations (1890) is among the seed fixtures' anniversaries.
    const instant = `${new Date().getUTCFullYear()}-12-01T06:00:00Z`;
    const start = performance.now();
    // Running the cron again for the same day makes no second delivery: safe to send again.
    const cron = await post(`${server.url}/__bench/cron?time=${instant}`, { repeatable: true });
    if (cron.status !== 200) throw new Error(`cron: ${cron.status} ${JSON.stringify(cron.body)}`);
    const cronDone = performance.now();
    await receiver.waitForDistinct(SUBSCRIPTIONS, DEADLINE_SECONDS);
    const fanOut = (receiver.stats().last - start) / 1000;
    const calls = await settledCalls(server);
    const { received, distinct, unsigned } = receiver.stats();
    if (unsigned) throw new Error(`${unsigned} messages arrived without webhook-id or webhook-signature`);
    const perDelivery = (calls.scheduled + calls.queue) / distinct;
    printTable(`Webhooks: one cron run, anniversary.today to ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions through the local Queue (issue 5)`, ['measure', 'value'], [
      ['cron run (outbox written, messages queued)', seconds((cronDone - start) / 1000)],
      ['cron start to the last message received', seconds(fanOut)],
      ['deliveries per second', perSecond(distinct / fanOut)],
      ['messages received (distinct subscriptions)', `${received} (${distinct})`],
      ['D1 calls: cron + queue consumer', `${calls.scheduled} + ${calls.queue}`],
      ['D1 calls per delivery', ratio(perDelivery)],
    ]);
    return { fanOutSeconds: fanOut, perSecond: distinct / fanOut, d1PerDelivery: perDelivery, received, distinct };
  } finally {
    await receiver.close();
  }
}
