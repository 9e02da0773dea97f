import type { Db } from '../store/db';
import { firstBytes, unansweredReason } from '../webhooks/send';
import { webhookUrlProblem } from '../webhooks/url-guard';
import { answerVerification, pendingVerification, type Verification } from './subscriptions';

/**
 * Verification of intent (WebSub §5.3): the hub asks the callback, with a GET carrying hub.mode, hub.topic,
 * a random single-use hub.challenge and, to subscribe, the hub.lease_seconds it grants, whether it asked for
 * this; only a 2xx whose body is the challenge, exactly, confirms it. Anything else (another status, a
 * redirect, another body, no answer within the timeout) fails, and the subscription stays as it was.
 */

export interface VerifySettings {
  timeoutMs: number;
  allowHttpLocal: boolean;
}

/** Verifies one pending request and records what came of it; a request already answered is left alone. */
export async function verifyIntent(db: Db, verificationId: string, settings: VerifySettings): Promise<void> {
  const verification = await pendingVerification(db, verificationId);
  if (!verification) return;
  const challenged = new Date();
  const failure = await challengeFailure(verification, settings);
  await answerVerification(db, verification, { verified: failure === null, failure, challenged });
}

/** Null when the callback confirmed the request; else why it did not. */
async function challengeFailure(verification: Verification, settings: VerifySettings): Promise<string | null> {
  // Checked again now, as before every webhook delivery: the callback's URL is judged exactly as theirs are.
  const refused = webhookUrlProblem(verification.callback, settings.allowHttpLocal);
  if (refused) return `not asked: ${refused}`;
  const challenge = `${crypto.randomUUID()}${crypto.randomUUID()}`.replaceAll('-', '');
  const params = new URLSearchParams({ 'hub.mode': verification.mode, 'hub.topic': verification.requestedTopic, 'hub.challenge': challenge });
  if (verification.mode === 'subscribe') params.set('hub.lease_seconds', String(verification.leaseSeconds));
  // The callback's own query is kept as it is, the hub's parameters appended after it (§5.1.1).
  const callback = verification.callback.split('#')[0];
  const url = `${callback}${callback.includes('?') ? '&' : '?'}${params}`;
  try {
    const response = await fetch(url, {
      redirect: 'manual', signal: AbortSignal.timeout(settings.timeoutMs), headers: { 'user-agent': 'relations-log-websub/1' },
    });
    const body = await firstBytes(response);
    if (response.status < 200 || response.status >= 300) return `the callback answered ${response.status}`;
    return body === challenge ? null : `the callback answered ${response.status} without echoing hub.challenge`;
  } catch (error) {
    return unansweredReason(error, settings.timeoutMs);
  }
}
