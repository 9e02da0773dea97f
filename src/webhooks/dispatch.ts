/** Handing deliveries to the queue: only their ids travel; the outbox rows hold the rest. */

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
