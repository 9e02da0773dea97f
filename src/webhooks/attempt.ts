import type { Db } from '../store/db';
import { recordOutcomes, type Outcome } from './attempts';
import { claimDeliveries, type ClaimedDelivery } from './deliveries';
import { sendSigned, type SendResult } from './send';
import type { WebhookSettings } from './settings';
import { webhookUrlProblem } from './url-guard';
import { verdictForDisabled, verdictOf } from './verdict';

// A Worker keeps at most six connections open at once; a seventh request would wait for one while its
// timeout runs. Sending six at a time keeps every attempt's timeout its own.
const SENDS_AT_ONCE = 6;

/**
 * Attempts deliveries: claims the due ones (one D1 call), sends them six at a time, and records every
 * outcome (one D1 call). Deliveries not due or already taken are skipped and have no outcome.
 */
export async function attemptDeliveries(db: Db, ids: string[], settings: WebhookSettings): Promise<Outcome[]> {
  // The claim outlasts the slowest possible run of this batch, so no one else takes these meanwhile.
  const leaseMs = Math.ceil(ids.length / SENDS_AT_ONCE) * settings.timeoutMs + 60_000;
  const claimed = await claimDeliveries(db, ids, new Date(), leaseMs);
  const outcomes = await inTurns(claimed, SENDS_AT_ONCE, (delivery) => attemptOne(delivery, settings));
  await recordOutcomes(db, outcomes, new Date());
  return outcomes;
}

async function attemptOne(delivery: ClaimedDelivery, settings: WebhookSettings): Promise<Outcome> {
  if (delivery.disabledReason) return { delivery, result: null, verdict: verdictForDisabled(delivery.disabledReason) };
  // Checked again at send time: the rules may have tightened since the URL was accepted.
  const refused = webhookUrlProblem(delivery.url, settings.allowHttpLocal);
  const result: SendResult = refused
    ? {
      attempted: new Date().toISOString(), statusCode: null, latencyMs: 0, responseBody: null,
      error: `not sent: ${refused}`, succeeded: false, retryAfterSeconds: null,
    }
    : await sendSigned(delivery.url, delivery.secrets, delivery.messageId, delivery.body, settings.timeoutMs);
  return { delivery, result, verdict: verdictOf(result, delivery.attempts + 1, settings.retrySchedule, Math.random()) };
}

/** Maps with at most `width` calls in flight, keeping the order of the items. */
async function inTurns<T, R>(items: T[], width: number, call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await call(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
