import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { CODE_LICENSE, DATA_RIGHTS } from '../rights';
import { DocsPage } from '../web/docs-page';
import { BOOKMARK_PARAMETER, BOOKMARK_PARAMETER_NAME } from './d1-session';
import { registerMessageKinds } from './message-kinds';
import { documentTags } from './tags';

/** `/openapi.json`, generated from the zod schemas that validate the requests, and `/docs` for people. */
export function mountDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'editorKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An editor key (rlk_…, made by POST /v1/admin/keys) or the ADMIN_TOKEN secret. Each operation names the scope its key needs: events:write, webhooks:manage or admin.',
  });
  app.openAPIRegistry.registerComponent('parameters', BOOKMARK_PARAMETER_NAME, BOOKMARK_PARAMETER);
  registerMessageKinds(app.openAPIRegistry);
  app.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Relations log',
      version: '1',
      description: 'An event-sourced record of bilateral relations: the log, its views, feeds and webhooks. ' +
        'Errors are RFC 9457 problem details (application/problem+json; the pages for people answer HTML). ' +
        'A method a path does not serve is answered 405 with an Allow header; OPTIONS answers with Allow too. ' +
        `The code is under the ${CODE_LICENSE.name} licence; of the data: ${DATA_RIGHTS}`,
      license: { name: CODE_LICENSE.name, identifier: CODE_LICENSE.identifier },
    },
    servers: [{ url: new URL(c.req.url).origin }],
    tags: documentTags(),
  }));
  app.get('/docs', (c) => c.html(DocsPage({ openapi: '/openapi.json' })));
}
