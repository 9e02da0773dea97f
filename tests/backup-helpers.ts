import { applyD1Migrations, createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../src/index';
import { TOKEN } from './setup/client';

/** Backups in the tests: a second Worker on a database of its own (the log a backup is made of), and a restore's client. */

const ORIGIN = 'https://relations.test';
const admin = { authorization: `Bearer ${TOKEN}` };

export type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

/** The Worker, as the tests meet it, on its own database. */
export const restored: Fetcher = (path, init) => SELF.fetch(`${ORIGIN}${path}`, init);

/** The same Worker on another database (BACKUP_SOURCE_DB, or any empty one), with every migration applied. */
export async function sourceWorker(db: D1Database = env.BACKUP_SOURCE_DB): Promise<Fetcher> {
  await applyD1Migrations(db, env.TEST_MIGRATIONS);
  const sourceEnv = { ...env, DB: db };
  return async (path, init) => {
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request(`${ORIGIN}${path}`, init), sourceEnv, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
}

export async function appendTo(fetcher: Fetcher, relation: string, events: unknown[], token = TOKEN): Promise<void> {
  const response = await fetcher(`/v1/relations/${relation}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`append: ${response.status} ${await response.text()}`);
}

/** The backup file of a Worker's log. */
export async function exportOf(fetcher: Fetcher): Promise<string> {
  const response = await fetcher('/v1/admin/export', { headers: admin });
  if (response.status !== 200) throw new Error(`export: ${response.status} ${await response.text()}`);
  return new TextDecoder().decode(await response.arrayBuffer());
}

export const linesOf = (file: string) => file.split('\n').filter((line, index, all) => index < all.length - 1 || line !== '');

export function adminJson(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<Response> {
  return restored(path, {
    method,
    headers: { ...admin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export function sendLines(id: string, from: number, lines: string[]): Promise<Response> {
  return restored(`/v1/admin/restores/${id}/lines?from=${from}`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/x-ndjson' },
    body: lines.map((line) => `${line}\n`).join(''),
  });
}

/** Asks for the restore of a file as its lines say (the check of the last, and how many). */
export function openRestoreOf(lines: string[]): Promise<Response> {
  return adminJson('/v1/admin/restores', { lines: lines.length, check: JSON.parse(lines[lines.length - 1]).check });
}

/** A restore as a client makes it: ask, send the lines in chunks, commit, wait for the rebuild. Answers the last status. */
export async function restoreFile(file: string, chunk = 25): Promise<any> {
  const lines = linesOf(file);
  const opened = await openRestoreOf(lines);
  let run = await opened.json<any>();
  if (opened.status !== 201 && opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(run)}`);
  if (run.state === 'complete') return run;
  for (let from = run.received + 1; from <= lines.length; from += chunk) {
    const sent = await sendLines(run.id, from, lines.slice(from - 1, from - 1 + chunk));
    run = await sent.json<any>();
    if (sent.status !== 200) throw new Error(`lines from ${from}: ${sent.status} ${JSON.stringify(run)}`);
  }
  const committed = await adminJson(run.links.commit, {});
  run = await committed.json<any>();
  if (committed.status !== 200) throw new Error(`commit: ${committed.status} ${JSON.stringify(run)}`);
  if (run.links.rebuild) await rebuildEnded(run.links.rebuild);
  return run;
}

async function rebuildEnded(self: string): Promise<void> {
  for (let polls = 0; polls < 600; polls += 1) {
    const status = await (await adminJson(self)).json<any>();
    if (status.state === 'complete') return;
    if (status.state === 'errored') throw new Error(`the rebuild errored: ${status.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the rebuild at ${self} did not end`);
}
