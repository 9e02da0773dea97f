import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { enqueueDeliveries } from '../webhooks/dispatch';
import { newDeliveryIds } from '../webhooks/outbox';
import { cachedResponsesChanged } from './response-cache';

/**
 * Everything that follows an append once it has committed, in one place, with the request's own
 * bindings and execution context:
 * - the cached responses of the relation and of "all" go stale before the answer is sent, so no reader
 *   in this data center, through any host name, sees a response older than an append that has answered;
 * - the new deliveries (`event.recorded`, and WebSub's distributions) go to the queue after it, without
 *   holding the answer up (should that be lost, the cron finds them still pending and queues them).
 */
export async function afterAppendCommitted(c: Context<AppEnv>, relation: string, keptInStep: Record<string, unknown>[]): Promise<void> {
  await cachedResponsesChanged(c.env, [relation]);
  // The append's own batch returned the deliveries it wrote: queueing them reads nothing.
  const deliveries = newDeliveryIds(keptInStep);
  if (!deliveries.length) return;
  c.executionCtx.waitUntil(
    enqueueDeliveries(c.env.WEBHOOK_DELIVERIES, deliveries)
      .catch((error) => console.error('deliveries of an append: queueing failed; the cron will queue them', error)),
  );
}
