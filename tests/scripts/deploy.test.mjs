// `npm run deploy` against a recording stand-in for the wrangler CLI (./fake-wrangler/wrangler, first on PATH),
// which answers as wrangler 4.86 does from an account kept in a file: a first run on an empty account, a second
// run, a step that fails, wrangler not logged in, and a dry run. The deploy runs in a directory of its own (a
// copy of wrangler.toml and the migrations), so it never writes the developer's wrangler.deploy.jsonc.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FAKE = join(import.meta.dirname, 'fake-wrangler');
const MIGRATIONS = readdirSync(join(ROOT, 'migrations')).filter((file) => file.endsWith('.sql')).sort();
const QUEUES = ['relations-webhook-deliveries', 'relations-webhook-dead-letters'];
const MUTATING = ['d1 create', 'queues create', 'd1 migrations apply', 'secret put', 'deploy'];

let health;
let healthRequests = 0;
before(async () => {
  health = createServer((request, response) => {
    healthRequests += 1;
    response.writeHead(request.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise((done) => health.listen(0, '127.0.0.1', done));
});
after(() => health.close());

/** A directory to deploy from, and an account in the stand-in's state file. */
function account(state = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'relations-deploy-test-'));
  cpSync(join(ROOT, 'wrangler.toml'), join(dir, 'wrangler.toml'));
  cpSync(join(ROOT, 'migrations'), join(dir, 'migrations'), { recursive: true });
  cpSync(join(ROOT, 'desk', 'wrangler.toml'), join(dir, 'desk', 'wrangler.toml'), { recursive: true });
  const statePath = join(dir, 'account.json');
  writeFileSync(statePath, JSON.stringify({
    loggedIn: true, email: 'ana@example.org', accounts: [{ id: 'acc-1', name: 'Ana Pérez' }],
    databases: [], queues: [], workers: {}, applied: [],
    workerUrl: `http://127.0.0.1:${health.address().port}`,
    ...state,
  }));
  return { dir, statePath, callsPath: join(dir, 'calls.ndjson'), state: () => JSON.parse(readFileSync(statePath, 'utf8')) };
}

/** Runs `npm run deploy -- …args` (the script itself, with the stand-in first on PATH); answers its code, output and calls. */
function deploy(acct, args = [], env = {}) {
  writeFileSync(acct.callsPath, '');
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'scripts', 'deploy.mjs'), ...args], {
      cwd: acct.dir,
      env: {
        ...process.env, PATH: `${FAKE}:${process.env.PATH}`, FAKE_WRANGLER_STATE: acct.statePath, FAKE_WRANGLER_CALLS: acct.callsPath,
        ADMIN_TOKEN: '', WEBHOOK_SECRET_KEY: '', CLOUDFLARE_ACCOUNT_ID: '', DEPLOY_HEALTH_WITHIN_MS: '5000', ...env,
      },
    }, (error, stdout, stderr) => {
      const calls = readFileSync(acct.callsPath, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
      done({ code: error ? error.code : 0, output: `${stdout}${stderr}`, calls, commands: calls.map((call) => call.args.join(' ')) });
    });
  });
}

const changes = (commands) => commands.filter((command) => MUTATING.some((verb) => command.startsWith(verb)) && !command.includes('--dry-run'));
const noStackTrace = (output) => assert.doesNotMatch(output, /^\s+at .+:\d+:\d+\)?$/m, 'a stack trace');

describe('npm run deploy', () => {
  let acct;
  before(() => {
    acct = account();
  });
  after(() => rmSync(acct.dir, { recursive: true, force: true }));

  test('on an empty account creates everything, puts strong secrets, deploys and waits for /healthz', async () => {
    const before = healthRequests;
    const run = await deploy(acct);
    assert.equal(run.code, 0, run.output);
    noStackTrace(run.output);
    const config = '--config wrangler.deploy.jsonc';
    assert.deepEqual(changes(run.commands), [
      'd1 create relations',
      ...QUEUES.map((queue) => `queues create ${queue} ${config}`),
      `d1 migrations apply DB --remote ${config}`,
      `secret put ADMIN_TOKEN ${config}`,
      `secret put WEBHOOK_SECRET_KEY ${config}`,
      // A service binding needs its Worker: the main Worker without its DESK binding, the desk, the main Worker with it.
      ...changes(run.commands).filter((command) => /^deploy --config \/.*wrangler\.without-desk\.jsonc$/.test(command)),
      'deploy --config desk/wrangler.deploy.jsonc',
      `deploy ${config}`,
    ]);
    assert.equal(changes(run.commands).filter((command) => command.includes('without-desk')).length, 1, run.output);
    assert.equal(run.commands[0], 'whoami --json');
    assert.ok(run.calls.every((call) => call.env.CI === 'true'), 'wrangler is never left to ask');

    const state = acct.state();
    assert.deepEqual(state.workers['relations-log'].services, ['DESK']);
    assert.deepEqual(state.workers['relations-desk'].services, ['API']);
    assert.equal(state.workers['relations-desk'].deployed, 1);
    const [database] = state.databases;
    assert.equal(database.name, 'relations');
    assert.deepEqual(state.queues, QUEUES);
    assert.deepEqual(state.applied, MIGRATIONS);
    // The id is kept where the next deploy (and any command by hand) finds it; wrangler.toml keeps its placeholder.
    const written = JSON.parse(readFileSync(join(acct.dir, 'wrangler.deploy.jsonc'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    assert.equal(written.d1_databases[0].database_id, database.uuid);
    assert.equal(state.workers['relations-log'].databaseId, database.uuid);
    assert.match(readFileSync(join(acct.dir, 'wrangler.toml'), 'utf8'), /database_id = "00000000-0000-4000-8000-000000000000"/);

    const { ADMIN_TOKEN: token, WEBHOOK_SECRET_KEY: sealingKey } = state.workers['relations-log'].secrets;
    assert.match(token, /^rla_[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(sealingKey, 'base64').length, 32);
    assert.equal(run.output.split(token).length - 1, 1, 'the admin token is printed once');
    assert.ok(!run.output.includes(sealingKey), 'the sealing key is never printed');
    assert.ok(!run.commands.some((command) => command.includes(token)), 'secrets go on standard input, never in arguments');

    assert.ok(healthRequests > before, '/healthz was asked');
    assert.match(run.output, new RegExp(`The relations log is live at ${state.workerUrl}`));
    assert.match(run.output, /npm run seed -- --url http:\/\/127\.0\.0\.1:\d+ --key "\$ADMIN_TOKEN"/);
  });

  test('run again, changes nothing that exists and only deploys', async () => {
    const secretsBefore = acct.state().workers['relations-log'].secrets;
    const run = await deploy(acct);
    assert.equal(run.code, 0, run.output);
    assert.deepEqual(changes(run.commands), [
      'd1 migrations apply DB --remote --config wrangler.deploy.jsonc', 'deploy --config wrangler.deploy.jsonc', 'deploy --config desk/wrangler.deploy.jsonc',
    ]);
    assert.equal(acct.state().databases.length, 1);
    assert.deepEqual(acct.state().workers['relations-log'].secrets, secretsBefore);
    assert.equal(acct.state().workers['relations-log'].deployed, 3);
    assert.equal(acct.state().workers['relations-desk'].deployed, 2);
    for (const said of ['D1 database relations: there already', ...QUEUES.map((queue) => `queue ${queue}: there already`),
      'migrations: every one applied already', 'secret ADMIN_TOKEN: set already (kept)', 'ADMIN_TOKEN: the one set before (unchanged, so not shown)']) {
      assert.ok(run.output.includes(said), `says "${said}":\n${run.output}`);
    }
    assert.ok(!run.output.includes(secretsBefore.ADMIN_TOKEN));
  });

  test('takes the secrets and the public origin it is given, and keeps the origin for the next deploy', async () => {
    const fresh = account();
    try {
      const run = await deploy(fresh, ['--public-origin', 'https://relations.example.org'], { ADMIN_TOKEN: 'an-admin-token-of-my-own-long-enough' });
      assert.equal(run.code, 0, run.output);
      const worker = fresh.state().workers['relations-log'];
      assert.equal(worker.secrets.ADMIN_TOKEN, 'an-admin-token-of-my-own-long-enough');
      assert.equal(worker.vars.PUBLIC_ORIGIN, 'https://relations.example.org');
      assert.match(run.output, /secret ADMIN_TOKEN: put \(from the environment\)/);
      const again = await deploy(fresh);
      assert.equal(again.code, 0, again.output);
      assert.equal(fresh.state().workers['relations-log'].vars.PUBLIC_ORIGIN, 'https://relations.example.org');
    } finally {
      rmSync(fresh.dir, { recursive: true, force: true });
    }
  });
});

describe('a step that fails', () => {
  test('stops the deploy with wrangler\u2019s own words, the step and what it needs; nothing after it runs', async () => {
    const acct = account({ fail: { 'queues create': { code: 10042, message: 'Queues is not available for this account' } } });
    try {
      const run = await deploy(acct);
      assert.equal(run.code, 1);
      noStackTrace(run.output);
      assert.match(run.output, /✘ Creating the queue relations-webhook-deliveries failed: wrangler queues create relations-webhook-deliveries --config wrangler.deploy.jsonc exited with 1/);
      assert.match(run.output, /A request to the Cloudflare API \(\/accounts\/acc-1\/queues\) failed\.\n\s+Queues is not available for this account \[code: 10042\]/);
      assert.match(run.output, /This step needs Queues \(Workers Free: 10,000 operations a day/);
      assert.deepEqual(changes(run.commands), ['d1 create relations', 'queues create relations-webhook-deliveries --config wrangler.deploy.jsonc']);
      // What was made is kept: run again once the cause is fixed, and it carries on.
      const state = acct.state();
      delete state.fail;
      writeFileSync(acct.statePath, JSON.stringify(state));
      const again = await deploy(acct);
      assert.equal(again.code, 0, again.output);
      assert.ok(!again.commands.includes('d1 create relations'));
      assert.equal(acct.state().databases.length, 1);
    } finally {
      rmSync(acct.dir, { recursive: true, force: true });
    }
  });

  test('a migration that fails stops it before the Worker is deployed', async () => {
    const acct = account({ fail: { 'd1 migrations': { message: 'near "TABLE": syntax error at offset 7: SQLITE_ERROR' } } });
    try {
      const run = await deploy(acct);
      assert.equal(run.code, 1);
      noStackTrace(run.output);
      assert.match(run.output, /✘ Applying the migrations to the remote database failed/);
      assert.match(run.output, /Migration 0001_create_event_log\.sql failed with the following errors:\n\s+near "TABLE": syntax error/);
      assert.ok(!run.commands.some((command) => command.startsWith('deploy') || command.startsWith('secret put')));
    } finally {
      rmSync(acct.dir, { recursive: true, force: true });
    }
  });
});

describe('wrangler not logged in', () => {
  test('stops at once, saying how to log in, and runs nothing else', async () => {
    const acct = account({ loggedIn: false });
    try {
      const run = await deploy(acct);
      assert.equal(run.code, 1);
      noStackTrace(run.output);
      assert.match(run.output, /wrangler is not logged in\. Run `npx wrangler login`.*or set CLOUDFLARE_API_TOKEN/s);
      assert.deepEqual(run.commands, ['whoami --json']);
    } finally {
      rmSync(acct.dir, { recursive: true, force: true });
    }
  });

  test('an account of several, none chosen, is a question for the operator', async () => {
    const acct = account({ accounts: [{ id: 'acc-1', name: 'Ana Pérez' }, { id: 'acc-2', name: 'Newsroom' }] });
    try {
      const run = await deploy(acct);
      assert.equal(run.code, 1);
      assert.match(run.output, /wrangler can reach 2 accounts: say which with CLOUDFLARE_ACCOUNT_ID=<id> npm run deploy\n\s+acc-1\s+Ana Pérez\n\s+acc-2\s+Newsroom/);
      const chosen = await deploy(acct, [], { CLOUDFLARE_ACCOUNT_ID: 'acc-2' });
      assert.equal(chosen.code, 0, chosen.output);
      assert.match(chosen.output, /account Newsroom \(acc-2\)/);
    } finally {
      rmSync(acct.dir, { recursive: true, force: true });
    }
  });
});

describe('--dry-run', () => {
  test('prints every command it would run and changes nothing', async () => {
    const acct = account();
    try {
      const run = await deploy(acct, ['--dry-run']);
      assert.equal(run.code, 0, run.output);
      assert.deepEqual(changes(run.commands), []);
      assert.ok(run.commands.includes('deploy --dry-run'), 'the bundle is built');
      assert.ok(run.commands.includes('deploy --dry-run --config desk/wrangler.toml'), 'the desk\u2019s bundle is built');
      for (const would of ['d1 create relations', ...QUEUES.map((queue) => `queues create ${queue}`), 'd1 migrations apply DB --remote',
        'secret put ADMIN_TOKEN --config wrangler.deploy.jsonc (the value on its standard input: made here)', 'deploy --config wrangler.deploy.jsonc',
        'deploy --config desk/wrangler.deploy.jsonc']) {
        assert.ok(run.output.includes(`would run: wrangler ${would}`), `would run ${would}:\n${run.output}`);
      }
      assert.deepEqual(acct.state().databases, []);
      assert.ok(!existsSync(join(acct.dir, 'wrangler.deploy.jsonc')));
      assert.ok(!existsSync(join(acct.dir, 'desk', 'wrangler.deploy.jsonc')));
      assert.match(run.output, /A dry run: nothing was changed/);
    } finally {
      rmSync(acct.dir, { recursive: true, force: true });
    }
  });

  test('on an account that has everything, only the deploy would run', async () => {
    const acct = account();
    try {
      assert.equal((await deploy(acct)).code, 0);
      const run = await deploy(acct, ['--dry-run']);
      assert.equal(run.code, 0, run.output);
      assert.deepEqual(changes(run.commands), []);
      assert.deepEqual(run.output.match(/would run: .*/g), [
        'would run: wrangler deploy --config wrangler.deploy.jsonc', 'would run: wrangler deploy --config desk/wrangler.deploy.jsonc',
      ]);
    } finally {
      rmSync(acct.dir, { recursive: true, force: true });
    }
  });

  test('without wrangler logged in, shows the plan for an empty account', async () => {
    const acct = account({ loggedIn: false });
    try {
      const run = await deploy(acct, ['--dry-run']);
      assert.equal(run.code, 0, run.output);
      assert.match(run.output, /wrangler is not logged in.*\n.*as if the account were empty/);
      assert.ok(run.output.includes('would run: wrangler d1 create relations'));
    } finally {
      rmSync(acct.dir, { recursive: true, force: true });
    }
  });
});
