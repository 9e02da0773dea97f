// wrangler.toml copied into another directory, with another entry and every path made absolute: so that a
// server or a test run has the Worker's own bindings, queues and crons, and the secrets of that directory's
// `.dev.vars` (or none), never the developer's.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** A section of wrangler.toml (`[build]`), up to the next section. */
const section = (name) => new RegExp(`^\\[${name}\\]\\n(?:(?!\\[).*\\n?)*`, 'm');

/**
 * Writes `dir`/wrangler.toml with `main` as its entry (and `minify`, when given); answers its path.
 *
 * `devServer`: for a `wrangler dev` whose static files are already built. Without `[build]`, which wrangler
 * 4.86's dev runs twice at every start (once to find the entry, again when its file watcher is ready: fixed
 * in later releases), so the caller builds them once itself; and without `[triggers]`, which `wrangler dev`
 * never fires, and for which it prints a hint, `curl …/cdn-cgi/handler/scheduled`, that its assets proxy
 * answers with `exception` (dev/worker.js's `/__scheduled` fires the cron instead).
 */
export function writeConfigCopy(dir, main, { minify, devServer = false } = {}) {
  let config = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')
    .replace(/^main\s*=.*$/m, `main = ${JSON.stringify(main)}`)
    .replace(/^(\s*(?:migrations_dir|directory|cwd|watch_dir)\s*=\s*)"([^"]+)"/gm, (_, key, path) => `${key}${JSON.stringify(resolve(ROOT, path))}`)
    // A list of paths (`watch_dir = ["public", "src"]`).
    .replace(/^(\s*watch_dir\s*=\s*)\[([^\]]*)\]/gm, (_, key, paths) => `${key}[${paths.replace(/"([^"]+)"/g, (__, path) => JSON.stringify(resolve(ROOT, path)))}]`)
    // Module aliases ("zod" = "./src/zod/index.ts") are paths too.
    .replace(/^(\s*"[^"]+"\s*=\s*)"(\.\.?\/[^"]+)"/gm, (_, key, path) => `${key}${JSON.stringify(resolve(ROOT, path))}`);
  if (minify !== undefined) config = config.replace(/^minify\s*=.*$/m, `minify = ${minify}`);
  if (devServer) config = config.replace(section('build'), '').replace(section('triggers'), '');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'wrangler.toml'), config);
  return join(dir, 'wrangler.toml');
}
