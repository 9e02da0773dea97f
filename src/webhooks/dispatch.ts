import { env, waitUntil } from 'cloudflare:workers';
import type { Bindings } from '../env';
import { Db } from '../store/db';
import { unsentDeliveries } from './deliveries';

/** What travels through the queue: only the delivery's id; the outbox row holds the rest. */
export interface DeliveryJob {
  deliveryId: string;
}

// A queue takes at most 100 messages per sendBatch.
const SEND_BATCH = 100;

export async function enqueueDeliveries(queue: Queue<DeliveryJob>, ids: string[], delaySeconds = 0): Promise<void> {
  for (let start = 0; start < ids.length; start += SEND_BATCH) {
    const messages = ids.slice(start, start + SEND_BATCH).map((deliveryId) => ({ body: { deliveryId } }));
    await queue.sendBatch(messages, delaySeconds ? { delaySeconds } : undefined);
  }
}

/**
 * After an append has committed, hands its `event.recorded` deliveries to the queue without holding up
 * the response. Should this be lost, the cron sweep finds the deliveries still pending and queues them.
 */
export function announceRecorded(eventIds: string[]): void {
  const bindings = env as unknown as Bindings;
  if (!bindings.WEBHOOK_DELIVERIES) return;
  const relay = async () => {
    const ids = await unsentDeliveries(new Db(bindings.DB), eventIds.map((id) => `event.recorded:${id}`));
    await enqueueDeliveries(bindings.WEBHOOK_DELIVERIES, ids);
  };
  waitUntil(relay().catch((error) => console.error('event.recorded: queueing failed; the sweep will retry', error)));
}
