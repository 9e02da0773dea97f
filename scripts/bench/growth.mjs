// Issue 9: what grows, and where. The resident memory of both workerd processes of `wrangler dev` (the one
// that runs the Worker, with local D1, the cache and the Workflow engine; and wrangler's proxy) and the heap
// of the Worker's own isolate (in use, and what survives a full collection), after each of four rebuilds of
// the same log, each 1,000 appends through the API, and each 1,000 of the same batches sent bare (the append
// floor: the same D1 statements, without this code).
import { randomUUID } from 'node:crypto';
import { heapSampler } from './inspector.mjs';
import { post } from './post.mjs';
import { residentMemory } from './processes.mjs';
import { benchRelation } from './relations.mjs';
import { fillLog, followRebuild } from './rebuild.mjs';
import { notedEvent } from './synthetic.mjs';
import { mebibytes, printTable } from './table.mjs';

const EVENTS = 100_000;
const ROUNDS = 4;
const LANES = 4;
const APPENDS_PER_ROUND = 1000;

/** APPENDS_PER_ROUND requests of one event each, LANES in flight, to `path` (sent again if `repeatable`). */
async function oneEventRequests(server, path, { headers = {}, repeatable = false } = {}) {
  await Promise.all(Array.from({ length: LANES }, async (_, lane) => {
    for (let i = 0; i < APPENDS_PER_ROUND / LANES; i += 1) {
      const event = { id: randomUUID(), ...notedEvent(`${lane}.${i}`) };
      const { status, body } = await post(`${server.url}${path}`, { headers, body: { events: [event] }, repeatable });
      if (status !== 201) throw new Error(`${path}: ${status} ${JSON.stringify(body)}`);
    }
  }));
}

export async function memoryGrowth({ server: proxied }) {
  const server = { ...proxied, url: await proxied.directUrl() };
  const worker = server.workerd();
  const proxy = server.proxyWorkerd();
  const heap = await heapSampler(server);
  const rows = [];
  // In use first (garbage included, as the run left it), then what survives a full collection and the RSS after it.
  const measure = async (after) => {
    const rss = residentMemory(worker).rss;
    const used = await heap.sample();
    const live = await heap.live();
    rows.push([after, mebibytes(rss), mebibytes(used), mebibytes(live), mebibytes(residentMemory(worker).rss), mebibytes(residentMemory(proxy).rss)]);
  };
  try {
    const filled = await fillLog(server, EVENTS);
    await measure(`the log filled (${filled.events.toLocaleString('en-US')} events)`);
    for (let round = 1; round <= ROUNDS; round += 1) {
      await followRebuild(server);
      await measure(`rebuild ${round}`);
    }
    const api = benchRelation();
    for (let round = 1; round <= ROUNDS; round += 1) {
      // An append with event ids is safe to send again.
      await oneEventRequests(server, `/v1/relations/${api}/events`, { headers: { authorization: `Bearer ${server.token}` }, repeatable: true });
      await measure(`${(round * APPENDS_PER_ROUND).toLocaleString('en-US')} appends of 1 event, through the API`);
    }
    const bare = benchRelation();
    for (let round = 1; round <= ROUNDS; round += 1) {
      await oneEventRequests(server, `/__bench/append-floor?relation=${bare}`);
      await measure(`${(round * APPENDS_PER_ROUND).toLocaleString('en-US')} of the same batches, sent bare`);
    }
  } finally {
    heap.close();
  }
  printTable('What grows, and where: resident memory and the Worker\'s heap (issue 9)',
    ['after', "Worker's workerd RSS", 'its heap in use', 'live after a full GC', 'RSS after it', "wrangler's proxy RSS"], rows);
}
