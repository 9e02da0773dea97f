import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { DocsPage } from '../web/docs-page';

/** `/openapi.json`, generated from the zod schemas that validate the requests, and `/docs` for people. */
export function mountDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'editorKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An editor key (rlk_…, made by POST /v1/admin/keys) or the ADMIN_TOKEN secret. Each operation names the scope its key needs: events:write, webhooks:manage or admin.',
  });
  app.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Relations log',
      version: '1',
      description: 'An event-sourced record of bilateral relations: the log, its views, feeds and webhooks.',
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  app.get('/docs', (c) => c.html(DocsPage({ openapi: '/openapi.json' })));
}
