// Starts the Worker for the end-to-end test as `npm start` does, but on its own port and with its
// own local D1 (a fresh directory), so it disturbs no other running instance: migrations applied,
// seed fixtures recorded through the write API.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devVars } from '../../scripts/dev-vars.mjs';
import { loadFixtures } from '../../scripts/fixtures.mjs';

export async function startWorker(port = Number(process.env.E2E_PORT ?? 8795)) {
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
  const state = mkdtempSync(join(tmpdir(), 'relations-e2e-'));
  const token = devVars().ADMIN_TOKEN;

  const wrangler = (args, options) => spawn('npx', ['wrangler', ...args, '--persist-to', state], { env, ...options });
  const migrate = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], {
    env, stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (migrate.status !== 0) throw new Error('applying the migrations failed');

  const dev = wrangler(
    ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false', '--log-level', 'warn'],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-dev.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, dev);
    await loadFixtures(url, token);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, token, stop };
}

async function waitForHealth(url, dev) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (dev.exitCode !== null) throw new Error(`wrangler dev exited with ${dev.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('wrangler dev did not answer /healthz within 2 minutes');
}
