import { app } from '../app';
import { BOOKMARK_PARAMETER, BOOKMARK_PARAMETER_NAME } from '../http/d1-session';
import { registerMessageKinds } from '../http/message-kinds';
import { registerFeeds } from './feeds';
import { registerPages } from './pages';
import { documentTags } from '../http/tags';
import { CODE_LICENSE, DATA_RIGHTS } from '../rights';

/**
 * The OpenAPI document of the app, generated from the definitions its routes registered (the same zod schemas
 * that validate the requests). Never part of the Worker: scripts/build-assets.mjs runs this in Node, with the
 * real zod-to-openapi, and writes what it answers to build/assets/openapi.json, which the Worker serves as
 * `/openapi.json` (src/http/docs.ts).
 */
export function openApiDocument() {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'editorKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An editor key (rlk_…, made by POST /v1/admin/keys), a session started with one (rls_…, POST /v1/sessions) or the ADMIN_TOKEN secret. Each operation names the scope its key needs: events:write, webhooks:manage or admin.',
  });
  registry.registerComponent('parameters', BOOKMARK_PARAMETER_NAME, BOOKMARK_PARAMETER);
  registerFeeds(registry);
  registerPages(registry);
  registerMessageKinds(registry);
  // OpenAPI 3.1's licence `identifier` (an SPDX expression), which the generator's types do not know yet.
  const info = {
    title: 'Relations log',
    version: '1',
    description: 'An event-sourced record of bilateral relations: the log, its views, feeds and webhooks. ' +
      'Errors are RFC 9457 problem details (application/problem+json; the pages for people answer HTML). ' +
      'A method a path does not serve is answered 405 with an Allow header; OPTIONS answers with Allow too. ' +
      `The code is under the ${CODE_LICENSE.name} licence; of the data: ${DATA_RIGHTS}`,
    license: { name: CODE_LICENSE.name, identifier: CODE_LICENSE.identifier },
  };
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info,
    // Relative, so the origin the document is read from (OpenAPI 3.1, 4.8.5): one document holds for every host
    // name the Worker answers on, as the request's origin did when the Worker generated it per request.
    servers: [{ url: '/', description: 'The origin this document is served from' }],
    tags: documentTags(),
  });
}
