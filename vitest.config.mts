import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { build } from 'esbuild';
import { defineConfig } from 'vitest/config';
import { writeConfigCopy } from './scripts/wrangler-config.mjs';

export default defineConfig(async () => {
  // The static assets (wrangler.toml [assets]), as `wrangler dev` and `wrangler deploy` build them first.
  execFileSync(process.execPath, ['scripts/build-assets.mjs'], { stdio: 'inherit' });
  const migrations = await readD1Migrations('migrations');
  // The editor's desk, the Worker the DESK service binding reaches, built as wrangler would build it.
  await build({
    entryPoints: ['desk/src/index.ts'], outfile: 'build/test/desk.js', bundle: true, format: 'esm', platform: 'neutral',
    jsx: 'automatic', jsxImportSource: 'hono/jsx', logLevel: 'warning',
  });
  return {
    plugins: [
      cloudflareTest({
        // The Worker, with every answer checked against its OpenAPI document (tests/setup/checked-worker.ts).
        main: './tests/setup/checked-worker.ts',
        // wrangler.toml as it is, read from a directory of its own: the tests' secrets are the bindings below,
        // never those of a developer's .dev.vars.
        wrangler: { configPath: writeConfigCopy('build/test', resolve('src/index.ts')) },
        miniflare: {
          // Empty databases: one on which a test applies the migrations one at a time, and one that holds the
          // log a backup is made of, for the restore into the Worker's own.
          d1Databases: ['MIGRATIONS_DB', 'BACKUP_SOURCE_DB'],
          // The desk, which calls this Worker's API back (desk/wrangler.toml).
          workers: [{
            name: 'relations-desk', modules: true, scriptPath: 'build/test/desk.js', compatibilityDate: '2026-04-01',
            // The Worker under test is the pool's runner, by the name vitest-pool-workers gives it.
            serviceBindings: { API: 'vitest-pool-workers-runner-' },
          }],
          bindings: {
            TEST_MIGRATIONS: migrations,
            ADMIN_TOKEN: 'test-editor-token',
            // Webhook secrets are sealed under the first key; the second stands for the key it replaced.
            WEBHOOK_SECRET_KEY: 'dGVzdC1rZXktb2Ytd2ViaG9vay1zZWNyZXRzLTMyYiE=',
            WEBHOOK_SECRET_KEY_PREVIOUS: 'cHJldmlvdXMta2V5LW9mLXdlYmhvb2stc2VjcmV0cyE=',
            // Webhooks go to the test receiver on 127.0.0.1, retry within seconds and time out after one.
            ALLOW_HTTP_WEBHOOKS: 'true',
            WEBHOOK_RETRY_SCHEDULE: '1,1,1',
            WEBHOOK_TIMEOUT_SECONDS: '1',
            // WebSub leases from 1 second, so that a test sees one end; an hour unless asked.
            WEBSUB_LEASE_SECONDS: '1,3600,86400',
          },
        },
      }),
    ],
    // As in wrangler.toml: the Worker's zod, without what it never uses, and its registry in place of zod-to-openapi.
    resolve: {
      alias: [
        { find: /^zod$/, replacement: fileURLToPath(new URL('./src/zod/index.ts', import.meta.url)) },
        { find: /^@asteasolutions\/zod-to-openapi$/, replacement: fileURLToPath(new URL('./src/openapi/registry.ts', import.meta.url)) },
      ],
    },
    test: {
      include: ['tests/**/*.test.ts'],
      // A test file spends much of its time waiting on workerd, its own process: one file per core, not vitest's
      // default of one fewer (on two cores the files ran one after another, 8 minutes instead of 5).
      maxWorkers: availableParallelism(),
      // A limit catches a test that hangs; it measures nothing (the bench measures speed). The machines these
      // tests run on are shared, and a test that takes 1 s alone takes several with the other cores busy, so
      // the limits are vitest's defaults (5 s, 10 s for a hook) times six. A test that needs longer says so.
      testTimeout: 30_000,
      hookTimeout: 60_000,
      setupFiles: ['./tests/setup/apply-migrations.ts', './tests/setup/contract-hooks.ts'],
      globalSetup: ['./tests/setup/receiver.ts', './tests/setup/websub-subscriber.ts', './tests/setup/workerd-noise.ts', './tests/setup/openapi-document.ts'],
    },
  };
});
