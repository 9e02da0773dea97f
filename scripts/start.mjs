// `npm start`: applies the migrations to the local D1 (without asking, and saying in one line what it did),
// builds the static files once (and again when public/ changes, or src/, which the OpenAPI document is made
// of), starts `wrangler dev` on dev/worker.js (the Worker, plus /__scheduled to fire its cron at any instant)
// and on the desk Worker beside it,
// makes (once) the development editor's key, loads the seed fixtures through the write API with it, and prints
// where the service is and the key. It notes its address in .wrangler/dev-server.json, where `npm run rebuild`
// finds it. PORT is the port (8787), DEV_EDITOR names the development editor.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, watch, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAssets } from './build-assets.mjs';
import { developmentKey } from './dev-key.mjs';
import { DEV_SERVER_FILE } from './dev-server.mjs';
import { devVars } from './dev-vars.mjs';
import { loadFixtures } from './fixtures.mjs';
import { writeConfigCopy } from './wrangler-config.mjs';

const PORT = process.env.PORT ?? '8787';
const EDITOR = process.env.DEV_EDITOR ?? 'Development Editor';
// No fetch of `Request.cf` from Cloudflare (offline it fails with a stack trace; the Worker reads no `cf`).
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

const { ADMIN_TOKEN: adminToken } = devVars();

console.log(`  local D1: ${applyMigrations()}`);
buildAssets();
watchSources();
// wrangler.toml without [build] (just done, once) and [triggers] (see scripts/wrangler-config.mjs), with the
// local D1 of `.wrangler/state` and the secrets of `.dev.vars`, as if it were served from the root.
const config = writeConfigCopy('.wrangler/dev', resolve('dev/worker.js'), { devServer: true });
// The editor's desk (desk/wrangler.toml) beside it, in the same `wrangler dev`: the main Worker forwards /desk to it.
const served = ['--config', config, '--config', resolve('desk/wrangler.toml'), '--persist-to', '.wrangler/state', '--env-file', resolve('.dev.vars')];

// Webhooks to a receiver on this machine (http://localhost, http://127.0.0.1), retried within seconds.
const webhookVars = ['--var', 'ALLOW_HTTP_WEBHOOKS:true', '--var', 'WEBHOOK_RETRY_SCHEDULE:1,2,4,8,16'];
// wrangler's own output (its "Ready on" address among it) is held until the seed is loaded, so that no
// address is shown before the service holds its data; then it is shown, and what follows as it comes.
const dev = spawn('npx', ['wrangler', 'dev', ...served, '--local', '--ip', '127.0.0.1', '--port', PORT, ...webhookVars, ...process.argv.slice(2)], {
  env: { ...env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) },
  stdio: ['inherit', 'pipe', 'pipe'],
});
const held = [];
let holding = true;
for (const [from, to] of [[dev.stdout, process.stdout], [dev.stderr, process.stderr]]) {
  from.on('data', (chunk) => (holding ? held.push([to, chunk]) : to.write(chunk)));
}
function showDevOutput() {
  holding = false;
  for (const [to, chunk] of held.splice(0)) to.write(chunk);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => {
  showDevOutput();
  rmSync(DEV_SERVER_FILE, { force: true });
  process.exit(code ?? 0);
});

const url = `http://127.0.0.1:${PORT}`;
await waitForHealth(url);
let editor;
let recorded;
let alreadyThere;
try {
  editor = await developmentKey(url, adminToken, EDITOR);
  ({ recorded, alreadyThere } = await loadFixtures(url, editor.key));
} catch (error) {
  showDevOutput();
  console.error(error.message);
  dev.kill();
  process.exit(1);
}
showDevOutput();
writeFileSync(DEV_SERVER_FILE, `${JSON.stringify({ url, pid: process.pid })}\n`);
console.log(`
  Relations log is running at ${url}
  seed fixtures: ${recorded} events recorded, ${alreadyThere} already in the log
  development editor "${editor.name}" (${editor.scopes.join(', ')}; ${editor.reused ? 'the same key as before' : 'a new key'}):
    export EDITOR_KEY=${editor.key}
  admin token (ADMIN_TOKEN in .dev.vars, every scope):
    export ADMIN_TOKEN=${adminToken}
  try: curl ${url}/v1/relations   ·   API docs: ${url}/docs   ·   the editor's desk: ${url}/desk (sign in with the key above)
  the cron at any instant: curl "${url}/__scheduled?cron=*/5+*+*+*+*&time=<milliseconds since 1970>"
`);

/**
 * Applies the migrations to the local D1 and answers what it did in a few words. wrangler asks before it
 * applies on a terminal: it is told it is not on one (no standard input, CI), and its tables are kept for
 * when it fails.
 */
function applyMigrations() {
  const run = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local'], {
    env: { ...env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) {
    console.error(output);
    process.exit(run.status ?? 1);
  }
  const applied = [...new Set([...output.matchAll(/(\d{4}_[\w-]+\.sql)\s*│\s*✅/g)].map((match) => match[1]))];
  if (applied.length === 0) return 'every migration already applied';
  return `${applied.length} migration${applied.length === 1 ? '' : 's'} applied (${applied[0]}${applied.length > 1 ? ` to ${applied.at(-1)}` : ''})`;
}

/**
 * Builds the static files again when a file of public/ or src/ changes (the OpenAPI document is generated from
 * the routes): wrangler reloads what it serves, as it reloads the Worker itself when src/ changes.
 */
function watchSources() {
  let pending = null;
  const rebuild = () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      try {
        buildAssets();
      } catch (error) {
        console.error(`building the static files failed: ${error.message}`);
      }
    }, 100);
  };
  for (const dir of ['public', 'src', 'desk/public', 'desk/script']) watch(dir, { recursive: true }, rebuild).unref();
}

async function waitForHealth(base) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  showDevOutput();
  console.error('wrangler dev did not answer /healthz within 2 minutes');
  dev.kill();
  process.exit(1);
}
