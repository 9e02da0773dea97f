// `npm run restore -- [--url <service>] [--key <admin key or ADMIN_TOKEN>] FILE`: restores the log from a backup
// file made by `npm run backup` (src/backup/restore.ts): asks for the restore of the file (named by the check of
// its last line), sends its lines a chunk at a time, with a progress bar, commits, and follows the rebuild of
// the views. The service checks every line and refuses a file cut short or changed, naming the line, before
// it writes anything. Run again after an interruption, it carries on where it stopped; run again once it is
// done, it writes nothing.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { followRebuild, rebuildSummary } from './service/follow-rebuild.mjs';
import { expectJson, fail, request, serviceOptions } from './service/options.mjs';
import { progressBar } from './service/progress-bar.mjs';

const CHUNK_LINES = 1000;
const CHUNK_BYTES = 4 * 1024 * 1024;

const service = serviceOptions('npm run restore -- [--url <service>] [--key <admin key or ADMIN_TOKEN>] FILE');
const [file] = service.positionals;
if (!file) fail('which file? npm run restore -- FILE');

const { lines, last } = await countLines(file);
let end = null;
try {
  end = JSON.parse(last);
} catch {
  // said below
}
if (end?.end !== true || typeof end.check !== 'string') {
  fail(`${file} does not end with the last line of a backup (it has ${lines} lines): it was cut short, or it is not a backup. Nothing was sent.`);
}

const opened = await request(service, '/v1/admin/restores', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ lines, check: end.check }),
});
let run = await expectJson(opened, [200, 201], 'POST /v1/admin/restores');
if (run.state === 'complete') {
  console.log(`${file} was restored into ${service.url} already (${run.finished}): its ${run.events} events are in the log; nothing was written`);
  process.exit(0);
}
if (run.received > 0) console.log(`carrying on the restore ${run.id} from line ${run.received + 1} of ${lines}`);

if (run.state === 'receiving') {
  const bar = progressBar('lines');
  let chunk = [];
  let bytes = 0;
  let number = 0;
  const send = async () => {
    const from = run.received + 1;
    const response = await request(service, `${run.links.lines}?from=${from}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: chunk.join(''),
    });
    if (response.status !== 200) bar.end();
    run = await expectJson(response, [200], `lines ${from} to ${from + chunk.length - 1}`);
    chunk = [];
    bytes = 0;
    bar.show(run.received, lines);
  };
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    number += 1;
    if (number <= run.received) continue;
    chunk.push(`${line}\n`);
    bytes += line.length + 1;
    if (chunk.length >= CHUNK_LINES || bytes >= CHUNK_BYTES) await send();
  }
  if (chunk.length) await send();
  bar.end();
}

const committed = await expectJson(await request(service, run.links.commit, { method: 'POST' }), [200], 'POST commit');
console.log(`restored ${committed.staged} events into ${service.url} (${committed.matched} were in the log already), through position ${committed.through}`);
if (committed.links.rebuild) {
  const started = await expectJson(await request(service, committed.links.rebuild), [200], `GET ${committed.links.rebuild}`);
  console.log(rebuildSummary(await followRebuild(service, started)));
} else {
  console.log('nothing was written, so the views stay as they are');
}

/** How many lines the file has, and its last one: read once, before anything is sent. */
async function countLines(path) {
  let count = 0;
  let lastLine = '';
  try {
    for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
      count += 1;
      lastLine = line;
    }
  } catch (error) {
    fail(`${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  return { lines: count, last: lastLine };
}
