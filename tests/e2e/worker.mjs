// Starts the Worker for the end-to-end tests as `npm start` does, but on its own port and with its
// own local D1 (a fresh directory), so it disturbs no other running instance: migrations applied,
// seed fixtures recorded through the write API (unless asked for an empty log). `restart()` kills wrangler dev outright and starts it
// again on the same directory: what survives is what was written to disk.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildAssets } from '../../scripts/build-assets.mjs';
import { devVars } from '../../scripts/dev-vars.mjs';
import { loadFixtures } from '../../scripts/fixtures.mjs';
import { writeConfigCopy } from '../../scripts/wrangler-config.mjs';

// `vars`: Worker variables for this run (wrangler dev --var), such as ALLOW_HTTP_WEBHOOKS for a receiver on this machine.
export async function startWorker(port = Number(process.env.E2E_PORT ?? 8795), { fixtures = true, vars = {} } = {}) {
  // No fetch of `Request.cf` from Cloudflare: offline it fails with a stack trace.
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
  const state = mkdtempSync(join(tmpdir(), 'relations-e2e-'));
  const token = devVars().ADMIN_TOKEN;

  const migrate = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], {
    env, stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (migrate.status !== 0) throw new Error('applying the migrations failed');

  // As npm start serves it: the static files built once, the config without [build] and [triggers].
  buildAssets();
  const config = writeConfigCopy(join(state, 'config'), resolve('src/index.ts'), { devServer: true });
  const url = `http://127.0.0.1:${port}`;
  let dev;
  const launch = async () => {
    dev = spawn(
      'npx',
      ['wrangler', 'dev', '--config', config, '--config', resolve('desk/wrangler.toml'), '--env-file', resolve('.dev.vars'), '--local', '--ip', '127.0.0.1',
        '--port', String(port), '--persist-to', state, '--show-interactive-dev-session=false', '--log-level', 'warn',
        ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`])],
      { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
    );
    await waitForHealth(url, dev);
  };
  const kill = (signal) => {
    try {
      process.kill(-dev.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = () => {
    kill('SIGTERM');
    rmSync(state, { recursive: true, force: true });
  };
  const restart = async () => {
    kill('SIGKILL');
    await new Promise((resolve) => dev.once('exit', resolve));
    await launch();
  };
  try {
    await launch();
    if (fixtures) await loadFixtures(url, token);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, token, stop, restart };
}

/** A port free on 127.0.0.1 now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
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
