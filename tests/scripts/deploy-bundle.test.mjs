// The config `npm run deploy` writes, read by the real wrangler: `wrangler deploy --dry-run` builds the real bundle
// from it, uploading nothing, with every binding the Worker declares and the public origin it was given.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { deployConfig, readProjectConfig, writeDeployConfig } from '../../scripts/deploy/config.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');

test('wrangler deploy --dry-run builds the bundle from the config the deploy writes', { timeout: 240_000 }, async () => {
  const project = await readProjectConfig(join(ROOT, 'wrangler.toml'));
  // Beside wrangler.toml, as the deploy writes it (its paths are wrangler.toml's), under a name of its own.
  const config = join(ROOT, `wrangler.deploy-test-${process.pid}.jsonc`);
  const out = mkdtempSync(join(tmpdir(), 'relations-bundle-'));
  try {
    writeDeployConfig(deployConfig(project, { databaseId: '3f2b6c1e-8a4d-4e5f-9b7c-0d1e2f3a4b5c', publicOrigin: 'https://relations.example.org' }), config);
    const { stdout, stderr } = await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'wrangler'),
      ['deploy', '--dry-run', '--outdir', out, '--config', config],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' } });
    const output = `${stdout}${stderr}`;
    assert.match(output, /--dry-run: exiting now\./);
    for (const binding of ['env.DB (relations)', 'env.REBUILD (RebuildWorkflow)', 'env.WEBHOOK_DELIVERIES (relations-webhook-deliveries)',
      'env.WEBHOOK_DEAD_LETTERS (relations-webhook-dead-letters)', 'env.AUTH_FAILURES', 'env.ASSETS', 'env.PUBLIC_ORIGIN ("https://relations.example.org")']) {
      assert.ok(output.includes(binding), `the bundle binds ${binding}:\n${output}`);
    }
  } finally {
    rmSync(config, { force: true });
    rmSync(out, { recursive: true, force: true });
  }
});
