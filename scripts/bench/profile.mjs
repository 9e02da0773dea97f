// Issue 10: where the time of a request goes, from a CPU profile of the Worker itself: workerd's V8
// inspector (wrangler dev --inspector-port) over the DevTools protocol, sampled while a load runs.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inspect } from './inspector.mjs';
import { drive } from './load.mjs';
import { post } from './post.mjs';
import { benchRelation } from './relations.mjs';
import { notedEvent } from './synthetic.mjs';
import { printTable } from './table.mjs';

const SECONDS = 4;
const CONCURRENCY = 4;
const TOP = 12;

/**
 * The modules of the unminified bundle by line: esbuild starts each with a comment naming its path
 * (`// ../node_modules/edtf/src/parser.js`, `// ../src/views/timeline/queries.ts`).
 */
function modulesByLine(bundle) {
  const starts = [];
  readFileSync(bundle, 'utf8').split('\n').forEach((line, index) => {
    const path = /^\/\/ (\S*(?:node_modules|src|bench)\/\S+)$/.exec(line)?.[1];
    if (path) starts.push({ line: index, name: nameOf(path) });
  });
  return (line) => starts.findLast((start) => start.line <= line)?.name ?? 'worker.js';
}

/** A package, or a folder of src/. */
function nameOf(path) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (pkg) return pkg;
  return /(?:^|\/)((?:src|bench)\/(?:[^/]+\/)?)/.exec(path)[1].replace(/\/$/, '');
}

/** Where a sampled frame's code lives: a package, a folder of src/, or the runtime. */
function moduleOf(frame, inBundle) {
  const url = frame.url ?? '';
  if (url.endsWith('worker.js')) return inBundle(frame.lineNumber);
  if (!url) return frame.functionName === '(garbage collector)' ? '(garbage collector)' : '(runtime, native code)';
  return url.split('/').pop();
}

/** Self time per function and per module, from the profile's samples, as shares of the busy time. */
function summarise(profile, inBundle) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const functions = new Map();
  const modules = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(idle)' || callFrame.functionName === '(program)') continue;
    busy += micros;
    const module = moduleOf(callFrame, inBundle);
    const name = `${callFrame.functionName || '(anonymous)'} · ${module}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    modules.set(module, (modules.get(module) ?? 0) + micros);
  }
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([name, micros]) => [name, `${((100 * micros) / busy).toFixed(1)} %`]);
  return { busyMs: busy / 1000, functions: top(functions), modules: top(modules) };
}

async function profiled(server, load) {
  const inspector = await inspect(server.inspectorUrl);
  try {
    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.setSamplingInterval', { interval: 200 });
    await inspector.send('Profiler.start');
    const run = await load();
    const { profile } = await inspector.send('Profiler.stop');
    return { run, ...summarise(profile, modulesByLine(server.bundle)) };
  } finally {
    inspector.close();
  }
}

function print(title, { run, busyMs, functions, modules }, unit) {
  printTable(
    `${title}: ${run.done} ${unit} in ${run.seconds.toFixed(1)} s, ${(busyMs / run.done).toFixed(2)} ms of CPU in the Worker each (sampled)`,
    ['where (self time)', 'share', 'module', 'share'],
    Array.from({ length: Math.max(functions.length, modules.length) }, (_, i) => [...(functions[i] ?? ['', '']), ...(modules[i] ?? ['', ''])]),
  );
}

/** A GET from D1 over and over (the request's own Cache-Control passes the edge cache), profiled. */
function profiledRead(server, path) {
  return profiled(server, () => drive({
    seconds: SECONDS, concurrency: CONCURRENCY,
    send: async () => {
      const response = await fetch(`${server.url}${path}`, { headers: { 'cache-control': 'no-store' } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    },
  }));
}

/** Appends of `size` events to a relation of their own over and over, profiled. */
function profiledAppends(server, size) {
  const relation = benchRelation();
  return profiled(server, () => drive({
    seconds: SECONDS, concurrency: CONCURRENCY,
    send: async (request) => {
      const events = Array.from({ length: size }, (_, k) => ({ id: randomUUID(), ...notedEvent(`${relation} ${request}.${k}`) }));
      const { status, body } = await post(`${server.url}/v1/relations/${relation}/events`, {
        headers: { authorization: `Bearer ${server.token}` }, body: { events }, repeatable: true,
      });
      if (status !== 201 && status !== 200) throw new Error(`append: ${status} ${JSON.stringify(body)}`);
    },
  }));
}

export async function cpuProfiles({ server }) {
  const reads = await profiledRead(server, '/v1/relations/mx-ru/timeline?limit=50');
  print('CPU profile: GET a timeline page of 50, from D1', reads, 'requests');
  const page = await profiledRead(server, '/mx-ru?asOf=2015-01-01');
  print('CPU profile: GET the page of mx-ru as of 2015-01-01, from D1', page, 'requests');

  const appends = await profiledAppends(server, 100);
  print('CPU profile: POST an append of 100 events', appends, 'appends');
  const single = await profiledAppends(server, 1);
  print('CPU profile: POST an append of 1 event', single, 'appends');
  return { reads, page, appends, single };
}
