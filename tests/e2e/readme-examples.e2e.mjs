// The README's examples, run as written: every ```sh block of README.md, and every inline `curl` to the example
// server (http://127.0.0.1:8787), in order, against a fresh `npm start` in a copy of the checkout (its own local
// D1, on its own port: E2E_README_PORT, else a free one), after the `export` lines npm start prints. Each must
// exit 0, and each curl must be answered 2xx or 3xx (curl is run with --fail-with-body). A block the test cannot
// run is marked by the line `<!-- not run by the README test: <why> -->` right above its fence (CONTRIBUTING.md).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from './worker.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE_ORIGIN = 'http://127.0.0.1:8787';
const NOT_RUN = /^<!-- not run by the README test: (.+) -->$/;

/** The shell examples of a README, in order: `{ line, script, notRun }`, `notRun` the reason a marked block gives. */
export function readmeExamples(markdown) {
  const lines = markdown.split('\n');
  const examples = [];
  for (let i = 0; i < lines.length; i += 1) {
    const fence = /^```(\S*)\s*$/.exec(lines[i]);
    if (fence) {
      const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
      assert.ok(end > i, `README.md line ${i + 1}: a fence that never closes`);
      if (fence[1] === 'sh') {
        examples.push({ line: i + 1, script: lines.slice(i + 1, end).join('\n'), notRun: NOT_RUN.exec(lines[i - 1] ?? '')?.[1] ?? null });
      }
      i = end;
      continue;
    }
    for (const [, command] of lines[i].matchAll(/`(curl [^`]*\bhttp:\/\/127\.0\.0\.1:8787[^`]*)`/g)) {
      examples.push({ line: i + 1, script: command, notRun: null });
    }
  }
  return examples;
}

/** The files of the checkout (tracked, or new and not ignored), copied into a fresh directory, with its node_modules linked. */
function copyOfCheckout() {
  const dir = mkdtempSync(join(tmpdir(), 'relations-readme-'));
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** `npm start` in `dir` on `port`, in a process group of its own; answers once it prints where it runs, with its exports. */
function startServer(dir, port) {
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: dir, env: { ...process.env, PORT: String(port), WRANGLER_SEND_METRICS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let output = '';
  const ready = new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not say it was running within 3 minutes:\n${output}`)), 180_000);
    const read = (chunk) => {
      output += chunk;
      if (/Relations log is running at .*\n[\s\S]*export ADMIN_TOKEN=\S+\n/.test(output)) {
        clearTimeout(timer);
        resolveReady(Object.fromEntries([...output.matchAll(/^\s*export (\w+)=(\S+)$/gm)].map(([, name, value]) => [name, value])));
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((done) => server.once('exit', done));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killed = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
    await exited;
    clearTimeout(killed);
  };
  return { ready, stop, output: () => output };
}

const withoutPort = ({ PORT, ...env }) => env;

// Every curl of an example fails on an answer of 4xx or 5xx, with its body shown.
const PREAMBLE = 'set -eo pipefail\ncurl() { command curl --silent --show-error --fail-with-body "$@"; }\n';

describe('the README examples', () => {
  const examples = readmeExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  let dir;
  let server;
  let origin;
  let exported;

  before(async () => {
    dir = copyOfCheckout();
    const port = Number(process.env.E2E_README_PORT ?? await freePort());
    origin = `http://127.0.0.1:${port}`;
    server = startServer(dir, port);
    exported = await server.ready;
  }, { timeout: 200_000 });

  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are found, and only a few are marked as not run, each saying why', () => {
    const run = examples.filter((example) => example.notRun === null);
    assert.ok(run.length >= 4, `only ${run.length} examples to run`);
    assert.ok(run.some((example) => example.script.includes('/v1/relations/mx-ru/events')), 'the append example');
    assert.ok(run.some((example) => example.script.includes('/__scheduled')), 'the inline cron example');
    const notRun = examples.filter((example) => example.notRun !== null);
    assert.ok(notRun.length <= 3, `${notRun.length} examples marked as not run: keep that set small`);
    assert.ok(notRun.some((example) => example.script.startsWith('npm install && npm start')));
    for (const example of notRun) assert.ok(example.notRun.length > 10, `README.md line ${example.line}: say why it is not run`);
  });

  it('quote every URL with a query string, which zsh would otherwise take for a pattern', () => {
    const unquoted = examples.flatMap((example) =>
      [...example.script.matchAll(/(?:^|[\s=(])(https?:\/\/[^\s'"]*[?*[][^\s'"]*)/g)].map((match) => `README.md line ${example.line}: ${match[1]}`));
    assert.deepEqual(unquoted, []);
  });

  it('start as a newcomer sees it: the static files built once, no hint of a cron trigger that answers 500', () => {
    const output = server.output();
    assert.doesNotMatch(output, /\[custom build\]|restarting build/);
    assert.doesNotMatch(output, /cdn-cgi\/handler\/scheduled/);
    assert.match(output, /seed fixtures: \d+ events recorded, 0 already in the log/);
  });

  it('print the exports the other examples use', () => {
    assert.match(exported.EDITOR_KEY ?? '', /^rlk_[A-Za-z0-9_-]{43}$/);
    assert.ok(exported.ADMIN_TOKEN);
  });

  it('each run as written against npm start', { timeout: 600_000 }, () => {
    for (const example of examples.filter((candidate) => candidate.notRun === null)) {
      const script = example.script.replaceAll(EXAMPLE_ORIGIN, origin);
      const run = spawnSync('bash', ['-c', PREAMBLE + script], {
        // No PORT: `npm run rebuild` finds the server npm start runs from this directory by itself.
        cwd: dir, env: { ...withoutPort(process.env), ...exported }, encoding: 'utf8', timeout: 120_000,
      });
      assert.equal(run.status, 0, `README.md line ${example.line} failed (exit ${run.status}):\n${script}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
    }
  });
});
