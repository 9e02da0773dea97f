// Starts the bench Worker (bench/worker.ts: the real Worker plus /__bench/ routes) with `wrangler dev`
// on a free port of 127.0.0.1, against a fresh D1 in a temporary directory, and stops it again.
// The config is derived from wrangler.toml at start, so the bench always runs the bindings,
// queues and crons the Worker itself declares; only the entry and the paths differ. The Worker is
// bundled once up front and served unbundled, so edits to src/ during a run never reload it.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeConfigCopy } from '../wrangler-config.mjs';
import { listeningPorts, liveMembersOf, proxyProcessOf, workerdProcessOf } from './processes.mjs';

export const BENCH_TOKEN = 'bench-editor-token';
const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * wrangler's environment for one bench server: its own dev registry (so it never meets, nor reloads
 * because of, another `wrangler dev` on this machine), no config watching, no fetch of `Request.cf`.
 */
function wranglerEnv(dir) {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_REGISTRY_PATH: join(dir, 'registry'),
    WRANGLER_CI_DISABLE_CONFIG_WATCHING: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    NO_COLOR: '1',
  };
}

/**
 * `count` distinct ports free on 127.0.0.1 (all held open at once, so none is handed out twice); or, on a machine
 * whose ports are shared out, the first of `BENCH_PORTS` (comma-separated) not yet handed out.
 */
const givenPorts = (process.env.BENCH_PORTS ?? '').split(',').filter(Boolean).map(Number);
export async function freePorts(count) {
  if (givenPorts.length) {
    if (givenPorts.length < count) throw new Error(`BENCH_PORTS has ${givenPorts.length} ports left, ${count} wanted`);
    return givenPorts.splice(0, count);
  }
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePort(server));
  })));
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

/** wrangler.toml with another entry and absolute paths, written into `dir` next to its own `.dev.vars`. */
function writeBenchConfig(dir, main, vars, minify, devServer = false) {
  const config = writeConfigCopy(dir, main, { minify, devServer });
  // Webhook secrets are sealed under a key of the bench server's own.
  const devVars = { ADMIN_TOKEN: BENCH_TOKEN, WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'), ...vars };
  writeFileSync(join(dir, '.dev.vars'), Object.entries(devVars).map(([key, value]) => `${key}=${value}\n`).join(''));
  return config;
}

function runWrangler(dir, args) {
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'wrangler'), args, { cwd: ROOT, env: wranglerEnv(dir), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
}

/** Bundles bench/worker.ts once; answers the config that serves that bundle as it is. */
function bundleBenchWorker(dir, vars, minify) {
  const source = writeBenchConfig(join(dir, 'build'), join(ROOT, 'bench', 'worker.ts'), vars, minify);
  runWrangler(dir, ['deploy', '--dry-run', '--outdir', join(dir, 'bundle'), '--config', source]);
  // Served as npm start serves: the static files were built by the dry run, once.
  return writeBenchConfig(join(dir, 'serve'), join(dir, 'bundle', 'worker.js'), vars, minify, true);
}

/** The last `bytes` of a file, or '' when it cannot be read. */
function tailOf(file, bytes) {
  try {
    const fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(bytes, size));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    closeSync(fd);
    return buffer.toString('utf8');
  } catch {
    return '';
  }
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group has ended
  }
}

/**
 * Starts `wrangler dev` on two free ports (the server's and its inspector's), in a process group of
 * its own with the workerd processes it starts; its output goes to `logFile`. Answers once the Worker
 * answers /healthz, with `stop()`, which ends the group (and kills whatever still runs after five
 * seconds, such as a workerd draining a request).
 */
async function launch(dir, config, persist, logFile) {
  const [port, inspectorPort] = await freePorts(2);
  const logFd = openSync(logFile, 'a');
  const dev = spawn(
    join(ROOT, 'node_modules', '.bin', 'wrangler'),
    ['dev', '--config', config, '--local', '--ip', '127.0.0.1', '--port', String(port),
      '--inspector-port', String(inspectorPort), '--persist-to', persist, '--no-bundle',
      '--show-interactive-dev-session=false', '--log-level', process.env.BENCH_LOG_LEVEL ?? 'warn'],
    { cwd: ROOT, env: wranglerEnv(dir), stdio: ['ignore', logFd, logFd], detached: true },
  );
  closeSync(logFd);
  let exited = false;
  dev.on('exit', () => {
    exited = true;
  });
  const stop = async () => {
    signalGroup(dev.pid, 'SIGTERM');
    for (let i = 0; i < 50 && liveMembersOf(dev.pid).length; i += 1) await sleep(100);
    if (liveMembersOf(dev.pid).length) signalGroup(dev.pid, 'SIGKILL');
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, () => exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, inspectorUrl: `http://127.0.0.1:${inspectorPort}`, pid: dev.pid, stop };
}

/**
 * The Worker's own HTTP socket in the workerd that runs it, past wrangler's proxy. The proxy is a second
 * workerd that keeps memory for every request it passes on: over the million events a long rebuild bench
 * sends it grows by gigabytes until it stops answering, its inspector proxy first. (The inspector stays the
 * proxy's: workerd serves one inspector session, and wrangler holds it.)
 */
async function directUrl(pid) {
  for (const port of listeningPorts(pid)) {
    const url = `http://127.0.0.1:${port}`;
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200 && (await response.json()).ok === true) return url;
    } catch {
      // not the Worker's socket: the inspector or workerd's debug port
    }
  }
  throw new Error(`cannot find the Worker's own socket in workerd ${pid}`);
}

/**
 * A running bench server: `url`, `inspectorUrl`, `token`, `workerd()` (the process that runs the Worker,
 * for its memory), `directUrl()` (the Worker's own socket there, past wrangler's proxy), `proxyWorkerd()` (the proxy's process), `tail()` (the end of
 * wrangler's output), `stop()`. `vars` go into the server's own
 * `.dev.vars` (never the developer's); `minify: false` bundles the Worker unminified (for a CPU profile).
 */
export async function startBenchServer({ vars = {}, minify = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'relations-bench-'));
  const persist = join(dir, 'state');
  const logFile = join(dir, 'wrangler.log');
  const tail = (bytes = 4000) => tailOf(logFile, bytes);
  try {
    const config = bundleBenchWorker(dir, vars, minify);
    runWrangler(dir, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist, '--config', config]);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const dev = await launch(dir, config, persist, logFile);
        return {
          url: dev.url,
          inspectorUrl: dev.inspectorUrl,
          bundle: join(dir, 'bundle', 'worker.js'),
          token: BENCH_TOKEN,
          tail,
          workerd: () => workerdProcessOf(dev.pid, persist),
          directUrl: () => directUrl(workerdProcessOf(dev.pid, persist)),
          proxyWorkerd: () => proxyProcessOf(dev.pid, persist),
          stop: async () => {
            await dev.stop();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      } catch (error) {
        // Another program may take a port between our finding it free and wrangler binding it.
        if (attempt < 3 && /Address already in use/.test(tail())) continue;
        throw error;
      }
    }
  } catch (error) {
    const output = tail();
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${error.message}\n${output}`);
  }
}

async function waitForHealth(url, exited) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (exited()) throw new Error('wrangler dev exited before it answered /healthz');
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('wrangler dev did not answer /healthz within a minute');
}
