// Issues 3 and 9: rebuilding every view from a log of synthetic events through the rebuild Workflow: its
// time, its steps and D1 calls, and memory two ways: the resident memory of the workerd process (which
// also holds local D1's SQLite, the Workflow engine and the cache) and the V8 heap of the Worker's own
// isolate (what a Worker may use: 128 MB), sampled while it runs.
import { performance } from 'node:perf_hooks';
import { insertRows, storedSchema } from './bare-insert.mjs';
import { heapSampler } from './inspector.mjs';
import { residentMemory } from './processes.mjs';
import { benchRelation } from './relations.mjs';
import { mixedEvents, rowOf } from './synthetic.mjs';
import { mebibytes, perSecond, printTable, seconds } from './table.mjs';

const RELATIONS = 10;
const PAGE_SIZE = 1000;
// Rows per bare insert call, and relations filled at once.
const INSERT_BATCH = 100;
const LANES = 2;
// How often the rebuild's status and the memory are read while it runs.
const SAMPLE_EVERY_MS = 1000;

/** Records 100 of the synthetic events through the API (proving them valid); answers the payload version stored. */
async function recordSample(server) {
  const relation = benchRelation();
  const events = mixedEvents(100);
  const response = await fetch(`${server.url}/v1/relations/${relation}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`the synthetic events are not valid: ${JSON.stringify(body)}`);
  return { schema: await storedSchema(server, relation), events: events.length };
}

/** Fills the log with `total` synthetic events over RELATIONS relations (rows only: the rebuild makes the views). */
export async function fillLog(server, total) {
  const { schema, events: recorded } = await recordSample(server);
  const today = new Date().toISOString().slice(0, 10);
  const perRelation = (total - recorded) / RELATIONS;
  const chunk = 10_000;
  const start = performance.now();
  const relations = Array.from({ length: RELATIONS }, () => benchRelation());
  for (let i = 0; i < relations.length; i += LANES) {
    await Promise.all(relations.slice(i, i + LANES).map(async (relation) => {
      // In chunks, so the bench itself never holds a million rows at once.
      for (let done = 0; done < perRelation; done += chunk) {
        const events = mixedEvents(Math.min(chunk, perRelation - done));
        await insertRows(server, relation, events.map((event) => rowOf(event, schema, today)), INSERT_BATCH, done + 1);
      }
    }));
  }
  return { events: recorded + perRelation * RELATIONS, relations, seconds: (performance.now() - start) / 1000 };
}

const editor = (server) => ({ authorization: `Bearer ${server.token}` });

/**
 * Starts a rebuild through the API and follows its status until it has completed, calling `betweenReads`
 * (with the status last read) before each read; answers the final status and the seconds it took.
 */
export async function followRebuild(server, betweenReads = async () => {}) {
  const started = await fetch(`${server.url}/v1/admin/rebuild?pageSize=${PAGE_SIZE}`, { method: 'POST', headers: editor(server) });
  const status = await started.json();
  if (started.status !== 202) throw new Error(`rebuild: ${started.status} ${JSON.stringify(status)}`);
  return followRebuildStatus(server, status.links.self, betweenReads);
}

/** Follows a rebuild already started, by its status link, the same way. */
export async function followRebuildStatus(server, self, betweenReads = async () => {}) {
  const began = performance.now();
  let status = { state: 'queued', links: { self } };
  while (status.state === 'queued' || status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    await betweenReads(status);
    status = await (await fetch(`${server.url}${status.links.self}`, { headers: editor(server) })).json();
  }
  if (status.state !== 'complete') throw new Error(`the rebuild ${status.state}: ${status.error}`);
  return { status, elapsed: (performance.now() - began) / 1000 };
}

/** Rebuilds through the Workflow, sampling memory (the heap through `heap`) while it runs. */
async function rebuildThroughWorkflow(server, heap) {
  const pid = server.workerd();
  if (!pid) throw new Error('cannot find the workerd process that runs the Worker');
  const memory = { rssBefore: residentMemory(pid).rss, heapBefore: await heap.sample() };
  memory.rssPeak = memory.rssBefore;
  memory.heapPeak = memory.heapBefore;
  // The heap that survives a full collection as each quarter of the replay ends: memory that stays bounded
  // keeps the same figure from the first quarter to the last.
  memory.liveByQuarter = [];
  const { status, elapsed } = await followRebuild(server, async (last) => {
    const used = await heap.sample();
    const quarters = Math.floor((4 * (last.events ?? 0)) / Math.max(1, last.total ?? Infinity));
    if (quarters > memory.liveByQuarter.length && memory.liveByQuarter.length < 4) memory.liveByQuarter.push(await heap.live());
    memory.rssPeak = Math.max(memory.rssPeak, residentMemory(pid).rss);
    memory.heapPeak = Math.max(memory.heapPeak, used);
  });
  memory.rssAfter = residentMemory(pid).rss;
  memory.heapAfter = await heap.sample();
  memory.liveAfter = await heap.live();
  return { status, elapsed, memory };
}

export function rebuildSection(total) {
  return async function rebuildFromLog({ server: proxied }) {
    // Past wrangler's proxy, which could not carry a million events (see server.mjs).
    const server = { ...proxied, url: await proxied.directUrl() };
    // The inspector session is opened first and kept: wrangler's inspector proxy holds every message of
    // the runtime until a session takes them, and the fill would leave it gigabytes to hand over.
    const heap = await heapSampler(server);
    try {
      const filled = await fillLog(server, total);
      const { status, elapsed, memory } = await rebuildThroughWorkflow(server, heap);
      if (status.events !== filled.events) throw new Error(`the rebuild replayed ${status.events} events, not ${filled.events}`);
      const timeline = await (await fetch(`${server.url}/v1/relations/${filled.relations[0]}/timeline?limit=1`)).json();
      if (timeline.items?.length !== 1) throw new Error(`after the rebuild, the timeline is empty: ${JSON.stringify(timeline)}`);
      const steps = status.pages + 2;
      printTable(`Rebuild of every view from ${total.toLocaleString('en-US')} events, through the Workflow (issues 3, 9)`, ['measure', 'value'], [
        ['events in the log', status.events.toLocaleString('en-US')],
        ['rebuild, wall clock', seconds(elapsed)],
        ['events replayed per second', perSecond(status.events / elapsed)],
        ['Workflow steps (fresh tables, pages, swap)', `${steps.toLocaleString('en-US')} (${PAGE_SIZE} events a page)`],
        ['D1 calls of the rebuild', status.calls.toLocaleString('en-US')],
        ['V8 heap of the Worker in use: before / peak / after', `${mebibytes(memory.heapBefore)} / ${mebibytes(memory.heapPeak)} / ${mebibytes(memory.heapAfter)}`],
        ['… live after a full GC: at each quarter of the replay', memory.liveByQuarter.map(mebibytes).join(' / ')],
        ['… live after a full GC: once the rebuild is done', mebibytes(memory.liveAfter)],
        ['workerd RSS: before / peak / after', `${mebibytes(memory.rssBefore)} / ${mebibytes(memory.rssPeak)} / ${mebibytes(memory.rssAfter)}`],
        ['(log filled by bare insert in)', seconds(filled.seconds)],
      ]);
      return { events: status.events, seconds: elapsed, steps, calls: status.calls, ...memory };
    } finally {
      heap.close();
    }
  };
}
