/**
 * When to try a failed delivery again: the schedule's delay for this retry, spread by ±10 % so that
 * a receiver coming back up is not hit by every retry in the same second, and never sooner than the
 * receiver's own Retry-After. Null when the schedule is used up.
 */
export function retryDelaySeconds(
  attemptsMade: number,
  schedule: number[],
  retryAfterSeconds: number | null,
  random: number,
): number | null {
  if (attemptsMade > schedule.length) return null;
  const planned = schedule[attemptsMade - 1];
  const jittered = Math.round(planned * (0.9 + 0.2 * random));
  return Math.min(43200, Math.max(jittered, retryAfterSeconds ?? 0));
}

/** A Retry-After header in seconds: either a number of seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
