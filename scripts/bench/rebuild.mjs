// Issue 3: the time to rebuild every view from 100,000 synthetic events, and the peak memory (RSS)
// of the workerd process that runs the Worker meanwhile.
import { performance } from 'node:perf_hooks';
import { insertRows, storedSchema } from './bare-insert.mjs';
import { peakMemoryDuring } from './processes.mjs';
import { benchRelation } from './relations.mjs';
import { mixedEvents, rowOf } from './synthetic.mjs';
import { mebibytes, perSecond, printTable, seconds } from './table.mjs';

const REBUILD_EVENTS = 100_000;
const RELATIONS = 10;

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

/** Fills the log with REBUILD_EVENTS synthetic events over RELATIONS relations (rows only: the rebuild makes the views). */
async function fillLog(server) {
  const { schema, events: recorded } = await recordSample(server);
  const today = new Date().toISOString().slice(0, 10);
  const perRelation = (REBUILD_EVENTS - recorded) / RELATIONS;
  const start = performance.now();
  const relations = Array.from({ length: RELATIONS }, () => benchRelation());
  for (let i = 0; i < relations.length; i += 2) {
    await Promise.all(relations.slice(i, i + 2).map((relation) =>
      insertRows(server, relation, mixedEvents(perRelation).map((event) => rowOf(event, schema, today)), 100)));
  }
  return { events: recorded + perRelation * RELATIONS, relations, seconds: (performance.now() - start) / 1000 };
}

export async function rebuildFromLog({ server }) {
  const filled = await fillLog(server);
  const pid = server.workerd();
  if (!pid) throw new Error('cannot find the workerd process that runs the Worker');
  const start = performance.now();
  const { result, before, sampled, peak } = await peakMemoryDuring(pid, async () => {
    const response = await fetch(`${server.url}/v1/admin/rebuild`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`rebuild: ${response.status} ${JSON.stringify(body)}`);
    return body;
  });
  const elapsed = (performance.now() - start) / 1000;
  if (result.events !== filled.events) throw new Error(`the rebuild replayed ${result.events} events, not ${filled.events}`);
  const timeline = await (await fetch(`${server.url}/v1/relations/${filled.relations[0]}/timeline?limit=1`)).json();
  if (timeline.items?.length !== 1) throw new Error(`after the rebuild, the timeline is empty: ${JSON.stringify(timeline)}`);
  printTable(`Rebuild of every view (${result.views.map((v) => v.view).join(', ')}) from the log (issue 3)`, ['measure', 'value'], [
    ['events in the log', result.events.toLocaleString('en-US')],
    ['rebuild, wall clock', seconds(elapsed)],
    ['events replayed per second', perSecond(result.events / elapsed)],
    ['D1 calls of the rebuild', result.calls.toLocaleString('en-US')],
    ['workerd RSS before', mebibytes(before)],
    ['workerd peak RSS during', mebibytes(Math.max(sampled, peak ?? 0))],
    ['(log filled by bare insert in)', seconds(filled.seconds)],
  ]);
  return { events: result.events, seconds: elapsed, calls: result.calls, rssBefore: before, rssPeak: Math.max(sampled, peak ?? 0) };
}
