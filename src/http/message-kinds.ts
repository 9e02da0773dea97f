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
  'webhook-id': z.string().describe('msg_…: the same on every attempt, and for a message sent to several subscriptions on each'),
  'webhook-timestamp': z.string().describe('seconds since 1970, of this attempt'),
  'webhook-signature': z.string()
    .describe('space-separated signatures: v1,<base64 HMAC-SHA256> with a whsec_ secret, or v1a,<base64 ed25519> for a whpk_ public key; two during a rotation'),
});

const pascal = (kind: string) => kind.split(/[._]/).map((part) => part[0].toUpperCase() + part.slice(1)).join('');

/** Every kind of message as a webhook of the OpenAPI document (the `webhooks` of OpenAPI 3.1). */
export function registerMessageKinds(registry: OpenAPIHono<AppEnv>['openAPIRegistry']): void {
  for (const { kind, description, schema, subscribable } of MESSAGE_CATALOG) {
    registry.registerWebhook({
      method: 'post',
      path: kind,
      operationId: `receive${pascal(kind)}`,
      tags: ['Webhooks'],
      summary: `The ${kind} message`,
      description: `${description}${subscribable ? '' : ' (not subscribable: sent on request)'}. Signed as Standard Webhooks; the body is the same bytes on every attempt.`,
      security: [],
      request: { headers: Headers, body: { required: true, content: { 'application/json': { schema } } } },
      responses: {
        200: { description: 'Any 2xx: received. Anything else, a redirect or no answer within the timeout is retried.' },
        410: { description: 'Gone: the subscription is disabled at once' },
      },
    });
  }
}

let catalog: z.input<typeof MessageKinds> | undefined;

/** The catalog, made once per isolate: it never changes while the code does not. */
function kindsCatalog(): z.input<typeof MessageKinds> {
  catalog ??= {
    kinds: MESSAGE_CATALOG.map(({ kind, subscribable, description, schema, example }) => ({
      kind,
      subscribable,
      description,
      schema: z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>,
      example: example as Record<string, unknown>,
    })),
  };
  return catalog;
}

const kinds = publicRoute({
  method: 'get',
  path: '/v1/webhooks/kinds',
  operationId: 'listWebhookKinds',
  tags: ['Webhooks'],
  summary: 'Every kind of webhook message, with the schema of its payload and an example',
  description: 'The JSON Schemas are made from the same zod schemas that build the messages, as the `webhooks` of this document are. No credentials needed: what the messages look like is public.',
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
