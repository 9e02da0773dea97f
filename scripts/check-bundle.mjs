// `npm run bundle`: builds the Worker as `wrangler deploy` would (offline, --dry-run) and fails when what it
// would upload is over the budget, as wrangler itself reports it (gzip). CI runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUDGET_KIB = 150;

const outdir = mkdtempSync(join(tmpdir(), 'relations-bundle-'));
const build = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  encoding: 'utf8',
});
rmSync(outdir, { recursive: true, force: true });
const output = `${build.stdout}\n${build.stderr}`;
if (build.status !== 0) {
  console.error(output);
  process.exit(build.status ?? 1);
}
const sizes = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
if (!sizes) {
  console.error(`wrangler did not say the size of the upload:\n${output}`);
  process.exit(1);
}
const [, raw, gzip] = sizes.map(Number);
const verdict = gzip <= BUDGET_KIB ? 'within' : 'OVER';
console.log(`Worker bundle: ${raw} KiB, ${gzip} KiB gzip: ${verdict} the budget of ${BUDGET_KIB} KiB gzip`);
if (gzip > BUDGET_KIB) process.exit(1);
