// What the deploy reads of wrangler.toml, and the config it deploys with. wrangler.toml keeps a placeholder
// database_id, so that `npm start` and the tests use a local D1 of their own whatever is deployed; the deploy
// writes wrangler.deploy.jsonc (not committed): wrangler.toml as wrangler reads it, with the id of the D1
// database of the account, and PUBLIC_ORIGIN when one is given. Every command of the deploy, and any an
// operator runs on the deployed Worker by hand, takes `--config wrangler.deploy.jsonc`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { experimental_readRawConfig as readRawConfig } from 'wrangler';

export const DEPLOY_CONFIG = 'wrangler.deploy.jsonc';

/** wrangler.toml as wrangler reads it, and the names the deploy needs from it. */
export async function readProjectConfig(path = 'wrangler.toml') {
  const { rawConfig } = await readRawConfig({ config: path });
  const database = rawConfig.d1_databases.find((d1) => d1.binding === 'DB');
  const queues = [...new Set([
    ...(rawConfig.queues?.producers ?? []).map((producer) => producer.queue),
    ...(rawConfig.queues?.consumers ?? []).flatMap((consumer) => [consumer.queue, consumer.dead_letter_queue].filter(Boolean)),
  ])];
  return { raw: rawConfig, worker: rawConfig.name, database: database.database_name, binding: database.binding, queues };
}

/** The PUBLIC_ORIGIN the last deploy was made with, if it set one. */
export function previousPublicOrigin(path = DEPLOY_CONFIG) {
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '');
  try {
    return JSON.parse(text).vars?.PUBLIC_ORIGIN ?? '';
  } catch {
    return '';
  }
}

/** The config to deploy with: the project's, with the database's id and the public origin. */
export function deployConfig(project, { databaseId, publicOrigin }) {
  const config = structuredClone(project.raw);
  config.d1_databases = config.d1_databases.map((d1) => (d1.binding === project.binding ? { ...d1, database_id: databaseId } : d1));
  config.vars = { ...config.vars, PUBLIC_ORIGIN: publicOrigin };
  return config;
}

export function writeDeployConfig(config, path = DEPLOY_CONFIG) {
  const header = [
    '// Written by `npm run deploy` from wrangler.toml, with the id of the D1 database of the account it deployed to.',
    '// Edit wrangler.toml, not this file: every deploy writes it again. Commands on the deployed Worker take',
    `// --config ${path} (npx wrangler d1 info relations --config ${path}).`,
  ].join('\n');
  writeFileSync(path, `${header}\n${JSON.stringify(config, null, 2)}\n`);
}
