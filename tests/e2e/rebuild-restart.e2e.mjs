// A rebuild under wrangler dev that is cut short by killing the dev server finishes after a restart:
// its Workflow keeps each step's result on disk, and the steps it had not run yet run then.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startWorker } from './worker.mjs';

let worker;

before(async () => {
  worker = await startWorker(Number(process.env.E2E_REBUILD_PORT ?? 8796));
});

after(() => worker?.stop());

const editor = () => ({ authorization: `Bearer ${worker.token}`, 'content-type': 'application/json' });

async function status(self) {
  const response = await fetch(`${worker.url}${self}`, { headers: editor() });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

test('a rebuild interrupted by a killed dev server finishes after the restart, every event replayed once', { timeout: 300_000 }, async () => {
  for (let batch = 0; batch < 40; batch += 1) {
    const events = Array.from({ length: 100 }, (_, index) => ({
      type: 'EventNoted', occurred: `${1900 + batch}-0${1 + (index % 9)}`, headline: `Noted ${batch}.${index}`,
      source: { title: 'A source', publisher: 'A publisher', url: 'https://example.org/source' }, data: {},
    }));
    const response = await fetch(`${worker.url}/v1/relations/is-no/events`, { method: 'POST', headers: editor(), body: JSON.stringify({ events }) });
    assert.equal(response.status, 201, await response.clone().text());
  }
  const started = await fetch(`${worker.url}/v1/admin/rebuild?pageSize=10`, { method: 'POST', headers: editor() });
  assert.equal(started.status, 202);
  const { links } = await started.json();

  let run = await status(links.self);
  while (run.pages < 40) {
    assert.ok(run.state === 'queued' || run.state === 'running', `the rebuild ended too early: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    run = await status(links.self);
  }
  await worker.restart();
  const cutAt = (await status(links.self)).events;
  assert.ok(cutAt < run.total, 'the kill came before the rebuild had replayed everything');

  for (let polls = 0; run.state !== 'complete' && run.state !== 'errored' && polls < 480; polls += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    run = await status(links.self);
  }
  assert.equal(run.state, 'complete', JSON.stringify(run));
  assert.equal(run.error, null);
  assert.equal(run.events, run.total);
  const log = await (await fetch(`${worker.url}/v1/relations`)).json();
  assert.equal(run.total, log.relations.reduce((sum, relation) => sum + relation.events, 0));

  // The rebuilt timeline holds every event once.
  const ids = new Set();
  let cursor = null;
  do {
    const page = await (await fetch(`${worker.url}/v1/relations/is-no/timeline?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json();
    for (const item of page.items) ids.add(item.id);
    cursor = page.next;
  } while (cursor);
  assert.equal(ids.size, 4000);
});
