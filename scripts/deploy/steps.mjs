// The steps of `npm run deploy` (scripts/deploy.mjs), each with wrangler's own command: a step finds what is
// there and makes what is missing; one that fails stops the deploy with wrangler's words and what the step needs.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fail } from '../service/options.mjs';
import { DEPLOY_CONFIG } from './config.mjs';
import { DESK_DEPLOY_CONFIG, DESK_DIR } from './desk.mjs';
import { wranglerSaid } from './wrangler.mjs';

// What each product the Worker binds needs of the account (Cloudflare's pricing pages; see the README).
const NEEDS = {
  d1: 'D1 (on the Workers Free and Paid plans)',
  queues: 'Queues (Workers Free: 10,000 operations a day, messages kept 24 hours; Workers Paid: 1,000,000 a month, then billed)',
  deploy: 'Workers with static assets, a cron trigger, two queue consumers, a Workflow (Workers Free and Paid) and the Rate Limiting binding',
  secrets: 'Worker secrets',
};
const SECRETS = {
  // The bootstrap credential: every scope. 32 random bytes.
  ADMIN_TOKEN: () => `rla_${randomBytes(32).toString('base64url')}`,
  // Seals webhook signing secrets at rest (AES-256-GCM): the base64 of 32 bytes.
  WEBHOOK_SECRET_KEY: () => randomBytes(32).toString('base64'),
};
const HEALTH_WITHIN_MS = Number(process.env.DEPLOY_HEALTH_WITHIN_MS ?? 120_000);


/** A step that failed: what it ran, what wrangler said, and what the step needs of the account. */
function stepFailed(step, args, result, need) {
  fail([
    `\n✘ ${step} failed: wrangler ${args.join(' ')} exited with ${result.status}. wrangler said:`,
    wranglerSaid(result.output).replace(/^/gm, '    '),
    need ? `This step needs ${need}: see "Deploy to Cloudflare" in the README for the plans.` : '',
    'Nothing after this step was done; fix the cause and run npm run deploy again (what exists is kept).',
  ].filter(Boolean).join('\n'));
}

/** Who wrangler is logged in as, and the account it will use. */
export async function loggedIn(wrangler) {
  const args = ['whoami', '--json'];
  const result = await wrangler.look(args);
  let who = null;
  try {
    who = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'), result.stdout.lastIndexOf('}') + 1));
  } catch {
    // said below
  }
  if (!who?.loggedIn) {
    const notLoggedIn = 'wrangler is not logged in. Run `npx wrangler login` (it opens a browser), or set CLOUDFLARE_API_TOKEN to an API token ' +
      '(template "Edit Cloudflare Workers", with D1 and Queues edit too) and CLOUDFLARE_ACCOUNT_ID; then run npm run deploy again.';
    if (who || result.status === 0 || /not (?:authenticated|logged in)/i.test(result.output)) {
      if (!wrangler.dryRun) fail(notLoggedIn);
      console.log(`  ${notLoggedIn}\n  The dry run goes on as if the account were empty.`);
      return null;
    }
    stepFailed('Finding who wrangler is logged in as', args, result);
  }
  const accounts = who.accounts ?? [];
  const chosen = process.env.CLOUDFLARE_ACCOUNT_ID
    ? accounts.find((account) => account.id === process.env.CLOUDFLARE_ACCOUNT_ID) ?? { id: process.env.CLOUDFLARE_ACCOUNT_ID, name: '(from CLOUDFLARE_ACCOUNT_ID)' }
    : accounts.length === 1 ? accounts[0] : null;
  if (!chosen) {
    fail(`wrangler can reach ${accounts.length} accounts: say which with CLOUDFLARE_ACCOUNT_ID=<id> npm run deploy\n` +
      accounts.map((account) => `    ${account.id}  ${account.name}`).join('\n'));
  }
  console.log(`✓ logged in${who.email ? ` as ${who.email}` : ''}, account ${chosen.name} (${chosen.id})`);
  return chosen;
}

/** The D1 database (its id, and whether it is there), created when the account has none of that name. */
export async function d1Database(wrangler, project, account) {
  const find = async () => {
    const args = ['d1', 'list', '--json'];
    const result = await wrangler.look(args);
    if (result.status !== 0) stepFailed('Listing the D1 databases', args, result, NEEDS.d1);
    const databases = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
    return databases.find((database) => database.name === project.database)?.uuid;
  };
  const existing = account && (await find());
  if (existing) {
    console.log(`✓ D1 database ${project.database}: there already (${existing})`);
    return { id: existing, exists: true };
  }
  const args = ['d1', 'create', project.database];
  const created = await wrangler.change(args);
  if (!created) return { id: '<the id of the new database>', exists: false };
  if (created.status !== 0) stepFailed(`Creating the D1 database ${project.database}`, args, created, NEEDS.d1);
  const id = await find();
  if (!id) fail(`wrangler created the D1 database ${project.database}, but d1 list does not show it yet: run npm run deploy again in a minute`);
  console.log(`✓ D1 database ${project.database}: created (${id})`);
  return { id, exists: true };
}

/** The config with its paths made absolute, to be read from another directory (a dry run's look-ups). */
export function withAbsolutePaths(config) {
  const alias = Object.fromEntries(Object.entries(config.alias ?? {}).map(([name, path]) => [name, path.startsWith('.') ? resolve(path) : path]));
  return {
    ...config,
    main: resolve(config.main),
    alias,
    ...(config.assets ? { assets: { ...config.assets, directory: resolve(config.assets.directory) } } : {}),
    ...(config.build ? { build: { ...config.build, cwd: resolve(config.build.cwd ?? '.'), watch_dir: [config.build.watch_dir ?? '.'].flat().map((dir) => resolve(dir)) } } : {}),
    d1_databases: config.d1_databases.map((d1) => ({ ...d1, migrations_dir: resolve(d1.migrations_dir ?? 'migrations') })),
  };
}

export async function queueExists({ wrangler, account, lookConfig }, queue) {
  if (account) {
    const look = ['queues', 'info', queue, '--config', lookConfig];
    const found = await wrangler.look(look);
    if (found.status === 0) return console.log(`✓ queue ${queue}: there already`);
    if (!/does not exist/.test(found.output)) stepFailed(`Looking for the queue ${queue}`, look, found, NEEDS.queues);
  }
  const args = ['queues', 'create', queue, '--config', DEPLOY_CONFIG];
  const created = await wrangler.change(args);
  if (!created) return;
  if (created.status !== 0) stepFailed(`Creating the queue ${queue}`, args, created, NEEDS.queues);
  console.log(`✓ queue ${queue}: created`);
}

export async function migrations({ wrangler, project, lookConfig }, database) {
  if (wrangler.dryRun && database.exists) {
    const list = ['d1', 'migrations', 'list', project.binding, '--remote', '--config', lookConfig];
    const listed = await wrangler.look(list);
    if (listed.status !== 0) stepFailed('Listing the migrations to apply', list, listed, NEEDS.d1);
    if (/No migrations to apply/.test(listed.output)) return console.log('✓ migrations: every one applied already');
  }
  const args = ['d1', 'migrations', 'apply', project.binding, '--remote', '--config', DEPLOY_CONFIG];
  const applied = await wrangler.change(args);
  if (!applied) return;
  if (applied.status !== 0) stepFailed('Applying the migrations to the remote database', args, applied, NEEDS.d1);
  if (/No migrations to apply/.test(applied.output)) return console.log('✓ migrations: every one applied already');
  const names = [...new Set([...applied.output.matchAll(/(\d{4}_[\w-]+\.sql)\s*│\s*✅/g)].map((match) => match[1]))];
  console.log(`✓ migrations: ${names.length} applied${names.length ? ` (${names[0]}${names.length > 1 ? ` to ${names.at(-1)}` : ''})` : ''}`);
}

/** Puts the secrets the Worker lacks; answers those it made, with their values. */
export async function secrets({ wrangler, account, lookConfig }) {
  let present = [];
  if (account) {
    const args = ['secret', 'list', '--config', lookConfig];
    const listed = await wrangler.look(args);
    if (listed.status === 0) present = JSON.parse(listed.stdout.slice(listed.stdout.indexOf('['))).map((secret) => secret.name);
    else if (!/not found/.test(listed.output)) stepFailed('Listing the Worker\u2019s secrets', args, listed, NEEDS.secrets);
  }
  const made = {};
  for (const [name, generate] of Object.entries(SECRETS)) {
    if (present.includes(name)) {
      console.log(`✓ secret ${name}: set already (kept)`);
      continue;
    }
    const given = process.env[name];
    const value = given || generate();
    const args = ['secret', 'put', name, '--config', DEPLOY_CONFIG];
    const put = await wrangler.change(args, { input: value, shown: [...args, `(the value on its standard input${given ? `: ${name} of the environment` : ': made here'})`] });
    if (!put) continue;
    if (put.status !== 0) stepFailed(`Putting the secret ${name}`, args, put, NEEDS.secrets);
    console.log(`✓ secret ${name}: put${given ? ' (from the environment)' : ' (made here)'}`);
    if (!given) made[name] = value;
  }
  return made;
}

/**
 * Deploys the main Worker and the desk (scripts/deploy/desk.mjs: the main Worker first without its DESK binding
 * when the desk is not on the account yet); answers the URL the main Worker answers on.
 */
export async function deploy(steps) {
  const { wrangler, desk } = steps;
  if (wrangler.dryRun) {
    // Builds both bundles as the deploy would (the database's id plays no part in them); uploads nothing.
    for (const [what, args] of [['the bundle', ['deploy', '--dry-run']], ['the desk\u2019s bundle', ['deploy', '--dry-run', '--config', join(DESK_DIR, 'wrangler.toml')]]]) {
      const built = await wrangler.look(args);
      if (built.status !== 0) stepFailed(`Building ${what}`, args, built);
      console.log(`✓ ran wrangler ${args.join(' ')}: ${what} builds (${/Total Upload: (.*)/.exec(built.output)?.[1]?.trim() ?? 'its size not given'})`);
    }
  }
  let url = null;
  if (!desk.exists) {
    console.log(`  the desk Worker ${desk.worker} is not on the account yet: the main Worker goes first without its DESK binding`);
    await deployWorker(steps, desk.firstConfig, 'Deploying the Worker without its DESK binding');
  }
  if (desk.exists) url = await deployWorker(steps, DEPLOY_CONFIG, 'Deploying the Worker');
  await deployWorker(steps, DESK_DEPLOY_CONFIG, `Deploying the desk Worker ${desk.worker}`);
  if (!desk.exists) url = await deployWorker(steps, DEPLOY_CONFIG, 'Deploying the Worker with its DESK binding');
  if (wrangler.dryRun) return null;
  // A Worker on routes of a zone only (no workers.dev) answers on the public origin it was given.
  url ??= steps.publicOrigin || null;
  if (!url) fail('the Worker is deployed, but wrangler named no URL for it (give --public-origin)');
  console.log(`✓ deployed: ${url}`);
  return url;
}

/** One `wrangler deploy`; answers the URL wrangler named for the Worker, if it named one. */
async function deployWorker({ wrangler, scratch }, config, step) {
  const outputFile = join(scratch, `output-${Date.now()}-${Math.random().toString(36).slice(2)}.ndjson`);
  const args = ['deploy', '--config', config];
  if (!wrangler.dryRun) console.log(`  ${step} (uploading its code and static files: this takes a minute)`);
  const deployed = await wrangler.change(args, { env: { WRANGLER_OUTPUT_FILE_PATH: outputFile } });
  if (!deployed) return null;
  if (deployed.status !== 0) stepFailed(step, args, deployed, NEEDS.deploy);
  return deployedUrl(outputFile, deployed.output);
}

/** The Worker's URL: from wrangler's output file (WRANGLER_OUTPUT_FILE_PATH), else from what it printed. */
function deployedUrl(outputFile, printed) {
  let targets = [];
  try {
    const entries = readFileSync(outputFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    targets = entries.find((entry) => entry.type === 'deploy')?.targets ?? [];
  } catch {
    // an older wrangler: read what it printed
  }
  const urls = [...targets, ...printed.split('\n').map((line) => line.trim())].filter((target) => /^https?:\/\/\S+$/.test(target));
  return urls[0]?.replace(/\/+$/, '') ?? null;
}

export async function healthy(url) {
  const until = Date.now() + HEALTH_WITHIN_MS;
  let last = 'no answer';
  while (Date.now() < until) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return console.log(`✓ ${url}/healthz answers ${response.status}`);
      last = `${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  fail(`the Worker is deployed, but ${url}/healthz did not answer 200 within ${HEALTH_WITHIN_MS / 1000} s (last: ${last}). ` +
    'A new workers.dev subdomain can take a few minutes to be reachable: try it again later, and see `npx wrangler tail --config ' +
    `${DEPLOY_CONFIG}\` for errors.`);
}
