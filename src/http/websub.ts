import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { enqueueVerifications } from '../webhooks/dispatch';
import { keyringOf, sealSecret } from '../webhooks/sealed-secrets';
import { webhookSettings } from '../webhooks/settings';
import { webhookUrlProblem } from '../webhooks/url-guard';
import { grantedLease, leaseBounds } from '../websub/settings';
import { requestVerification, websubSubscriptionId } from '../websub/subscriptions';
import { HUB_PATH } from '../websub/topics';
import { publicRoute } from './documented-route';
import { publicOrigin } from './origin';
import { invalidParameters, validationHook } from './problem';
import { jsonContent, problemContent } from './schemas';
import { unsealable } from './unsealable';
import { topicOf } from './websub-topics';

/**
 * The WebSub hub (W3C Recommendation): subscribing to a feed or page of the service, and unsubscribing.
 * A valid request is answered 202 and its callback asked through the queue (src/websub/verify.ts); what it
 * asks changes nothing until the callback has confirmed it.
 */
export const websubRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const HubRequest = z.object({
  'hub.mode': z.enum(['subscribe', 'unsubscribe']),
  'hub.topic': z.string().max(2000).describe('a feed or page of this service (its rel="self")'),
  'hub.callback': z.string().max(2000).describe('judged as a webhook URL is'),
  'hub.lease_seconds': z.string().regex(/^\d{1,10}$/, 'a positive number of seconds').optional()
    .describe('granted within WEBSUB_LEASE_SECONDS'),
  'hub.secret': z.string().optional().describe('under 200 bytes: distributions carry X-Hub-Signature: sha256=…'),
});

const hub = publicRoute({
  method: 'post',
  path: HUB_PATH,
  operationId: 'requestWebSubSubscription',
  tags: ['Feeds'],
  summary: 'The WebSub hub: subscribe to a feed or page, or unsubscribe',
  description: 'A WebSub form. Answered 202; then the callback is asked with a GET challenge, and only its echo makes, renews or ends the subscription. Until the lease ends, each append that changes the topic sends the callback its content.',
  request: { body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: HubRequest } } } },
  responses: {
    202: jsonContent(z.object({
      mode: z.enum(['subscribe', 'unsubscribe']),
      topic: z.string().describe('canonical'),
      callback: z.string(),
      leaseSeconds: z.number().int().nullable(),
      verification: z.literal('pending'),
    }), 'Accepted: the callback will be asked'),
    400: problemContent('A parameter is not valid: the problem names it'),
    415: problemContent('The body is not a form'),
    503: problemContent('WEBHOOK_SECRET_KEY is not set or not valid: hub.secret cannot be stored'),
  },
});

const refused = (parameter: string, detail: string) => invalidParameters([{ parameter, detail }]);

websubRoutes.openapi(hub, async (c) => {
  const form = c.req.valid('form');
  const origin = publicOrigin(c);
  const topic = topicOf(form['hub.topic'], origin);
  if (typeof topic === 'string') return refused('hub.topic', topic);
  const callback = form['hub.callback'];
  const callbackProblem = webhookUrlProblem(callback, webhookSettings(c.env).allowHttpLocal);
  if (callbackProblem) return refused('hub.callback', callbackProblem);
  const secret = form['hub.secret'];
  if (secret !== undefined && (secret === '' || new TextEncoder().encode(secret).length >= 200)) {
    return refused('hub.secret', 'a secret is 1 to 199 bytes');
  }
  const mode = form['hub.mode'];
  const asked = form['hub.lease_seconds'] === undefined ? undefined : Number(form['hub.lease_seconds']);
  const leaseSeconds = grantedLease(asked === 0 ? undefined : asked, leaseBounds(c.env.WEBSUB_LEASE_SECONDS));
  const subscriptionId = await websubSubscriptionId(topic.url, callback);
  const sealed = mode === 'subscribe' && secret !== undefined ? await sealedSecret(c, subscriptionId, secret) : null;
  if (sealed instanceof Response) return sealed;
  const id = `wsv_${crypto.randomUUID().replaceAll('-', '')}`;
  const kept = await requestVerification(c.var.db, {
    subscriptionId, mode, requestedTopic: form['hub.topic'], topic, callback, secret: sealed, leaseSeconds,
  }, id, new Date().toISOString());
  if (!kept) return refused('hub.topic', `no events have been recorded for ${topic.relation}: there is no such feed or page`);
  c.executionCtx.waitUntil(enqueueVerifications(c.env.WEBHOOK_DELIVERIES, [id])
    .catch((error) => console.error('websub: queueing a verification failed; the cron will queue it', error)));
  return c.json({ mode, topic: topic.url, callback, leaseSeconds: mode === 'subscribe' ? leaseSeconds : null, verification: 'pending' as const }, 202);
});

/** hub.secret sealed at rest as webhook secrets are; a 503 when there is no key to seal it with. */
async function sealedSecret(c: Context<AppEnv>, subscriptionId: string, secret: string): Promise<string | Response> {
  const keyring = await keyringOf(c.env);
  if (!keyring.current) return unsealable(c, keyring);
  return sealSecret(keyring, subscriptionId, secret);
}
