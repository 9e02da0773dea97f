// `npm start`: applies the migrations to the local D1, starts `wrangler dev`, loads the seed
// fixtures through the write API, and prints where the service is and the development token.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { loadFixtures } from './fixtures.mjs';

const PORT = process.env.PORT ?? '8787';
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };

if (!existsSync('.dev.vars')) {
  copyFileSync('.dev.vars.example', '.dev.vars');
  console.log('created .dev.vars from .dev.vars.example');
}
const token = /^ADMIN_TOKEN=(.*)$/m.exec(readFileSync('.dev.vars', 'utf8'))?.[1]?.trim();

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
const { recorded, alreadyThere } = await loadFixtures(url, token);
console.log(`
  Relations log is running at ${url}
  seed fixtures: ${recorded} events recorded, ${alreadyThere} already in the log
  development editor token (from .dev.vars): ${token}
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
