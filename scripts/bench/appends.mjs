// Issue 2: events appended per second through the public write API at batch sizes 1, 10 and 100,
// against the same rows inserted by a bare D1 batch in the same runtime (bench/bare-insert.ts).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { insertRows, storedSchema } from './bare-insert.mjs';
import { drive } from './load.mjs';
import { post } from './post.mjs';
import { benchRelation } from './relations.mjs';
import { notedEvent, rowOf } from './synthetic.mjs';
import { perSecond, printTable, ratio, seconds } from './table.mjs';

const EVENTS = 10_000;
const BATCH_SIZES = [1, 10, 100];
// Requests in flight, for the API and for the bare inserts alike.
const CONCURRENCY = 4;

/** Appends with event ids, so that sending again is a retry the API answers 200 without writing. */
async function postEvents(server, relation, events) {
  const { status, body } = await post(`${server.url}/v1/relations/${relation}/events`, {
    headers: { authorization: `Bearer ${server.token}` },
    body: { events: events.map((event) => ({ id: randomUUID(), ...event })) },
    repeatable: true,
  });
  if (status !== 201 && status !== 200) throw new Error(`append: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function appendThroughApi(server, batchSize) {
  const relation = benchRelation();
  const run = await drive({
    count: EVENTS / batchSize,
    concurrency: CONCURRENCY,
    send: (request) => postEvents(server, relation, Array.from({ length: batchSize }, (_, k) => notedEvent(`${relation} ${request}.${k}`))),
  });
  return { relation, events: run.done * batchSize, seconds: run.seconds };
}

/** The same events as the API's, sent as the batch the append would send, bare (bench/floors.ts). */
async function appendFloor(server, batchSize) {
  const relation = benchRelation();
  const run = await drive({
    count: EVENTS / batchSize,
    concurrency: CONCURRENCY,
    send: async (request) => {
      const events = Array.from({ length: batchSize }, (_, k) => ({ id: randomUUID(), ...notedEvent(`${relation} ${request}.${k}`) }));
      const { status, body } = await post(`${server.url}/__bench/append-floor?relation=${relation}`, { body: { events } });
      if (status !== 201) throw new Error(`append floor: ${status} ${JSON.stringify(body)}`);
    },
  });
  return { events: run.done * batchSize, seconds: run.seconds };
}

/** Rows like the API wrote, CONCURRENCY lanes in flight, each filling a relation of its own. */
async function insertBare(server, batchSize, schema) {
  const lane = EVENTS / CONCURRENCY;
  const today = new Date().toISOString().slice(0, 10);
  const lanes = Array.from({ length: CONCURRENCY }, (_, l) => ({
    relation: benchRelation(),
    rows: Array.from({ length: lane }, (_, i) => rowOf({ id: randomUUID(), ...notedEvent(`bare ${l}.${i}`) }, schema, today)),
  }));
  const start = performance.now();
  await Promise.all(lanes.map(({ relation, rows }) => insertRows(server, relation, rows, batchSize)));
  return { events: EVENTS, seconds: (performance.now() - start) / 1000 };
}

export async function appendRates({ server }) {
  const rows = [];
  const figures = [];
  for (const batchSize of BATCH_SIZES) {
    const api = await appendThroughApi(server, batchSize);
    const floor = await appendFloor(server, batchSize);
    const bare = await insertBare(server, batchSize, await storedSchema(server, api.relation));
    const apiRate = api.events / api.seconds;
    const floorRate = floor.events / floor.seconds;
    const bareRate = bare.events / bare.seconds;
    figures.push({ batchSize, apiRate, floorRate, bareRate, vsFloor: apiRate / floorRate, ratio: apiRate / bareRate });
    rows.push([
      batchSize, perSecond(apiRate), seconds(api.seconds), perSecond(floorRate), ratio(apiRate / floorRate),
      perSecond(bareRate), ratio(apiRate / bareRate),
    ]);
  }
  printTable(
    `Appends: ${EVENTS.toLocaleString('en-US')} events per batch size, ${CONCURRENCY} requests in flight (issues 2, 10); the floor is the` +
      ' same batch sent bare, the bare insert the events table alone',
    ['batch', 'API events/s', 'API time', 'floor events/s', 'API / floor', 'bare insert rows/s', 'API / bare insert'],
    rows,
  );
  return figures;
}
