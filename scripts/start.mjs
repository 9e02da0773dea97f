// `npm start`: applies the migrations to the local D1, starts `wrangler dev`, makes (once) the development
// editor's key, loads the seed fixtures through the write API with it, and prints where the service is and
// the key. DEV_EDITOR names the development editor.
import { spawn, spawnSync } from 'node:child_process';
import { developmentKey } from './dev-key.mjs';
import { devVars } from './dev-vars.mjs';
import { loadFixtures } from './fixtures.mjs';

const PORT = process.env.PORT ?? '8787';
const EDITOR = process.env.DEV_EDITOR ?? 'Development Editor';
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };

const { ADMIN_TOKEN: adminToken } = devVars();

const migrate = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local'], { env, stdio: 'inherit' });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

// Webhooks to a receiver on this machine (http://localhost, http://127.0.0.1), retried within seconds;
// --test-scheduled lets /__scheduled fire the cron by hand.
const webhookVars = ['--var', 'ALLOW_HTTP_WEBHOOKS:true', '--var', 'WEBHOOK_RETRY_SCHEDULE:1,2,4,8,16', '--test-scheduled'];
const dev = spawn('npx', ['wrangler', 'dev', '--local', '--ip', '127.0.0.1', '--port', PORT, ...webhookVars, ...process.argv.slice(2)], {
  env,
  stdio: ['inherit', 'inherit', 'inherit'],
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));

const url = `http://127.0.0.1:${PORT}`;
await waitForHealth(url);
let editor;
let recorded;
let alreadyThere;
try {
  editor = await developmentKey(url, adminToken, EDITOR);
  ({ recorded, alreadyThere } = await loadFixtures(url, editor.key));
} catch (error) {
  console.error(error.message);
  dev.kill();
  process.exit(1);
}
console.log(`
  Relations log is running at ${url}
  seed fixtures: ${recorded} events recorded, ${alreadyThere} already in the log
  development editor "${editor.name}" (${editor.scopes.join(', ')}; ${editor.reused ? 'the same key as before' : 'a new key'}):
    export EDITOR_KEY=${editor.key}
  admin token (ADMIN_TOKEN in .dev.vars, every scope): ${adminToken}
  try: curl ${url}/v1/relations   ·   API docs: ${url}/docs
`);

async function waitForHealth(base) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.error('wrangler dev did not answer /healthz within 2 minutes');
  dev.kill();
  process.exit(1);
}
