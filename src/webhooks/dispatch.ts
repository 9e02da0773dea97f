import type { Db } from '../store/db';
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

/** Hands the `event.recorded` deliveries of these events, written with them, to the queue. */
export async function enqueueRecordedDeliveries(db: Db, queue: Queue<DeliveryJob>, eventIds: string[]): Promise<void> {
  const ids = await unsentDeliveries(db, eventIds.map((id) => `event.recorded:${id}`));
  await enqueueDeliveries(queue, ids);
}
