// An operator's backup and restore, with the scripts the README gives, between two dev servers with local D1s of
// their own: seed one (twice: nothing is recorded twice), back it up, restore the file into the other (a file cut
// short or edited is refused before anything is written), and every public GET answers the same body on both.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { readFixtures } from '../../scripts/fixtures.mjs';
import { freePort, startWorker } from './worker.mjs';

// The seed's events, however many the fixtures hold.
const SEED = (await readFixtures()).reduce((sum, { events }) => sum + events.length, 0);

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'relations-backup-'));
let source;
let target;

before(async () => {
  [source, target] = await Promise.all([
    freePort().then((port) => startWorker(port, { fixtures: false })),
    freePort().then((port) => startWorker(port, { fixtures: false })),
  ]);
});

after(() => {
  source?.stop();
  target?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs one of the scripts as `npm run <script> -- …` does; answers its exit code and output. */
async function script(name, args) {
  try {
    const { stdout, stderr } = await run(process.execPath, [`scripts/${name}.mjs`, ...args], { env: { ...process.env, RELATIONS_KEY: '' } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    return { code: error.code, output: `${error.stdout}${error.stderr}` };
  }
}

const PATHS = [
  '/v1/relations', '/v1/relations/mx-ru/events?limit=500', '/v1/relations/mx-ru/timeline?limit=200', '/v1/relations/mx-ru/timeline?q=treaty',
  '/v1/relations/mx-ru/agreements?asOf=2015-01-01', '/v1/relations/mx-ru/status?on=1935-05-01', '/v1/relations/mx-ru/on-this-day?date=12-01',
  '/v1/on-this-day?date=12-01', '/feed.xml', '/feed.atom', '/feed.json', '/v1/relations/mx-ru/feed.atom?page=1',
  '/v1/relations/mx-ru/timeline.timelinejs.json', '/v1/relations/mx-ru/chart.svg?asOf=2015-01-01', '/', '/mx-ru?asOf=2015-01-01',
];

async function bodies(worker) {
  const answers = {};
  for (const path of PATHS) {
    const response = await fetch(`${worker.url}${path}`, { headers: { 'cache-control': 'no-store' } });
    // The two servers listen on ports of their own: links name the one that answered.
    answers[path] = `${response.status}\n${(await response.text()).replaceAll(worker.url, '<origin>')}`;
  }
  return answers;
}

/** Where two texts part, with a little of each. */
function firstDifference(a, b) {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at += 1;
  return `before: …${a.slice(Math.max(0, at - 80), at + 80)}…\nafter:  …${b.slice(Math.max(0, at - 80), at + 80)}…`;
}

const eventsIn = async (worker) => (await (await fetch(`${worker.url}/v1/relations`)).json()).relations.reduce((sum, relation) => sum + relation.events, 0);

test('seed, back up, restore into a fresh database: the same answers, and nothing written twice', { timeout: 300_000 }, async () => {
  const key = ['--url', source.url, '--key', source.token];
  const seeded = await script('seed', key);
  assert.equal(seeded.code, 0, seeded.output);
  assert.match(seeded.output, new RegExp(`${SEED} events recorded, 0 already in the log`));
  const again = await script('seed', key);
  assert.match(again.output, new RegExp(`0 events recorded, ${SEED} already in the log`));

  const file = join(dir, 'backup.ndjson');
  const backup = await script('backup', [...key, '--out', file]);
  assert.equal(backup.code, 0, backup.output);
  assert.match(backup.output, new RegExp(`${SEED} events of .*, through position ${SEED}, written to `));
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, SEED + 2);

  const into = ['--url', target.url, '--key', target.token];
  const cut = join(dir, 'cut.ndjson');
  writeFileSync(cut, `${lines.slice(0, 60).join('\n')}\n`);
  const refusedCut = await script('restore', [...into, cut]);
  assert.equal(refusedCut.code, 1);
  assert.match(refusedCut.output, /does not end with the last line of a backup \(it has 60 lines\).*Nothing was sent/);

  const edited = join(dir, 'edited.ndjson');
  writeFileSync(edited, `${lines.map((line, index) => (index === 40 ? line.replace('"headline":"', '"headline":"Not ') : line)).join('\n')}\n`);
  const refusedEdit = await script('restore', [...into, edited]);
  assert.equal(refusedEdit.code, 1);
  assert.match(refusedEdit.output, /422 line 41: its check does not follow from the line before it.*nothing was written to the log/);
  assert.equal(await eventsIn(target), 0);

  // A restore cut short after 30 lines (as if the connection had dropped): the script carries it on.
  const admin = { authorization: `Bearer ${target.token}` };
  const opened = await (await fetch(`${target.url}/v1/admin/restores`, {
    method: 'POST', headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ lines: lines.length, check: JSON.parse(lines.at(-1)).check }),
  })).json();
  const first = await fetch(`${target.url}${opened.links.lines}?from=1`, {
    method: 'POST', headers: { ...admin, 'content-type': 'application/x-ndjson' }, body: `${lines.slice(0, 30).join('\n')}\n`,
  });
  assert.equal(first.status, 200, await first.clone().text());
  const restored = await script('restore', [...into, file]);
  assert.equal(restored.code, 0, restored.output);
  assert.match(restored.output, new RegExp(`carried on the restore ${opened.id} from line 31`));
  assert.match(restored.output, new RegExp(`restored ${SEED} events into .* \\(0 were in the log already\\), through position ${SEED}`));
  assert.match(restored.output, new RegExp(`rebuilt every view from ${SEED} events`));
  const [before, after] = await Promise.all([bodies(source), bodies(target)]);
  for (const path of PATHS) assert.ok(before[path] === after[path], `${path} answers otherwise after the restore:\n${firstDifference(before[path], after[path])}`);

  const twice = await script('restore', [...into, file]);
  assert.equal(twice.code, 0, twice.output);
  assert.match(twice.output, /was restored into .* already .*nothing was written/);
  assert.equal(await eventsIn(target), SEED);
});
