import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { wordsIn } from '../i18n/catalog';
import { LOG_LANGUAGE } from '../i18n/languages';
import { DocsPage } from '../web/docs-page';
import { pageWordsOf } from '../web/page-words';

/**
 * `/openapi.json`: the OpenAPI document the build generated from the zod schemas that validate the requests
 * (src/openapi/document.ts), kept among the static files under the same path and read through the ASSETS
 * binding. wrangler.toml has the Worker run first for this path, so that it answers with the headers of
 * every route (CORS, Server-Timing, 405 with Allow, OPTIONS). And `/docs`, the document for people.
 */
export function mountDocs(app: OpenAPIHono<AppEnv>): void {
  app.get('/openapi.json', async (c) => {
    const document = await c.env.ASSETS.fetch('https://assets.invalid/openapi.json');
    if (!document.ok) throw new Error(`the OpenAPI document is missing from the static files (${document.status}): see scripts/build-assets.mjs`);
    return c.body(await document.arrayBuffer(), 200, { 'content-type': 'application/json' });
  });
  app.get('/docs', async (c) => {
    const words = pageWordsOf(await wordsIn(c.env.ASSETS, LOG_LANGUAGE), false);
    return c.html(DocsPage({ words, openapi: '/openapi.json' }));
  });
}
