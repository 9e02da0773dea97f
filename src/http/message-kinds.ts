import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { MessageKinds } from '../webhooks/api-schemas';
import { MESSAGE_CATALOG } from '../webhooks/message-catalog';
import { publicRoute } from './documented-route';
import { problemResponse, validationHook } from './problem';
import { jsonContent } from './schemas';

/**
 * The messages the service sends, in the contract: each kind in the OpenAPI document's `webhooks`, with the
 * JSON Schema of its payload made from the zod schema that builds it, and `GET /v1/webhooks/kinds`, the same
 * for a consumer to read at run time.
 */
export const messageKindRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const Headers = z.object({
  'webhook-id': z.string().describe('the same on every attempt'),
  'webhook-timestamp': z.string(),
  'webhook-signature': z.string().describe('v1,<HMAC> or v1a,<ed25519>, space-separated'),
});

const pascal = (kind: string) => kind.split(/[._]/).map((part) => part[0].toUpperCase() + part.slice(1)).join('');

/** Every kind of message as a webhook of the OpenAPI document (the `webhooks` of OpenAPI 3.1). */
export function registerMessageKinds(registry: OpenAPIHono['openAPIRegistry']): void {
  for (const { kind, description, schema } of MESSAGE_CATALOG) {
    registry.registerWebhook({
      method: 'post',
      path: kind,
      operationId: `receive${pascal(kind)}`,
      tags: ['Webhooks'],
      summary: `The ${kind} message`,
      description: `${description}. Standard Webhooks, the same bytes on every attempt.`,
      security: [],
      request: { headers: Headers, body: { required: true, content: { 'application/json': { schema } } } },
      responses: {
        200: { description: 'Any 2xx: received; anything else is retried' },
        410: { description: 'Gone: the subscription is disabled' },
      },
    });
  }
}

let catalog: Promise<z.input<typeof MessageKinds>> | undefined;

/**
 * The catalog, made once per isolate: each kind's schema as the OpenAPI document's `webhooks` has it, read from
 * the document the build generated from the same registration (src/openapi/document.ts, a static file).
 */
function kindsCatalog(assets: Fetcher): Promise<z.input<typeof MessageKinds>> {
  catalog ??= (async () => {
    const document = await assets.fetch('https://assets.invalid/openapi.json');
    if (!document.ok) throw new Error(`the OpenAPI document is missing from the static files (${document.status}): see scripts/build-assets.mjs`);
    const { webhooks = {} } = await document.json<{ webhooks?: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: unknown }> } } }> }>();
    const schemaOf = (kind: string) => webhooks[kind]?.post?.requestBody?.content?.['application/json']?.schema as Record<string, unknown>;
    return {
      kinds: MESSAGE_CATALOG.map(({ kind, subscribable, description, example }) => ({
        kind, subscribable, description, schema: schemaOf(kind), example: example as Record<string, unknown>,
      })),
    };
  })().catch((error) => {
    catalog = undefined;
    throw error;
  });
  return catalog;
}

const kinds = publicRoute({
  method: 'get',
  path: '/v1/webhooks/kinds',
  operationId: 'listWebhookKinds',
  tags: ['Webhooks'],
  summary: 'Every kind of webhook message, with the schema of its payload and an example',
  description: 'The schemas are those of the `webhooks` of this document. Public.',
  responses: { 200: jsonContent(MessageKinds, 'The kinds') },
});

// /v1/webhooks/{id} would take any other method for a subscription's id: this path answers only GET and HEAD.
const ALLOW = 'GET, HEAD, OPTIONS';
messageKindRoutes.all('/v1/webhooks/kinds', async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  if (c.req.method === 'OPTIONS') return c.body(null, 204, { allow: ALLOW });
  return problemResponse(
    { title: 'Method Not Allowed', status: 405, detail: `/v1/webhooks/kinds answers ${ALLOW}, not ${c.req.method}` },
    { allow: ALLOW },
  );
});

messageKindRoutes.openapi(kinds, async (c) => c.json(await kindsCatalog(c.env.ASSETS), 200));
