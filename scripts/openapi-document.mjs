// The OpenAPI document of the Worker, generated in Node from its own code: src/openapi/document.ts bundled by
// esbuild with the real @asteasolutions/zod-to-openapi (the Worker has only a registry in its place, see
// src/openapi/registry.ts) and zod as the Worker has it (wrangler.toml `[alias]`), then run. The modules the
// Workers runtime provides (`cloudflare:workers`, `cloudflare:workflows`) are stood in for by empty classes:
// defining the routes needs none of them.
import { rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');

const RUNTIME_MODULES = {
  'cloudflare:workers': 'export class WorkflowEntrypoint {}\nexport class WorkerEntrypoint {}\nexport class DurableObject {}\n',
  'cloudflare:workflows': 'export class NonRetryableError extends Error {}\n',
};

const runtimeModules = {
  name: 'workers-runtime-modules',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^cloudflare:/ }, ({ path }) => ({ path, namespace: 'workers-runtime' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'workers-runtime' }, ({ path }) => {
      if (!(path in RUNTIME_MODULES)) return { errors: [{ text: `${path} has no stand-in in scripts/openapi-document.mjs` }] };
      return { contents: RUNTIME_MODULES[path], loader: 'js' };
    });
  },
};

/** The document, as JSON text (as the Worker serves it). */
export async function openApiDocumentText() {
  const { outputFiles } = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/openapi/document.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: 'openapi-document.mjs',
    alias: { zod: './src/zod/index.ts' },
    plugins: [runtimeModules],
    logLevel: 'silent',
  });
  const dir = mkdtempSync(join(tmpdir(), 'relations-openapi-'));
  try {
    const module = join(dir, 'openapi-document.mjs');
    writeFileSync(module, outputFiles[0].contents);
    const { openApiDocument } = await import(pathToFileURL(module).href);
    return JSON.stringify(openApiDocument());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(await openApiDocumentText());
