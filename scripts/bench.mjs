// `npm run bench`: starts the Worker locally (its own port, its own fresh D1), measures, prints
// the figures, and stops everything it started. `npm run bench -- appends routes` runs only those;
// `--d1-latency 50` waits 50 ms before every D1 call of the Worker, as if the database were far away
// (the `latency` section compares that with none). `rebuild-1m`, `growth` and `backup` are not in the default run.
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { loadFixtures } from './fixtures.mjs';
import { appendRates } from './bench/appends.mjs';
import { backupSection } from './bench/backup.mjs';
import { feedRates } from './bench/feeds.mjs';
import { proxyRetries } from './bench/post.mjs';
import { cpuProfiles } from './bench/profile.mjs';
import { d1CallsPerRoute, routesServerOptions } from './bench/routes.mjs';
import { startBenchServer } from './bench/server.mjs';
import { latencyAtADistance } from './bench/latency.mjs';
import { memoryGrowth } from './bench/growth.mjs';
import { rebuildSection } from './bench/rebuild.mjs';
import { viewReadRates } from './bench/views.mjs';
import { anniversaryFanOut, webhookServerOptions } from './bench/webhooks.mjs';

const ROOT = resolve(import.meta.dirname, '..');

// Each section names the server it needs: `shared` (the seed fixtures, shared by the sections that
// only read or add little), or a server of its own (`seed`: with the seed fixtures; `options`: its vars).
const SHARED_OPTIONS = routesServerOptions;
const SECTIONS = [
  { name: 'appends', run: appendRates },
  { name: 'routes', shared: true, run: d1CallsPerRoute },
  { name: 'views', shared: true, run: viewReadRates },
  { name: 'feeds', shared: true, run: feedRates },
  { name: 'latency', own: true, run: latencySection },
  { name: 'rebuild', run: rebuildSection(100_000) },
  { name: 'profile', seed: true, options: { minify: false }, run: cpuProfiles },
  { name: 'webhooks', seed: true, options: webhookServerOptions, run: anniversaryFanOut },
  { name: 'rebuild-1m', optional: true, run: rebuildSection(1_000_000) },
  { name: 'backup', optional: true, run: backupSection(100_000) },
  { name: 'growth', optional: true, run: memoryGrowth },
];

const running = new Set();
async function start(options) {
  const server = await startBenchServer(options);
  running.add(server);
  return server;
}
async function stop(server) {
  running.delete(server);
  await server.stop();
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the bench servers`);
    await Promise.all([...running].map((server) => server.stop()));
    process.exit(130);
  });
}

async function seededServer(options) {
  const server = await start(options);
  await loadFixtures(server.url, server.token, join(ROOT, 'fixtures'));
  return server;
}

const args = process.argv.slice(2);
const latencyFlag = args.indexOf('--d1-latency');
const latencyMs = latencyFlag >= 0 ? Number(args[latencyFlag + 1]) : null;
if (latencyFlag >= 0 && !(latencyMs >= 0)) {
  console.error('--d1-latency takes the milliseconds to wait before every D1 call: --d1-latency 50');
  process.exit(2);
}
const wanted = args.filter((_, index) => latencyFlag < 0 || (index !== latencyFlag && index !== latencyFlag + 1));
/** Every server's vars: the added D1 latency, when asked for. */
const withLatency = (options = {}, ms = latencyMs) =>
  (ms ? { ...options, vars: { ...options.vars, BENCH_D1_LATENCY_MS: String(ms) } } : options);

/** Two seeded servers, one with no added D1 latency and one at `--d1-latency` (default 50 ms). */
async function latencySection() {
  const ms = latencyMs || 50;
  const near = await seededServer({});
  try {
    const far = await seededServer(withLatency({}, ms));
    try {
      return await latencyAtADistance({ near, far, latencyMs: ms });
    } finally {
      await stop(far);
    }
  } finally {
    await stop(near);
  }
}
const unknown = wanted.filter((name) => !SECTIONS.some((section) => section.name === name));
if (unknown.length) {
  console.error(`unknown section(s): ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const chosen = SECTIONS.filter((section) => (wanted.length ? wanted.includes(section.name) : !section.optional));

const began = Date.now();
console.log(`relations-log bench · ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · load average ${loadavg()[0].toFixed(2)}${latencyMs ? ` · ${latencyMs} ms before every D1 call` : ''}`);
let shared = null;
try {
  for (const [index, section] of chosen.entries()) {
    if (section.own) {
      await section.run();
      continue;
    }
    let server;
    if (section.shared) server = shared ??= await seededServer(withLatency(SHARED_OPTIONS));
    else server = section.seed ? await seededServer(withLatency(section.options)) : await start(withLatency(section.options));
    try {
      await section.run({ server });
    } catch (error) {
      if (interrupted) await new Promise(() => {}); // the signal handler exits
      console.error(`\n${section.name} failed: ${error.message}\nthe end of wrangler's output:\n${server.tail()}`);
      throw error;
    }
    if (!section.shared || !chosen[index + 1]?.shared) {
      await stop(server);
      if (section.shared) shared = null;
    }
  }
} finally {
  await Promise.all([...running].map(stop));
}
if (proxyRetries.count) {
  console.log(`\n${proxyRetries.count} request(s) that are safe to repeat sent again after wrangler's proxy lost its connection to the Worker`);
}
console.log(`\ndone in ${((Date.now() - began) / 1000).toFixed(0)} s · load average ${loadavg()[0].toFixed(2)}`);
