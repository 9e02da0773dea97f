import type { Db } from '../store/db';
import { recordOutcomes, type Outcome } from './attempts';
import { claimDeliveries, type ClaimedDelivery } from './deliveries';
import { sendSigned, type SendResult } from './send';
import type { WebhookSettings } from './settings';
import { webhookUrlProblem } from './url-guard';
import { verdictForDisabled, verdictOf } from './verdict';

/**
 * Attempts deliveries: claims the due ones (one D1 call), sends them all at once, and records every
 * outcome (one D1 call). Deliveries not due or already taken are skipped and have no outcome.
 */
export async function attemptDeliveries(db: Db, ids: string[], settings: WebhookSettings): Promise<Outcome[]> {
  const claimed = await claimDeliveries(db, ids, new Date());
  const outcomes = await Promise.all(claimed.map((delivery) => attemptOne(delivery, settings)));
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
