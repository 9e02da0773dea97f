import type { Context } from 'hono';
import type { Keyring } from '../webhooks/sealed-secrets';
import { problem } from './problem';

/** Webhook secrets are only ever stored sealed: without a usable WEBHOOK_SECRET_KEY, what would store one is 503. */
export function unsealable(c: Context, keyring: Keyring) {
  return problem(c, 503, {
    type: '/problems/secret-key-missing',
    title: 'Webhook secrets cannot be sealed',
    detail: `${keyring.problem ?? 'WEBHOOK_SECRET_KEY is not usable'}: set it with wrangler secret put WEBHOOK_SECRET_KEY`,
  });
}
