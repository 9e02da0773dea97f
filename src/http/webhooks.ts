import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { LOG_LANGUAGE } from '../i18n/languages';
import type { AppEnv } from '../env';
import { recoverFailed, retryDelivery, sendTestMessage } from '../webhooks/actions';
import { nextLocalHour } from '../domain/local-time';
import {
  CreateSubscription, DeliveriesQuery, Delivery, DeliveryParams, ListQuery, PatchSubscription, RecoverQuery,
  RotatedSecret, RotateSecret, Subscription, SubscriptionId, SubscriptionWithSecret,
} from '../webhooks/api-schemas';
import { deliveriesOf } from '../webhooks/delivery-log';
import { keyringOf } from '../webhooks/sealed-secrets';
import { webhookSettings } from '../webhooks/settings';
import {
  createSubscription, deleteSubscription, listSubscriptions, rotateSecret, subscriptionById, updateSubscription,
  type Subscription as StoredSubscription,
} from '../webhooks/subscriptions';
import { webhookUrlProblem } from '../webhooks/url-guard';
import type { RouteDefinition } from './documented-route';
import { editorRoute } from './editor-auth';
import { publicOrigin } from './origin';
import { notFound, problem, validationHook } from './problem';
import { jsonContent, NOT_STORED, problemContent } from './schemas';
import type { ApiTag } from './tags';
import { unsealable } from './unsealable';

/** Webhook subscriptions and their delivery log: the webhooks:manage scope. */
export const webhookRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const guarded = <R extends Omit<RouteDefinition, 'tags'>>(route: R) =>
  editorRoute('webhooks:manage', { ...route, tags: ['Webhooks'] as [ApiTag] });

const notFoundResponse = { 404: problemContent('No such subscription') };
const noSuchSubscription = (c: Context) => notFound(c, 'no subscription has this id');
const idParams = { params: SubscriptionId };
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const disabledProblem = (c: Context, reason: string) =>
  problem(c, 409, {
    type: '/problems/subscription-disabled',
    title: 'The subscription is disabled',
    detail: `it was disabled (${reason}); enable it first with PATCH {"enabled": true}`,
  });

/** A subscription as the API shows it: with when its next anniversary.today is due. */
function shown(c: Context<AppEnv>, subscription: StoredSubscription) {
  const { timeZone, hour } = subscription.anniversary;
  const wanted = subscription.enabled && subscription.events.includes('anniversary.today');
  const next = wanted ? nextLocalHour(timeZone, hour ?? webhookSettings(c.env).anniversaryHour, Date.now()) : null;
  return { ...subscription, anniversary: { ...subscription.anniversary, next: next && new Date(next.start).toISOString() } };
}

/** A URL the guard refuses is a 422 naming `/url`, like any invalid field. */
function refusedUrl(c: Context<AppEnv>, url: string | undefined) {
  const refused = url === undefined ? null : webhookUrlProblem(url, webhookSettings(c.env).allowHttpLocal);
  return refused && problem(c, 422, {
    type: '/problems/invalid-body',
    title: 'The request body is not valid',
    detail: refused,
    errors: [{ pointer: '/url', detail: refused }],
  });
}

const create = guarded({
  method: 'post',
  path: '/v1/webhooks',
  operationId: 'createWebhook',
  summary: 'Subscribe a URL to webhooks',
  description: 'Answers the signing secret (whsec_…) this once, stored sealed; for v1a, the public key (whpk_…). `anniversary`: the time zone, local hour and 29 February rule of anniversary.today.',
  request: body(CreateSubscription),
  responses: {
    201: jsonContent(SubscriptionWithSecret, 'Subscribed'),
    422: problemContent('An invalid field'),
    503: problemContent('WEBHOOK_SECRET_KEY is not set or not valid: no secret can be stored'),
  },
});

webhookRoutes.openapi(create, async (c) => {
  const input = c.req.valid('json');
  const refused = refusedUrl(c, input.url);
  if (refused) return refused;
  const keyring = await keyringOf(c.env);
  if (!keyring.current) return unsealable(c, keyring);
  const { subscription, secret } = await createSubscription(c.var.db, {
    url: input.url,
    events: [...new Set(input.events)],
    relations: input.relations ?? null,
    types: input.types ?? null,
    tags: input.tags ?? null,
    description: input.description ?? null,
    anniversary: {
      timeZone: input.anniversary?.timeZone ?? 'UTC',
      hour: input.anniversary?.hour ?? null,
      february29: input.anniversary?.february29 ?? 'feb28',
      language: input.anniversary?.language ?? LOG_LANGUAGE,
    },
    signatureScheme: input.signatureScheme ?? 'v1',
  }, new Date().toISOString(), keyring, publicOrigin(c));
  return c.json({ ...shown(c, subscription), secret }, 201, NOT_STORED);
});

const list = guarded({
  method: 'get',
  path: '/v1/webhooks',
  operationId: 'listWebhooks',
  description: 'Every subscription, with its URL, kinds, filters, whether it is enabled, and since when its deliveries fail; its secret is never shown again.',
  summary: 'Every subscription, in id order',
  request: { query: ListQuery },
  responses: { 200: jsonContent(z.object({ webhooks: z.array(Subscription), next: z.string().nullable() }), 'A page') },
});

webhookRoutes.openapi(list, async (c) => {
  const { after, limit } = c.req.valid('query');
  const webhooks = await listSubscriptions(c.var.db, after, limit);
  const last = webhooks.at(-1);
  const next = webhooks.length === limit && last ? `/v1/webhooks?after=${last.id}&limit=${limit}` : null;
  return c.json({ webhooks: webhooks.map((subscription) => shown(c, subscription)), next }, 200);
});

const one = guarded({
  method: 'get',
  path: '/v1/webhooks/{id}',
  operationId: 'getWebhook',
  description: 'The subscription, as listed.',
  summary: 'One subscription',
  request: idParams,
  responses: { 200: jsonContent(Subscription, 'The subscription'), ...notFoundResponse },
});

webhookRoutes.openapi(one, async (c) => {
  const subscription = await subscriptionById(c.var.db, c.req.valid('param').id);
  return subscription ? c.json(shown(c, subscription), 200) : noSuchSubscription(c);
});

const patch = guarded({
  method: 'patch',
  path: '/v1/webhooks/{id}',
  operationId: 'updateWebhook',
  description: 'Only the fields sent change. `enabled: true` brings back a disabled subscription. Its links follow the origin of this request (unless PUBLIC_ORIGIN is set).',
  summary: 'Change the URL, the events, the filters or whether it is enabled',
  request: { ...idParams, ...body(PatchSubscription) },
  responses: { 200: jsonContent(Subscription, 'Changed'), ...notFoundResponse, 422: problemContent('An invalid field') },
});

webhookRoutes.openapi(patch, async (c) => {
  const changes = c.req.valid('json');
  const refused = refusedUrl(c, changes.url);
  if (refused) return refused;
  const events = changes.events && [...new Set(changes.events)];
  const updated = await updateSubscription(
    c.var.db, c.req.valid('param').id, { ...changes, events }, new Date().toISOString(), publicOrigin(c),
  );
  return updated ? c.json(shown(c, updated), 200) : noSuchSubscription(c);
});

const remove = guarded({
  method: 'delete',
  path: '/v1/webhooks/{id}',
  operationId: 'deleteWebhook',
  description: 'No more messages are sent to it; deliveries still pending are dropped.',
  summary: 'Unsubscribe: the subscription and its delivery log are deleted',
  request: idParams,
  responses: { 204: { description: 'Deleted' }, ...notFoundResponse },
});

webhookRoutes.openapi(remove, async (c) => {
  const deleted = await deleteSubscription(c.var.db, c.req.valid('param').id);
  return deleted ? c.body(null, 204) : noSuchSubscription(c);
});

const rotate = guarded({
  method: 'post',
  path: '/v1/webhooks/{id}/rotate-secret',
  operationId: 'rotateWebhookSecret',
  description: 'Answers the new secret this once (v1a: the public key); the one it replaces signs beside it for 24 hours. `signatureScheme` changes the scheme the same way.',
  summary: 'A new signing secret; for 24 hours messages carry signatures by both',
  request: { ...idParams, body: { required: false, content: { 'application/json': { schema: RotateSecret } } } },
  responses: {
    200: jsonContent(RotatedSecret, 'The new secret (or public key), shown this once'),
    422: problemContent('An invalid field'),
    ...notFoundResponse,
    503: problemContent('WEBHOOK_SECRET_KEY is not set or not valid: no secret can be stored'),
  },
});

webhookRoutes.openapi(rotate, async (c) => {
  const keyring = await keyringOf(c.env);
  if (!keyring.current) return unsealable(c, keyring);
  const rotated = await rotateSecret(c.var.db, c.req.valid('param').id, new Date(), keyring, c.req.valid('json')?.signatureScheme);
  return rotated ? c.json(rotated, 200, NOT_STORED) : noSuchSubscription(c);
});

const test = guarded({
  method: 'post',
  path: '/v1/webhooks/{id}/test',
  operationId: 'testWebhook',
  summary: 'Send a webhook.test message now',
  description: 'Answers the delivery with its first attempt; if it failed, it is retried like any other.',
  request: idParams,
  responses: {
    200: jsonContent(Delivery, 'The delivery and its attempt'),
    ...notFoundResponse,
    409: problemContent('The subscription is disabled'),
  },
});

webhookRoutes.openapi(test, async (c) => {
  const sent = await sendTestMessage(c.var.db, c.env, c.req.valid('param').id);
  if (!sent) return noSuchSubscription(c);
  if (sent.kind === 'disabled') return disabledProblem(c, sent.reason);
  return c.json(sent.delivery, 200);
});

const deliveries = guarded({
  method: 'get',
  path: '/v1/webhooks/{id}/deliveries',
  operationId: 'listWebhookDeliveries',
  description: 'Each delivery with its message id and every attempt (time, status code, latency, the first 2 KB of the answer, the error), filtered by status.',
  summary: 'The delivery log: each message with its attempts, newest first',
  request: { ...idParams, query: DeliveriesQuery },
  responses: {
    200: jsonContent(z.object({ deliveries: z.array(Delivery), next: z.string().nullable() }), 'A page of deliveries'),
    ...notFoundResponse,
  },
});

webhookRoutes.openapi(deliveries, async (c) => {
  const { id } = c.req.valid('param');
  const query = c.req.valid('query');
  const page = await deliveriesOf(c.var.db, id, query);
  if (!page) return noSuchSubscription(c);
  const status = query.status ? `&status=${query.status}` : '';
  const next = page.before === null ? null : `/v1/webhooks/${id}/deliveries?before=${page.before}&limit=${query.limit}${status}`;
  return c.json({ deliveries: page.deliveries, next }, 200);
});

const retry = guarded({
  method: 'post',
  path: '/v1/webhooks/{id}/deliveries/{deliveryId}/retry',
  operationId: 'retryWebhookDelivery',
  description: 'The same message (the same webhook-id and body), with a fresh round of attempts on the retry schedule.',
  summary: 'Send a delivery again, with a fresh round of retries',
  request: { params: DeliveryParams },
  responses: {
    202: jsonContent(Delivery, 'Queued'),
    404: problemContent('No such subscription or delivery'),
    409: problemContent('The delivery is still pending, or the subscription is disabled'),
  },
});

webhookRoutes.openapi(retry, async (c) => {
  const { id, deliveryId } = c.req.valid('param');
  const retried = await retryDelivery(c.var.db, c.env, id, deliveryId);
  if (!retried) return noSuchSubscription(c);
  if (retried.kind === 'missing') return notFound(c, 'this subscription has no delivery with this id');
  if (retried.kind === 'disabled') return disabledProblem(c, retried.reason);
  if (retried.kind === 'pending') {
    return problem(c, 409, { type: '/problems/delivery-pending', title: 'The delivery is pending', detail: 'it is already waiting for its next attempt' });
  }
  return c.json(retried.delivery, 202);
});

const recover = guarded({
  method: 'post',
  path: '/v1/webhooks/{id}/recover',
  operationId: 'recoverWebhookDeliveries',
  description: 'Every delivery of the subscription that failed since `since` is sent again with a fresh round of attempts; answers how many.',
  summary: 'Send again every delivery that failed since an instant',
  request: { ...idParams, query: RecoverQuery },
  responses: {
    202: jsonContent(z.object({ recovered: z.number().int(), deliveries: z.array(z.string()) }), 'Queued'),
    ...notFoundResponse,
    409: problemContent('The subscription is disabled'),
  },
});

webhookRoutes.openapi(recover, async (c) => {
  const recovered = await recoverFailed(c.var.db, c.env, c.req.valid('param').id, c.req.valid('query').since);
  if (!recovered) return noSuchSubscription(c);
  if (recovered.kind === 'disabled') return disabledProblem(c, recovered.reason);
  return c.json({ recovered: recovered.recovered, deliveries: recovered.deliveries }, 202);
});
