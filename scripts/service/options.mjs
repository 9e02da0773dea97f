// The service a script of ours talks to, and the credential it uses: `--url` and `--key`, else RELATIONS_URL
// and RELATIONS_KEY, else the local server of `npm start` (on PORT, else wherever it runs from this directory,
// else 8787) and the ADMIN_TOKEN of
// the environment or of .dev.vars. A failure is a `Stop` with one line that says what to do; `script()` ends the
// script with it (and a module used by the bench, which must stop its servers first, catches it).
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runningDevServer } from '../dev-server.mjs';

/** The options of a script: the service's `url` and `key`, its own `options`, and its positional arguments. */
export function serviceOptions(usage, options = {}) {
  let parsed;
  try {
    parsed = parseArgs({
      options: { url: { type: 'string' }, key: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...options },
      allowPositionals: true,
    });
  } catch (error) {
    fail(`${error.message}\nusage: ${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  const local = process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : runningDevServer() ?? 'http://127.0.0.1:8787';
  const url = (values.url ?? process.env.RELATIONS_URL ?? local).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(url)) fail(`--url ${url}: the address of the service, such as https://relations-log.example.workers.dev`);
  const key = values.key ?? process.env.RELATIONS_KEY ?? process.env.ADMIN_TOKEN ?? developmentAdminToken();
  if (!key) fail('no credential: give --key (the ADMIN_TOKEN or a key), or set RELATIONS_KEY; npm start makes .dev.vars, whose ADMIN_TOKEN serves locally');
  return { url, key, values, positionals };
}

function developmentAdminToken() {
  if (!existsSync('.dev.vars')) return undefined;
  return /^ADMIN_TOKEN=(.*)$/m.exec(readFileSync('.dev.vars', 'utf8'))?.[1]?.trim() || undefined;
}

/** A request to the service; a service that does not answer ends the script with a message. */
export async function request(service, path, init = {}) {
  try {
    return await fetch(`${service.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${service.key}`, ...init.headers },
    });
  } catch (error) {
    fail(`nothing answers at ${service.url} (${error.cause?.code ?? error.message}): start it with npm start, or give --url`);
  }
}

/** The JSON of an answer of one of the `expected` statuses; anything else ends the script with the problem it names. */
export async function expectJson(response, expected, what) {
  const text = await response.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: said below
  }
  if (expected.includes(response.status) && body) return body;
  fail(`${what}: ${response.status} ${body?.detail ?? body?.title ?? text.slice(0, 300)}${hint(response.status)}`);
}

function hint(status) {
  if (status === 401) return ' (the key is not valid: give the ADMIN_TOKEN or a live key with --key)';
  if (status === 403) return ' (this key lacks the scope: an admin key, or the ADMIN_TOKEN)';
  if (status === 429) return ' (too many failed authentications from this address: wait a minute)';
  return '';
}

/** A failure a script ends with: its message says what to do. */
export class Stop extends Error {}

export function fail(message) {
  throw new Stop(message);
}

/** Runs a script: a `Stop` ends it with its message on stderr and exit code 1, never a stack trace. */
export async function script(run) {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    if (process.stdout.isTTY) process.stdout.write('\n');
    console.error(error.message);
    process.exit(1);
  }
}
