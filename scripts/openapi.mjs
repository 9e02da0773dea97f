// Writes the Worker's OpenAPI document to a file (default: .wrangler/openapi.json), as /openapi.json serves it:
// the Worker is started locally with wrangler (its own config, a throwaway D1), asked once, and stopped.
// `npm run lint:openapi` lints what it writes with Redocly's recommended rules (redocly.yaml).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unstable_startWorker } from 'wrangler';

const ROOT = resolve(import.meta.dirname, '..');
const out = resolve(process.argv[2] ?? join(ROOT, '.wrangler', 'openapi.json'));
process.env.WRANGLER_SEND_METRICS = 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

const persist = mkdtempSync(join(tmpdir(), 'relations-openapi-'));
const worker = await unstable_startWorker({
  config: join(ROOT, 'wrangler.toml'),
  dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist, watch: false, logLevel: 'warn' },
});
try {
  await worker.ready;
  // The origin the document names as its server.
  const response = await worker.fetch('https://relations.example/openapi.json');
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}: ${await response.text()}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(await response.json(), null, 2) + '\n');
  console.log(`wrote ${out}`);
} finally {
  await worker.dispose();
  rmSync(persist, { recursive: true, force: true });
}
