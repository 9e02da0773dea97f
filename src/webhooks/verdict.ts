import { retryDelaySeconds } from './retry-schedule';
import type { SendResult } from './send';

/** What follows an attempt. */
export type Verdict =
  | { status: 'succeeded' }
  | { status: 'pending'; delaySeconds: number }
  | { status: 'failed'; failure: string; deadLetter: boolean; disableSubscription: string | null };

export function verdictOf(result: SendResult, attemptsMade: number, schedule: number[], random: number): Verdict {
  if (result.succeeded) return { status: 'succeeded' };
  if (result.statusCode === 410) {
    const reason = 'the endpoint answered 410 Gone';
    return { status: 'failed', failure: reason, deadLetter: false, disableSubscription: reason };
  }
  const delaySeconds = retryDelaySeconds(attemptsMade, schedule, result.retryAfterSeconds, random);
  if (delaySeconds !== null) return { status: 'pending', delaySeconds };
  const failure = `gave up after ${attemptsMade} attempt${attemptsMade === 1 ? '' : 's'}; last: ${result.error}`;
  return { status: 'failed', failure, deadLetter: true, disableSubscription: null };
}

/** A delivery to a disabled subscription fails without an attempt; `recover` sends it once re-enabled. */
export function verdictForDisabled(reason: string): Verdict {
  return { status: 'failed', failure: `not sent: the subscription is disabled (${reason})`, deadLetter: false, disableSubscription: null };
}
