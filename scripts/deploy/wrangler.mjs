// Runs the wrangler CLI for the deploy: the `wrangler` on PATH (npm run puts this project's own first), never
// interactive (CI=true: wrangler asks nothing and takes its defaults), its output captured. A command that only
// looks runs in a dry run too; a command that changes something is printed, and in a dry run not run.
import { spawn } from 'node:child_process';
import { fail } from '../service/options.mjs';

const ENV = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' };

// wrangler's banner and decorations, which say nothing of what happened.
const NOISE = /^(?:\s*⛅️ wrangler .*|─+|\s*)$|^🪵\s+Logs were written to/;

/** wrangler's own words: its output without colour codes, banner or blank lines; the last `count` lines. */
export function wranglerSaid(output, count = 20) {
  return output.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((line) => !NOISE.test(line)).slice(-count).join('\n');
}

async function run(args, { input, env = {} } = {}) {
  const result = await new Promise((resolve) => {
    const child = spawn('wrangler', args, { env: { ...ENV, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ missing: error.code === 'ENOENT', status: 1, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.on('error', () => {}); // a wrangler that exits before reading its input
    child.stdin.end(input ?? '');
  });
  if (result.missing) fail('wrangler is not installed here: run npm install first (npm run deploy uses the wrangler of package.json)');
  return { ...result, output: `${result.stdout}\n${result.stderr}` };
}

export function wranglerRunner({ dryRun }) {
  return {
    dryRun,
    /** A command that changes nothing. */
    look: (args, options) => run(args, options),
    /** A command that changes something: printed as it would run (`shown` in place of a secret), run unless dry. */
    async change(args, { shown = args, ...options } = {}) {
      console.log(`    ${dryRun ? 'would run' : 'running'}: wrangler ${shown.join(' ')}`);
      return dryRun ? null : run(args, options);
    },
  };
}
