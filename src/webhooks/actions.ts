import type { Db } from '../store/db';
import { attemptDeliveries } from './attempt';
import { restartDelivery, restartFailedSince } from './deliveries';
import { deliveryById } from './delivery-log';
import { enqueueDeliveries } from './dispatch';
import { testMessage } from './messages';
import { singleOutbox } from './outbox';
import { keyringOf } from './sealed-secrets';
import { webhookSettings } from './settings';
import { subscriptionById } from './subscriptions';

/** What an editor asks of one subscription's deliveries; each answers null for an unknown subscription. */

/**
 * Sends `webhook.test` now, through the outbox like any message, and answers the delivery with its
 * first attempt. If that attempt failed, the retries go through the queue as usual.
 */
export async function sendTestMessage(db: Db, env: Env, subscriptionId: string) {
  const subscription = await subscriptionById(db, subscriptionId);
  if (!subscription) return null;
  if (!subscription.enabled) return { kind: 'disabled', reason: subscription.disabled?.reason ?? 'disabled' } as const;
  const now = new Date().toISOString();
  const [, created] = await db.batch<{ id: string }>(singleOutbox(db, subscriptionId, testMessage(subscriptionId, now), now));
  const deliveryId = created.results[0].id;
  const [outcome] = await attemptDeliveries(db, [deliveryId], webhookSettings(env), await keyringOf(env));
  if (outcome?.verdict.status === 'pending') {
    await enqueueDeliveries(env.WEBHOOK_DELIVERIES, [deliveryId], outcome.verdict.delaySeconds);
  }
  return { kind: 'ok', delivery: (await deliveryById(db, subscriptionId, deliveryId))! } as const;
}

/** Starts a new round of attempts for a delivery that failed (or is to be sent again). */
export async function retryDelivery(db: Db, env: Env, subscriptionId: string, deliveryId: string) {
  const subscription = await subscriptionById(db, subscriptionId);
  if (!subscription) return null;
  if (!subscription.enabled) return { kind: 'disabled', reason: subscription.disabled?.reason ?? 'disabled' } as const;
  const before = await restartDelivery(db, subscriptionId, deliveryId, new Date().toISOString());
  if (before === null) return { kind: 'missing' } as const;
  if (before === 'pending') return { kind: 'pending' } as const;
  await enqueueDeliveries(env.WEBHOOK_DELIVERIES, [deliveryId]);
  return { kind: 'ok', delivery: (await deliveryById(db, subscriptionId, deliveryId))! } as const;
}

/** Sends again every delivery of the subscription that failed since an instant. */
export async function recoverFailed(db: Db, env: Env, subscriptionId: string, since: string) {
  const subscription = await subscriptionById(db, subscriptionId);
  if (!subscription) return null;
  if (!subscription.enabled) return { kind: 'disabled', reason: subscription.disabled?.reason ?? 'disabled' } as const;
  const ids = await restartFailedSince(db, subscriptionId, new Date(since).toISOString(), new Date().toISOString());
  await enqueueDeliveries(env.WEBHOOK_DELIVERIES, ids);
  return { kind: 'ok', recovered: ids.length, deliveries: ids } as const;
}
