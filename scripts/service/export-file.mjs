// Writes the service's export (GET /v1/admin/export) to a file: as FILE.partial, named FILE only once its last
// line has arrived, so that a file of that name is always whole. `onProgress(eventsSoFar, total)` follows it.
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { expectJson, fail, request } from './options.mjs';

/** Answers the file written, the first line (what the file holds) and its last. */
export async function exportToFile(service, out, onProgress = () => {}) {
  const response = await request(service, '/v1/admin/export');
  if (response.status !== 200) await expectJson(response, [200], 'GET /v1/admin/export');
  const suggested = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'relations-log.ndjson';
  const file = out ?? suggested;
  const partial = `${file}.partial`;
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
      onProgress(Math.max(0, Math.min(lines - 1, header?.events ?? 0)), header?.events ?? null);
      yield chunk;
    }
  }
  const cutShort = (why) => fail(`the export was cut short after ${lines} lines${why}: ${partial} is kept; run the backup again`);
  try {
    await pipeline(Readable.fromWeb(response.body), counted, createWriteStream(partial));
  } catch (error) {
    cutShort(` (${error.message})`);
  }
  let end = null;
  try {
    end = JSON.parse(last);
  } catch {
    // said below
  }
  if (pending !== '' || end?.end !== true) cutShort('');
  await rename(partial, file);
  return { file, header, end };
}
