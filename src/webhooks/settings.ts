/** The webhook knobs an operator sets in wrangler.toml `[vars]` (or `--var` in `wrangler dev`). */
export interface WebhookSettings {
  /** Seconds to wait before each retry; its length is the number of retries. */
  retrySchedule: number[];
  timeoutMs: number;
  /** http://localhost and http://127.0.0.1 are allowed: for a receiver on a developer's machine. */
  allowHttpLocal: boolean;
  /** The UTC hour at which "on this day" goes out. */
  anniversaryHour: number;
}

export type WebhookVars = Partial<
  Pick<Env, 'WEBHOOK_RETRY_SCHEDULE' | 'WEBHOOK_TIMEOUT_SECONDS' | 'ALLOW_HTTP_WEBHOOKS' | 'ANNIVERSARY_HOUR'>
>;

/** The Standard Webhooks schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const STANDARD_RETRY_SCHEDULE = [5, 300, 1800, 7200, 18000, 36000, 36000];

// Queues delay a message by at most 12 hours.
const MAX_DELAY_SECONDS = 43200;

export function webhookSettings(vars: WebhookVars): WebhookSettings {
  return {
    retrySchedule: parseSchedule(vars.WEBHOOK_RETRY_SCHEDULE) ?? STANDARD_RETRY_SCHEDULE,
    timeoutMs: 1000 * positiveNumber(vars.WEBHOOK_TIMEOUT_SECONDS, 15),
    allowHttpLocal: /^(1|true|yes)$/i.test(vars.ALLOW_HTTP_WEBHOOKS ?? ''),
    anniversaryHour: Math.min(23, Math.floor(positiveNumber(vars.ANNIVERSARY_HOUR, 6, true))),
  };
}

function parseSchedule(value: string | undefined): number[] | null {
  if (!value?.trim()) return null;
  const delays = value.split(',').map((part) => Number(part.trim()));
  if (delays.some((delay) => !Number.isInteger(delay) || delay < 0)) return null;
  return delays.map((delay) => Math.min(delay, MAX_DELAY_SECONDS));
}

function positiveNumber(value: string | undefined, fallback: number, zeroAllowed = false): number {
  const number = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(number)) return fallback;
  return number > 0 || (zeroAllowed && number === 0) ? number : fallback;
}
