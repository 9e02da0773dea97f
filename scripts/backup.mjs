// `npm run backup -- [--url <service>] [--key <admin key or ADMIN_TOKEN>] [--out FILE]`: writes the whole log
// (GET /v1/admin/export) to a file, with a progress bar. The file is written as FILE.partial and named FILE
// only once its last line has arrived, so a file of that name is always whole (the restore checks it again).
import { createWriteStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { expectJson, fail, request, serviceOptions } from './service/options.mjs';
import { progressBar } from './service/progress-bar.mjs';

const service = serviceOptions('npm run backup -- [--url <service>] [--key <admin key or ADMIN_TOKEN>] [--out FILE]', {
  out: { type: 'string' },
});
const response = await request(service, '/v1/admin/export');
if (response.status !== 200) await expectJson(response, [200], 'GET /v1/admin/export');
const suggested = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'relations-log.ndjson';
const file = service.values.out ?? suggested;
const partial = `${file}.partial`;

const bar = progressBar('events');
let lines = 0;
let header = null;
let pending = '';
let last = '';
const decoder = new TextDecoder();
async function* counted(body) {
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    const parts = pending.split('\n');
    pending = parts.pop();
    for (const line of parts) {
      lines += 1;
      if (lines === 1) header = JSON.parse(line);
      last = line;
    }
    bar.show(Math.max(0, Math.min(lines - 1, header?.events ?? 0)), header?.events ?? null);
    yield chunk;
  }
}
try {
  await pipeline(Readable.fromWeb(response.body), counted, createWriteStream(partial));
} catch (error) {
  bar.end();
  fail(`the export was cut short after ${lines} lines (${error.message}): ${partial} is kept; run the backup again`);
}
bar.end();
let end = null;
try {
  end = JSON.parse(last);
} catch {
  // said below
}
if (pending !== '' || end?.end !== true) fail(`the export was cut short after ${lines} lines: ${partial} is kept; run the backup again`);
await rename(partial, file);
console.log(`${end.events} events of ${service.url}, through position ${header.through}, written to ${file} (${((await stat(file)).size / 1e6).toFixed(1)} MB)`);
