// The editor's desk in the deploy: a Worker of its own (desk/wrangler.toml) that the main Worker forwards /desk
// to (its DESK service binding) and that calls the main Worker back (its API binding). A service binding must
// name a Worker that exists, so on the first deploy, when neither does, the main Worker goes up without its
// DESK binding, then the desk, then the main Worker again with the binding; afterwards, the main Worker, then the desk.
import { join, resolve } from 'node:path';
import { experimental_readRawConfig as readRawConfig } from 'wrangler';
import { writeDeployConfig } from './config.mjs';

export const DESK_DIR = 'desk';
export const DESK_DEPLOY_CONFIG = join(DESK_DIR, 'wrangler.deploy.jsonc');

/** desk/wrangler.toml as wrangler reads it, and the desk Worker's name. */
export async function readDeskConfig() {
  const { rawConfig } = await readRawConfig({ config: join(DESK_DIR, 'wrangler.toml') });
  return { raw: rawConfig, worker: rawConfig.name };
}

/** The desk's config to deploy with (desk/wrangler.toml as wrangler reads it), beside it, or aside for a dry run's look-ups. */
export function writeDeskConfig(desk, scratch) {
  if (!scratch) {
    writeDeployConfig(desk.raw, DESK_DEPLOY_CONFIG);
    return DESK_DEPLOY_CONFIG;
  }
  const path = join(scratch, 'desk.deploy.jsonc');
  writeDeployConfig({ ...desk.raw, main: resolve(DESK_DIR, desk.raw.main) }, path);
  return path;
}

/** The main Worker's config without its DESK binding (paths absolute, so it is read from the scratch directory). */
export function withoutDeskBinding(config, deskWorker) {
  return { ...config, services: (config.services ?? []).filter((service) => service.service !== deskWorker) };
}

/** Whether the desk Worker is on the account: its secrets can be listed only if it is. */
export async function deskExists({ wrangler, account }, lookConfig) {
  if (!account) return false;
  const listed = await wrangler.look(['secret', 'list', '--config', lookConfig]);
  return listed.status === 0;
}
