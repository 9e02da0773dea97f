// Restores a backup file into the service (src/backup/restore.ts): reads the file once for its lines and its
// last line (a file cut short stops here, before anything is sent), asks for its restore, sends its lines a
// chunk at a time from the line after those the service has, and commits. `onProgress(linesSent, lines)`
// follows it. Answers what the service said at each step: `opened` and, unless the file was restored
// already, `committed` (its `links.rebuild` is the rebuild of the views it started).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { expectJson, fail, request } from './options.mjs';

const CHUNK_LINES = 1000;
const CHUNK_BYTES = 4 * 1024 * 1024;

const linesOf = (file) => createInterface({ input: createReadStream(file), crlfDelay: Infinity });

export async function restoreFromFile(service, file, onProgress = () => {}) {
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
  const opened = await expectJson(await request(service, '/v1/admin/restores', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lines, check: end.check }),
  }), [200, 201], 'POST /v1/admin/restores');
  if (opened.state === 'complete') return { opened, committed: null };

  let run = opened;
  if (run.state === 'receiving') {
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
      run = await expectJson(response, [200], `lines ${from} to ${from + chunk.length - 1}`);
      chunk = [];
      bytes = 0;
      onProgress(run.received, lines);
    };
    for await (const line of linesOf(file)) {
      number += 1;
      if (number <= run.received) continue;
      chunk.push(`${line}\n`);
      bytes += line.length + 1;
      if (chunk.length >= CHUNK_LINES || bytes >= CHUNK_BYTES) await send();
    }
    if (chunk.length) await send();
  }
  const committed = await expectJson(await request(service, run.links.commit, { method: 'POST' }), [200], 'POST commit');
  return { opened, committed };
}

/** How many lines the file has, and its last one. */
async function countLines(file) {
  let count = 0;
  let last = '';
  try {
    for await (const line of linesOf(file)) {
      count += 1;
      last = line;
    }
  } catch (error) {
    fail(`${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  return { lines: count, last };
}
