import type { Db } from '../store/db';
import { verifyIntent } from '../websub/verify';
import { attemptDeliveries, type TopicReader } from './attempt';
import type { DeliveryJob } from './dispatch';
import { keyringOf } from './sealed-secrets';
import { webhookSettings } from './settings';

const deliveryOf = (job: DeliveryJob) => ('deliveryId' in job ? job.deliveryId : null);

/**
 * The queue consumer: one batch of deliveries attempted together. A failed attempt goes back on the
 * queue with the schedule's delay; the last failed attempt goes to the dead-letter queue. A WebSub request in
 * the batch has its callback asked once, whatever the answer (a subscriber whose request failed asks again).
 */
export async function deliverBatch(db: Db, env: Env, batch: MessageBatch<DeliveryJob>, readTopic?: TopicReader): Promise<void> {
  const settings = webhookSettings(env);
  for (const message of batch.messages) {
    if (!('verificationId' in message.body)) continue;
    try {
      await verifyIntent(db, message.body.verificationId, settings);
      message.ack();
    } catch (error) {
      console.error('websub: a verification failed, retrying', error);
      message.retry({ delaySeconds: 60 });
    }
  }
  const ids = batch.messages.map((message) => deliveryOf(message.body)).filter((id): id is string => id !== null);
  if (!ids.length) return;
  let outcomes;
  try {
    outcomes = await attemptDeliveries(db, [...new Set(ids)], settings, await keyringOf(env), readTopic);
  } catch (error) {
    // D1 unreachable: try the whole batch again after the longest claim has run out (what is still
    // claimed then is acknowledged, and the sweep queues it again once it is overdue).
    console.error('webhook deliveries: batch failed, retrying', error);
    for (const message of batch.messages) if (deliveryOf(message.body) !== null) message.retry({ delaySeconds: 300 });
    return;
  }
  const byDelivery = new Map(outcomes.map((outcome) => [outcome.delivery.id, outcome.verdict]));
  const handled = new Set<string>();
  const deadLetters: DeliveryJob[] = [];
  for (const message of batch.messages) {
    const deliveryId = deliveryOf(message.body);
    if (deliveryId === null) continue;
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
    JSON.stringify(batch.messages.map((message) => deliveryOf(message.body)).filter((id) => id !== null)), now,
  )]);
  batch.ackAll();
}
