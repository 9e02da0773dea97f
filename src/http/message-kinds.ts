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

let catalog: z.input<typeof MessageKinds> | undefined;

/**
 * The catalog, made once per isolate: each kind's schema as the OpenAPI document's `webhooks` has it, from the
 * same registration run through the same generator.
 */
function kindsCatalog(): z.input<typeof MessageKinds> {
  if (!catalog) {
    const documented = new OpenAPIHono();
    registerMessageKinds(documented.openAPIRegistry);
    const { webhooks = {} } = documented.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Relations log messages', version: '1' } });
    const schemaOf = (kind: string) => {
      const operation = (webhooks[kind] as { post?: { requestBody?: { content?: Record<string, { schema?: unknown }> } } }).post;
      return operation?.requestBody?.content?.['application/json']?.schema as Record<string, unknown>;
    };
    catalog = {
      kinds: MESSAGE_CATALOG.map(({ kind, subscribable, description, example }) => ({
        kind, subscribable, description, schema: schemaOf(kind), example: example as Record<string, unknown>,
      })),
    };
  }
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

messageKindRoutes.openapi(kinds, (c) => c.json(kindsCatalog(), 200));
