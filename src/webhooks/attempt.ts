import type { Db } from '../store/db';
import { recordOutcomes, type Outcome } from './attempts';
import { claimDeliveries, type ClaimedDelivery } from './deliveries';
import { openSecret, SealingError, type Keyring } from './sealed-secrets';
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
export async function attemptDeliveries(db: Db, ids: string[], settings: WebhookSettings, keyring: Keyring): Promise<Outcome[]> {
  // The claim outlasts the slowest possible run of this batch, so no one else takes these meanwhile.
  const leaseMs = Math.ceil(ids.length / SENDS_AT_ONCE) * settings.timeoutMs + 60_000;
  const claimed = await claimDeliveries(db, ids, new Date(), leaseMs);
  const outcomes = await inTurns(claimed, SENDS_AT_ONCE, (delivery) => attemptOne(delivery, settings, keyring));
  await recordOutcomes(db, outcomes, new Date());
  return outcomes;
}

async function attemptOne(delivery: ClaimedDelivery, settings: WebhookSettings, keyring: Keyring): Promise<Outcome> {
  if (delivery.disabledReason) return { delivery, result: null, verdict: verdictForDisabled(delivery.disabledReason) };
  const opened = await openedSecrets(delivery, keyring);
  // Checked again at send time: the rules may have tightened since the URL was accepted.
  const refused = webhookUrlProblem(delivery.url, settings.allowHttpLocal) ?? opened.problem;
  const result: SendResult = refused
    ? {
      attempted: new Date().toISOString(), statusCode: null, latencyMs: 0, responseBody: null,
      error: `not sent: ${refused}`, succeeded: false, retryAfterSeconds: null,
    }
    : await sendSigned(delivery.url, opened.secrets, delivery.messageId, delivery.body, settings.timeoutMs);
  return { delivery, result, verdict: verdictOf(result, delivery.attempts + 1, settings.retrySchedule, Math.random()) };
}

/** The delivery's secrets, opened; or why they cannot be: the attempt then fails and is retried, as for a receiver that is down. */
async function openedSecrets(delivery: ClaimedDelivery, keyring: Keyring): Promise<{ secrets: string[]; problem: string | null }> {
  try {
    const secrets = await Promise.all(delivery.storedSecrets.map((stored) => openSecret(keyring, delivery.subscriptionId, stored)));
    return { secrets, problem: null };
  } catch (error) {
    if (!(error instanceof SealingError)) throw error;
    return { secrets: [], problem: `the signing secret cannot be opened: ${error.message}` };
  }
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
