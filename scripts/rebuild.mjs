// `npm run rebuild`: rebuilds every view from the log on the local dev server (`npm start`), through
// the same endpoint used in production: POST /v1/admin/rebuild with a credential of the admin scope
// (RELATIONS_KEY, an admin key, or else the ADMIN_TOKEN).
import { existsSync, readFileSync } from 'node:fs';

const base = process.env.RELATIONS_URL ?? `http://127.0.0.1:${process.env.PORT ?? '8787'}`;
const token = process.env.RELATIONS_KEY ?? process.env.ADMIN_TOKEN
  ?? (existsSync('.dev.vars') ? /^ADMIN_TOKEN=(.*)$/m.exec(readFileSync('.dev.vars', 'utf8'))?.[1]?.trim() : undefined);
if (!token) {
  console.error('no admin credential: set RELATIONS_KEY (an admin key) or ADMIN_TOKEN, or create .dev.vars (npm start does)');
  process.exit(1);
}
const pageSize = process.argv[2] ? `?pageSize=${encodeURIComponent(process.argv[2])}` : '';

let response;
try {
  response = await fetch(`${base}/v1/admin/rebuild${pageSize}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
} catch {
  console.error(`nothing answers at ${base}: start the service with npm start (or set RELATIONS_URL)`);
  process.exit(1);
}
const text = await response.text();
const body = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
if (!response.ok || !body) {
  console.error(`${response.status} ${body ? `${body.title}: ${body.detail ?? ''}` : text}`);
  process.exit(1);
}
console.log(
  `rebuilt ${body.views.map((v) => `${v.view} v${v.version}`).join(', ')} from ${body.events} events` +
    ` (through position ${body.throughPosition}) in ${body.milliseconds} ms with ${body.calls} D1 calls`,
);
