// `npm run deploy [-- --dry-run] [--public-origin https://…]`: puts the service on the Cloudflare account wrangler
// is logged in to (or that CLOUDFLARE_API_TOKEN opens), creating what is missing and nothing else: the D1
// database, the two queues, the migrations not yet applied, the two secrets (from ADMIN_TOKEN and
// WEBHOOK_SECRET_KEY in the environment, or made here, strong and random; the admin token is printed once);
// then it deploys both Workers (the main one, and the editor's desk: scripts/deploy/desk.mjs), waits for
// /healthz on the deployed URL, and says what to do next. Run again, it finds everything there and only deploys. `--dry-run` prints every command it would run and runs only those that
// change nothing. Any step that fails stops it with wrangler's own words and what the step needs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEPLOY_CONFIG, deployConfig, previousPublicOrigin, readProjectConfig, writeDeployConfig } from './deploy/config.mjs';
import { DESK_DEPLOY_CONFIG, deskExists, readDeskConfig, withoutDeskBinding, writeDeskConfig } from './deploy/desk.mjs';
import { d1Database, deploy, healthy, loggedIn, migrations, queueExists, secrets, withAbsolutePaths } from './deploy/steps.mjs';
import { wranglerRunner } from './deploy/wrangler.mjs';
import { fail, script, Stop } from './service/options.mjs';

await script(async () => {
  const { values } = options();
  const wrangler = wranglerRunner({ dryRun: values['dry-run'] });
  const project = await readProjectConfig();
  console.log(`${wrangler.dryRun ? 'A dry run: nothing is changed. ' : ''}Deploying ${project.worker} with wrangler.toml`);
  const scratch = mkdtempSync(join(tmpdir(), 'relations-deploy-'));
  try {
    const account = await loggedIn(wrangler);
    const database = await d1Database(wrangler, project, account);
    const publicOrigin = values['public-origin'] ?? previousPublicOrigin();
    const config = deployConfig(project, { databaseId: database.id, publicOrigin });
    // The commands that only look read the config the deploy would write; a dry run writes it aside.
    const lookConfig = wrangler.dryRun ? join(scratch, 'wrangler.deploy.jsonc') : DEPLOY_CONFIG;
    if (wrangler.dryRun) {
      writeDeployConfig(withAbsolutePaths(config), lookConfig);
      console.log(`  ${DEPLOY_CONFIG}: would be written (wrangler.toml with database_id ${database.id}${publicOrigin ? `, PUBLIC_ORIGIN ${publicOrigin}` : ''})`);
    } else {
      writeDeployConfig(config);
      console.log(`✓ ${DEPLOY_CONFIG} written (wrangler.toml with database_id ${database.id}${publicOrigin ? `, PUBLIC_ORIGIN ${publicOrigin}` : ''})`);
    }
    const desk = await deskSteps({ wrangler, account, scratch }, config);
    const steps = { wrangler, project, account, lookConfig, scratch, publicOrigin, desk };
    for (const queue of project.queues) await queueExists(steps, queue);
    await migrations(steps, database);
    const made = await secrets(steps);
    const url = await deploy(steps);
    if (wrangler.dryRun) return console.log('\nA dry run: nothing was changed. Run npm run deploy to do it.');
    await healthy(url);
    nextSteps(url, made, publicOrigin);
  } catch (error) {
    if (error instanceof Stop) throw error;
    fail(`the deploy stopped: ${error.message}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

/** The desk Worker: its config written (aside in a dry run), whether it is on the account, and the main Worker's config without the binding to it. */
async function deskSteps({ wrangler, account, scratch }, config) {
  const desk = await readDeskConfig();
  const lookConfig = writeDeskConfig(desk, wrangler.dryRun ? scratch : undefined);
  console.log(`${wrangler.dryRun ? '  ' : '✓ '}${DESK_DEPLOY_CONFIG}: ${wrangler.dryRun ? 'would be written' : 'written'} (desk/wrangler.toml, the desk Worker ${desk.worker})`);
  const exists = await deskExists({ wrangler, account }, lookConfig);
  const firstConfig = join(scratch, 'wrangler.without-desk.jsonc');
  if (!exists) writeDeployConfig(withAbsolutePaths(withoutDeskBinding(config, desk.worker)), firstConfig);
  return { worker: desk.worker, exists, firstConfig };
}

function options() {
  try {
    return parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, 'public-origin': { type: 'string' } } });
  } catch (error) {
    return fail(`${error.message}\nusage: npm run deploy -- [--dry-run] [--public-origin https://your.domain]`);
  }
}

function nextSteps(url, made, publicOrigin) {
  const token = made.ADMIN_TOKEN;
  console.log(`
The relations log is live at ${url}
${token ? `
  ADMIN_TOKEN (shown this once; keep it in a password manager: it holds every scope):
    ${token}
` : '\n  ADMIN_TOKEN: the one set before (unchanged, so not shown).\n'}
Next:
  load the seed events:   npm run seed -- --url ${url} --key "$ADMIN_TOKEN"
  make an editor's key:   curl -X POST ${url}/v1/admin/keys -H "authorization: Bearer $ADMIN_TOKEN" \\
                            -H 'content-type: application/json' -d '{"name": "Ana Pérez", "scopes": ["events:write"]}'
  back the log up:        npm run backup -- --url ${url} --key "$ADMIN_TOKEN"
  read replicas:          enable read replication on the D1 database (dashboard: D1 › Settings)
  ${publicOrigin ? `PUBLIC_ORIGIN:          ${publicOrigin}` : `a domain of your own:   add it to the Worker, then npm run deploy -- --public-origin https://your.domain`}
`);
}
