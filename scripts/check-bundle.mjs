// `npm run bundle`: builds each Worker (the main one, wrangler.toml, and the editor's desk, desk/wrangler.toml)
// as `wrangler deploy` would (offline, --dry-run) and fails when what it would upload is over its budget, as
// wrangler itself reports it (gzip). CI runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Each Worker's budget, in KiB gzip. */
const WORKERS = [
  { name: 'Worker', config: 'wrangler.toml', budget: 150 },
  { name: 'Desk Worker', config: 'desk/wrangler.toml', budget: 150 },
];

let over = false;
for (const { name, config, budget } of WORKERS) {
  const gzip = bundleSize(name, config);
  const verdict = gzip.gzip <= budget ? 'within' : 'OVER';
  console.log(`${name} bundle: ${gzip.raw} KiB, ${gzip.gzip} KiB gzip: ${verdict} the budget of ${budget} KiB gzip`);
  if (gzip.gzip > budget) over = true;
}
if (over) process.exit(1);

function bundleSize(name, config) {
  const outdir = mkdtempSync(join(tmpdir(), 'relations-bundle-'));
  const build = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--config', config, '--outdir', outdir], {
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
    console.error(`wrangler did not say the size of the ${name}'s upload:\n${output}`);
    process.exit(1);
  }
  return { raw: Number(sizes[1]), gzip: Number(sizes[2]) };
}
