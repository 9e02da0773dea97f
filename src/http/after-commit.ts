import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { AppendedEvent } from '../store/append';
import { Db } from '../store/db';
import { enqueueRecordedDeliveries } from '../webhooks/dispatch';
import { publicOrigin } from './origin';
import { cachedResponsesChanged } from './response-cache';

/**
 * Everything that follows an append once it has committed, in one place, with the request's own
 * bindings and execution context:
 * - the cached responses of the relation and of "all" go stale before the answer is sent, so no reader
 *   in this data center sees a response older than an append that has answered;
 * - the new `event.recorded` deliveries go to the queue after it, without holding the answer up (should
 *   that be lost, the cron finds them still pending and queues them).
 */
export async function afterAppendCommitted(c: Context<AppEnv>, relation: string, events: AppendedEvent[]): Promise<void> {
  await cachedResponsesChanged(publicOrigin(c), [relation]);
  const ids = events.map((event) => event.id);
  // Its own meter: Server-Timing says what the answer cost, and this runs after it.
  c.executionCtx.waitUntil(
    enqueueRecordedDeliveries(new Db(c.env.DB), c.env.WEBHOOK_DELIVERIES, ids)
      .catch((error) => console.error('event.recorded: queueing failed; the cron will queue them', error)),
  );
}
