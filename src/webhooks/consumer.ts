import type { Db } from '../store/db';
import { attemptDeliveries } from './attempt';
import type { DeliveryJob } from './dispatch';
import { keyringOf } from './sealed-secrets';
import { webhookSettings } from './settings';

/**
 * The queue consumer: one batch of deliveries attempted together. A failed attempt goes back on the
 * queue with the schedule's delay; the last failed attempt goes to the dead-letter queue.
 */
export async function deliverBatch(db: Db, env: Env, batch: MessageBatch<DeliveryJob>): Promise<void> {
  const ids = batch.messages.map((message) => message.body.deliveryId);
  let outcomes;
  try {
    outcomes = await attemptDeliveries(db, [...new Set(ids)], webhookSettings(env), await keyringOf(env));
  } catch (error) {
    // D1 unreachable: try the whole batch again after the longest claim has run out (what is still
    // claimed then is acknowledged, and the sweep queues it again once it is overdue).
    console.error('webhook deliveries: batch failed, retrying', error);
    batch.retryAll({ delaySeconds: 300 });
    return;
  }
  const byDelivery = new Map(outcomes.map((outcome) => [outcome.delivery.id, outcome.verdict]));
  const handled = new Set<string>();
  const deadLetters: DeliveryJob[] = [];
  for (const message of batch.messages) {
    const { deliveryId } = message.body;
    const verdict = handled.has(deliveryId) ? undefined : byDelivery.get(deliveryId);
    handled.add(deliveryId);
    if (verdict?.status === 'pending') {
      message.retry({ delaySeconds: verdict.delaySeconds });
      continue;
    }
    if (verdict?.status === 'failed' && verdict.deadLetter) deadLetters.push(message.body);
    message.ack();
  }
  if (deadLetters.length) await env.WEBHOOK_DEAD_LETTERS.sendBatch(deadLetters.map((body) => ({ body })));
}

/**
 * The dead-letter queue's consumer. Deliveries given up on by the consumer are already marked; this
 * marks those the queue itself gave up on (the consumer failed on them again and again).
 */
export async function recordDeadLetters(db: Db, batch: MessageBatch<DeliveryJob>): Promise<void> {
  const now = new Date().toISOString();
  await db.batch([db.prepare(
    `UPDATE webhook_deliveries SET status = 'failed', dead_lettered_at = COALESCE(dead_lettered_at, ?2),
       failure = COALESCE(failure, 'the queue gave up on it'), claim = NULL, claimed_until = NULL
     WHERE id IN (SELECT value FROM json_each(?1)) AND status = 'pending'`,
    JSON.stringify(batch.messages.map((message) => message.body.deliveryId)), now,
  )]);
  batch.ackAll();
}
