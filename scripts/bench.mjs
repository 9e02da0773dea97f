// `npm run bench`: starts the Worker locally (its own port, its own fresh D1), measures, prints
// the figures, and stops everything it started. `npm run bench -- appends routes` runs only those.
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { loadFixtures } from './fixtures.mjs';
import { appendRates } from './bench/appends.mjs';
import { feedRates } from './bench/feeds.mjs';
import { proxyRetries } from './bench/post.mjs';
import { cpuProfiles } from './bench/profile.mjs';
import { d1CallsPerRoute, routesServerOptions } from './bench/routes.mjs';
import { startBenchServer } from './bench/server.mjs';
import { rebuildFromLog } from './bench/rebuild.mjs';
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
  { name: 'rebuild', run: rebuildFromLog },
  { name: 'profile', seed: true, options: { minify: false }, run: cpuProfiles },
  { name: 'webhooks', seed: true, options: webhookServerOptions, run: anniversaryFanOut },
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

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SECTIONS.some((section) => section.name === name));
if (unknown.length) {
  console.error(`unknown section(s): ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const chosen = SECTIONS.filter((section) => !wanted.length || wanted.includes(section.name));

const began = Date.now();
console.log(`relations-log bench · ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · load average ${loadavg()[0].toFixed(2)}`);
let shared = null;
try {
  for (const [index, section] of chosen.entries()) {
    let server;
    if (section.shared) server = shared ??= await seededServer(SHARED_OPTIONS);
    else server = section.seed ? await seededServer(section.options) : await start(section.options);
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
