// `npm run rebuild [pageSize]`: rebuilds every view from the log on the local dev server (`npm start`),
// through the same endpoints used in production, with a credential of the admin scope (RELATIONS_KEY, an
// admin key, or else the ADMIN_TOKEN): POST /v1/admin/rebuild starts the Workflow, GET
// /v1/admin/rebuilds/{id} follows it. Shows a progress bar until it ends, then the summary. The server is
// RELATIONS_URL, else the one on PORT, else the `npm start` running from this directory on whatever port,
// else http://127.0.0.1:8787.
import { existsSync, readFileSync } from 'node:fs';
import { runningDevServer } from './dev-server.mjs';

const base = process.env.RELATIONS_URL
  ?? (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : runningDevServer() ?? 'http://127.0.0.1:8787');
const token = process.env.RELATIONS_KEY ?? process.env.ADMIN_TOKEN
  ?? (existsSync('.dev.vars') ? /^ADMIN_TOKEN=(.*)$/m.exec(readFileSync('.dev.vars', 'utf8'))?.[1]?.trim() : undefined);
if (!token) fail('no admin credential: set RELATIONS_KEY (an admin key) or ADMIN_TOKEN, or create .dev.vars (npm start does)');
const headers = { authorization: `Bearer ${token}` };
const pageSize = process.argv[2] ? `?pageSize=${encodeURIComponent(process.argv[2])}` : '';

const started = await call(`${base}/v1/admin/rebuild${pageSize}`, { method: 'POST', headers });
console.log(started.status === 202
  ? `rebuild ${started.body.id} started (${started.body.pageSize} events a step)`
  : `a rebuild is already running: following ${started.body.id}`);

const bar = progressBar();
let status = started.body;
while (status.state === 'queued' || status.state === 'running') {
  bar.show(status);
  await new Promise((resolve) => setTimeout(resolve, 500));
  status = (await call(`${base}${status.links.self}`, { headers })).body;
}
bar.show(status);
bar.end();
if (status.state !== 'complete') fail(`the rebuild ${status.state}: ${status.error ?? 'no reason given'}`);
const seconds = (Date.parse(status.finished) - Date.parse(status.started)) / 1000;
console.log(
  `rebuilt every view from ${status.events} events (through position ${status.throughPosition}) in ${seconds.toFixed(1)} s:` +
    ` ${status.pages} pages, ${status.calls} D1 calls`,
);

async function call(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    fail(`nothing answers at ${base}: start the service with npm start (or set RELATIONS_URL)`);
  }
  const text = await response.text();
  const body = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
  if (!response.ok || !body) fail(`${response.status} ${body ? `${body.title}: ${body.detail ?? ''}` : text}`);
  return { status: response.status, body };
}

/** A one-line bar on a terminal (redrawn in place), a line every few seconds elsewhere. */
function progressBar() {
  const tty = process.stdout.isTTY;
  const width = 30;
  let lastLine = 0;
  const samples = [];
  return {
    show(run) {
      const now = Date.now();
      samples.push({ at: now, events: run.events });
      while (samples.length > 2 && now - samples[0].at > 10_000) samples.shift();
      const first = samples[0];
      const rate = now > first.at ? ((run.events - first.events) * 1000) / (now - first.at) : 0;
      const total = run.total ?? 0;
      const share = total ? Math.min(1, run.events / total) : 0;
      const left = rate > 0 && total ? Math.max(0, (total - run.events) / rate) : null;
      const line = `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] ${run.events.toLocaleString('en')}` +
        ` of ${total ? total.toLocaleString('en') : '…'} events, ${Math.round(rate).toLocaleString('en')}/s,` +
        ` ${left === null ? 'time left unknown' : `about ${Math.ceil(left)} s left`} (${run.state})`;
      if (tty) process.stdout.write(`\r${line}\x1b[K`);
      else if (now - lastLine > 5000 || run.state === 'complete') {
        console.log(line);
        lastLine = now;
      }
    },
    end() {
      if (tty) process.stdout.write('\n');
    },
  };
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
