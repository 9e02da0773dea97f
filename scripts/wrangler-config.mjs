// wrangler.toml copied into another directory, with another entry and every path made absolute: so that a
// server or a test run has the Worker's own bindings, queues and crons, and the secrets of that directory's
// `.dev.vars` (or none), never the developer's.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Writes `dir`/wrangler.toml with `main` as its entry (and `minify`, when given); answers its path. */
export function writeConfigCopy(dir, main, { minify } = {}) {
  let config = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')
    .replace(/^main\s*=.*$/m, `main = ${JSON.stringify(main)}`)
    .replace(/^(\s*(?:migrations_dir|directory|cwd|watch_dir)\s*=\s*)"([^"]+)"/gm, (_, key, path) => `${key}${JSON.stringify(resolve(ROOT, path))}`)
    // Module aliases ("zod" = "./src/zod/index.ts") are paths too.
    .replace(/^(\s*"[^"]+"\s*=\s*)"(\.\.?\/[^"]+)"/gm, (_, key, path) => `${key}${JSON.stringify(resolve(ROOT, path))}`);
  if (minify !== undefined) config = config.replace(/^minify\s*=.*$/m, `minify = ${minify}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'wrangler.toml'), config);
  return join(dir, 'wrangler.toml');
}
