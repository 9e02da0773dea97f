import type { Context } from 'hono';
import { Hono } from 'hono';
import { callApi, problemDetail } from './api';
import type { DeskEnv } from './env';
import { WebhookPage, type Delivery, type ShownSecret } from './pages/webhook';
import { WebhooksPage, type Subscription } from './pages/webhooks';
import { signedIn } from './signed-in';

/** The subscribers' portal (webhooks:manage): every action is a call of the webhooks API, its answer shown. */
export const webhookRoutes = new Hono<DeskEnv>();

webhookRoutes.use('/webhooks', signedIn('webhooks:manage'));
webhookRoutes.use('/webhooks/*', signedIn('webhooks:manage'));

const subscriptionsOf = async (c: Context<DeskEnv>) =>
  (await callApi<{ webhooks: Subscription[] }>(c, 'GET', '/v1/webhooks')).body.webhooks ?? [];

const lines = (value: unknown) => {
  const list = String(value ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return list.length ? list : undefined;
};

webhookRoutes.get('/webhooks', async (c) => c.html(<WebhooksPage signedIn={c.var.signedIn} subscriptions={await subscriptionsOf(c)} />));

webhookRoutes.post('/webhooks', async (c) => {
  const body = await c.req.parseBody({ all: true });
  const events = [body.events ?? []].flat().map(String);
  const request = {
    url: String(body.url ?? '').trim(), events, relations: lines(body.relations), types: lines(body.types), tags: lines(body.tags),
    description: String(body.description ?? '').trim() || undefined,
  };
  const answer = await callApi<Subscription & { errors?: { pointer?: string; detail: string }[] }>(c, 'POST', '/v1/webhooks', { body: request });
  if (answer.status === 201) {
    const { secret, publicKey } = answer.body;
    return c.html(pageOf(c, answer.body, [], { shown: { secret: secret ?? null, publicKey }, notice: 'Subscribed.' }), 201);
  }
  const errors: Record<string, string> = {};
  for (const error of answer.body.errors ?? []) errors[(error.pointer ?? '').split('/')[1] || 'url'] = error.detail;
  if (Object.keys(errors).length === 0) errors.url = problemDetail(answer);
  const values = Object.fromEntries(Object.entries(body).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]));
  return c.html(<WebhooksPage signedIn={c.var.signedIn} subscriptions={await subscriptionsOf(c)} values={values} errors={errors} />, 422);
});

function pageOf(c: Context<DeskEnv>, subscription: Subscription, deliveries: Delivery[], extra: { shown?: ShownSecret; notice?: string; error?: string } = {}) {
  return <WebhookPage signedIn={c.var.signedIn} subscription={subscription} deliveries={deliveries} {...extra} />;
}

/** The subscription and its delivery log (the 50 newest), or null. */
async function subscriptionOf(c: Context<DeskEnv>) {
  const id = encodeURIComponent(c.req.param('id') ?? '');
  const [subscription, log] = await Promise.all([
    callApi<Subscription>(c, 'GET', `/v1/webhooks/${id}`),
    callApi<{ deliveries: Delivery[] }>(c, 'GET', `/v1/webhooks/${id}/deliveries?limit=50`),
  ]);
  return subscription.status === 200 ? { subscription: subscription.body, deliveries: log.body.deliveries ?? [] } : null;
}

const NOTICES: Record<string, string> = {
  paused: 'Paused: no message is sent until you resume it.',
  resumed: 'Resumed: messages are sent again.',
  tested: 'A test message was sent: see it in the delivery log below (reload to see its attempts).',
  retried: 'The delivery is sent again, with a fresh round of retries.',
};

webhookRoutes.get('/webhooks/:id', async (c) => {
  const found = await subscriptionOf(c);
  if (!found) return c.redirect('/desk/webhooks', 303);
  const notice = Object.keys(NOTICES).find((key) => c.req.query(key) !== undefined);
  const recovered = c.req.query('recovered');
  return c.html(pageOf(c, found.subscription, found.deliveries, {
    notice: recovered !== undefined ? `${recovered} failed ${recovered === '1' ? 'delivery is' : 'deliveries are'} sent again.` : notice && NOTICES[notice],
  }));
});

/** One action of the API on the subscription; then back to its page, saying what was done or what the API refused. */
async function act(c: Context<DeskEnv>, method: string, path: string, done: string, body?: unknown) {
  const id = encodeURIComponent(c.req.param('id') ?? '');
  const answer = await callApi<{ recovered?: number }>(c, method, `/v1/webhooks/${id}${path}`, { body });
  if (answer.status >= 200 && answer.status < 300) {
    return c.redirect(`/desk/webhooks/${id}?${done}${done === 'recovered' ? `=${answer.body.recovered ?? 0}` : ''}`, 303);
  }
  const found = await subscriptionOf(c);
  if (!found) return c.redirect('/desk/webhooks', 303);
  return c.html(pageOf(c, found.subscription, found.deliveries, { error: problemDetail(answer) }), answer.status === 404 ? 404 : 422);
}

webhookRoutes.post('/webhooks/:id/pause', (c) => act(c, 'PATCH', '', 'paused', { enabled: false }));
webhookRoutes.post('/webhooks/:id/resume', (c) => act(c, 'PATCH', '', 'resumed', { enabled: true }));
webhookRoutes.post('/webhooks/:id/test', (c) => act(c, 'POST', '/test', 'tested'));
webhookRoutes.post('/webhooks/:id/deliveries/:delivery/retry', (c) =>
  act(c, 'POST', `/deliveries/${encodeURIComponent(c.req.param('delivery'))}/retry`, 'retried'));

webhookRoutes.post('/webhooks/:id/recover', async (c) => {
  const since = String((await c.req.parseBody()).since ?? '');
  // datetime-local has no zone: the form says UTC.
  const instant = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(since) ? `${since.length === 16 ? `${since}:00` : since}Z` : since;
  return act(c, 'POST', `/recover?since=${encodeURIComponent(instant)}`, 'recovered');
});

webhookRoutes.post('/webhooks/:id/rotate', async (c) => {
  const id = encodeURIComponent(c.req.param('id'));
  const answer = await callApi<ShownSecret>(c, 'POST', `/v1/webhooks/${id}/rotate-secret`, { body: {} });
  const found = await subscriptionOf(c);
  if (!found) return c.redirect('/desk/webhooks', 303);
  if (answer.status !== 200) return c.html(pageOf(c, found.subscription, found.deliveries, { error: problemDetail(answer) }), 422);
  return c.html(pageOf(c, found.subscription, found.deliveries, { shown: answer.body, notice: 'The secret was rotated.' }));
});

webhookRoutes.post('/webhooks/:id/delete', async (c) => {
  await callApi(c, 'DELETE', `/v1/webhooks/${encodeURIComponent(c.req.param('id'))}`);
  return c.redirect('/desk/webhooks', 303);
});
