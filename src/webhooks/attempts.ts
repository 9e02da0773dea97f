import type { Db } from '../store/db';
import type { ClaimedDelivery } from './deliveries';
import type { SendResult } from './send';
import type { Verdict } from './verdict';

/** Recording what came of attempts: the attempts, the deliveries' state and the subscriptions' health. */

export interface Outcome {
  delivery: ClaimedDelivery;
  /** Null when nothing was sent (the subscription is disabled). */
  result: SendResult | null;
  verdict: Verdict;
}

/** A subscription whose every attempt for this long has failed is disabled. */
export const FAILING_FOR_MS = 5 * 24 * 60 * 60 * 1000;

/** Writes the attempts, the deliveries' new state and the subscriptions' health in one D1 call. */
export async function recordOutcomes(db: Db, outcomes: Outcome[], now: Date): Promise<void> {
  if (!outcomes.length) return;
  await db.batch(outcomes.flatMap((outcome) => outcomeStatements(db, outcome, now)));
}

function outcomeStatements(db: Db, { delivery, result, verdict }: Outcome, now: Date): D1PreparedStatement[] {
  const at = now.toISOString();
  const statements: D1PreparedStatement[] = [];
  if (result) {
    statements.push(db.prepare(
      `INSERT INTO webhook_attempts (delivery_id, attempted, status_code, latency_ms, response_body, error, succeeded)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
      delivery.id, result.attempted, result.statusCode, result.latencyMs, result.responseBody, result.error,
      Number(result.succeeded),
    ));
  }
  const nextAttempt = verdict.status === 'pending' ? new Date(now.getTime() + verdict.delaySeconds * 1000).toISOString() : null;
  const failed = verdict.status === 'failed' ? verdict : null;
  statements.push(db.prepare(
    `UPDATE webhook_deliveries SET status = ?2, attempts = attempts + ?3, next_attempt_at = ?4, claim = NULL,
       claimed_until = NULL, last_attempt_at = COALESCE(?5, last_attempt_at), last_status_code = COALESCE(?6, last_status_code),
       failure = ?7, dead_lettered_at = CASE WHEN ?8 THEN ?9 ELSE dead_lettered_at END
     WHERE id = ?1`,
    delivery.id, verdict.status, result ? 1 : 0, nextAttempt, result?.attempted ?? null, result?.statusCode ?? null,
    failed?.failure ?? null, Number(failed?.deadLetter ?? false), at,
  ));
  if (delivery.topic !== null) {
    // A WebSub subscription lasts its lease whatever its deliveries do (§7), unless the callback says it is gone.
    if (failed?.disableSubscription) statements.push(db.prepare('DELETE FROM websub_subscriptions WHERE id = ?1', delivery.subscriptionId));
  } else if (result) {
    statements.push(subscriptionHealth(db, delivery.subscriptionId, result, failed?.disableSubscription ?? null, now));
  }
  return statements;
}

/**
 * A success ends a run of failures; a failure starts or extends one, and disables the subscription
 * when it asks (410) or when the run has lasted five days.
 */
function subscriptionHealth(db: Db, id: string, result: SendResult, disable: string | null, now: Date) {
  const failingTooLong = `(NOT ?2 AND COALESCE(failing_since, ?3) <= ?5)`;
  const disabling = `enabled = 1 AND (?4 IS NOT NULL OR ${failingTooLong})`;
  return db.prepare(
    `UPDATE webhook_subscriptions SET
       failing_since = CASE WHEN ?2 THEN NULL ELSE COALESCE(failing_since, ?3) END,
       disabled_reason = CASE WHEN ${disabling}
         THEN COALESCE(?4, 'every attempt since ' || COALESCE(failing_since, ?3) || ' failed: 5 days without a successful delivery')
         ELSE disabled_reason END,
       disabled_at = CASE WHEN ${disabling} THEN ?6 ELSE disabled_at END,
       enabled = CASE WHEN ${disabling} THEN 0 ELSE enabled END
     WHERE id = ?1`,
    id, Number(result.succeeded), result.attempted, disable, new Date(now.getTime() - FAILING_FOR_MS).toISOString(),
    now.toISOString(),
  );
}
