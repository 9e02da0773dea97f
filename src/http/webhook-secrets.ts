import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { resealSecrets } from '../webhooks/reseal';
import { keyringOf } from '../webhooks/sealed-secrets';
import { editorRoute } from './editor-auth';
import { validationHook } from './problem';
import { jsonContent, problemContent } from './schemas';
import { unsealable } from './unsealable';

/** Resealing the webhook signing secrets at rest under the current key: admin scope. */
export const webhookSecretRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const reseal = editorRoute('admin', {
  method: 'post',
  path: '/v1/admin/webhook-secrets/reseal',
  operationId: 'resealWebhookSecrets',
  tags: ['Admin'],
  summary: 'Seal every webhook secret under the current WEBHOOK_SECRET_KEY',
  description:
    'Seals secrets stored in plain text (before secrets were sealed) and secrets sealed under WEBHOOK_SECRET_KEY_PREVIOUS, and drops replaced secrets whose overlap has ended. Up to 2,000 subscriptions per call: while `next` is not null, call again with `after=next`. Safe to repeat.',
  request: {
    query: z.object({ after: z.string().max(100).default('').describe('continue after this subscription id (the `next` of the previous call)') }),
  },
  responses: {
    200: jsonContent(
      z.object({
        resealed: z.number().int().describe('subscriptions whose stored secrets were rewritten'),
        unreadable: z.array(z.object({ id: z.string(), reason: z.string() }))
          .describe('subscriptions whose secrets open under neither key: rotate their secret'),
        next: z.string().nullable(),
      }),
      'Resealed',
    ),
    503: problemContent('WEBHOOK_SECRET_KEY is not set or not valid'),
  },
});

webhookSecretRoutes.openapi(reseal, async (c) => {
  const keyring = await keyringOf(c.env);
  if (!keyring.current) return unsealable(c, keyring);
  return c.json(await resealSecrets(c.var.db, keyring, new Date(), c.req.valid('query').after), 200);
});
