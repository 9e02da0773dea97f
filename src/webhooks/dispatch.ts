/** Handing deliveries to the queue: only their ids travel; the outbox rows hold the rest. */

/**
 * What travels through the queue: only the delivery's id (the outbox row holds the rest), or the id of a
 * WebSub request whose callback is to be asked (src/websub/verify.ts).
 */
export type DeliveryJob = { deliveryId: string } | { verificationId: string };

// A queue takes at most 100 messages per sendBatch.
const SEND_BATCH = 100;

export async function enqueueDeliveries(queue: Queue<DeliveryJob>, ids: string[], delaySeconds = 0): Promise<void> {
  await enqueue(queue, ids.map((deliveryId) => ({ deliveryId })), delaySeconds);
}

/** WebSub requests to verify, through the same queue. */
export async function enqueueVerifications(queue: Queue<DeliveryJob>, ids: string[]): Promise<void> {
  await enqueue(queue, ids.map((verificationId) => ({ verificationId })));
}

async function enqueue(queue: Queue<DeliveryJob>, jobs: DeliveryJob[], delaySeconds = 0): Promise<void> {
  for (let start = 0; start < jobs.length; start += SEND_BATCH) {
    const messages = jobs.slice(start, start + SEND_BATCH).map((body) => ({ body }));
    await queue.sendBatch(messages, delaySeconds ? { delaySeconds } : undefined);
  }
}
