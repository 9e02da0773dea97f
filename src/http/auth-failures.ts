import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { cacheOrigin } from './cache-origin';

/**
 * Failed authentications, held off per client address (`cf-connecting-ip`). Cloudflare's Rate Limiting
 * binding (AUTH_FAILURES in wrangler.toml) counts the failures; once an address is past its limit, a
 * lockout stored in the Cache API answers every editor request from it with 429 for LOCKOUT_SECONDS,
 * without checking its credential, so that guesses stop being judged at all (the binding counts but
 * cannot be asked without counting, so it cannot tell by itself whether an address is locked out).
 * Both are per data center, and neither depends on the host the request names. Neither may stop a request
 * when it fails: a broken counter lets it through.
 */

const LOCKOUT_SECONDS = 60;
const LOCKOUT_PATH = '/.auth-lockout/';
const UNTIL_HEADER = 'x-locked-until';

const clientAddress = (c: Context<AppEnv>) => c.req.header('cf-connecting-ip') ?? 'unknown';
// Keyed by the address alone: the same lockout whatever host name the request names.
const lockoutKey = (c: Context<AppEnv>) => `${cacheOrigin(c.env)}${LOCKOUT_PATH}${encodeURIComponent(clientAddress(c))}`;

/** Seconds until the client's address may try again, or null when it is not locked out. */
export async function lockedOutSeconds(c: Context<AppEnv>): Promise<number | null> {
  try {
    const lockout = await caches.default.match(lockoutKey(c));
    const left = Math.ceil((Number(lockout?.headers.get(UNTIL_HEADER)) - Date.now()) / 1000);
    return left > 0 ? left : null;
  } catch (error) {
    console.error('auth lockout: the cache could not be read', error);
    return null;
  }
}

/** Counts a failed authentication; answers the seconds of the lockout it starts, or null while under the limit. */
export async function authenticationFailed(c: Context<AppEnv>): Promise<number | null> {
  try {
    const { success } = await c.env.AUTH_FAILURES.limit({ key: clientAddress(c) });
    if (success) return null;
    const until = Date.now() + LOCKOUT_SECONDS * 1000;
    await caches.default.put(lockoutKey(c), new Response('locked out', {
      headers: { 'cache-control': `max-age=${LOCKOUT_SECONDS}`, [UNTIL_HEADER]: String(until) },
    }));
    return LOCKOUT_SECONDS;
  } catch (error) {
    console.error('auth failures: could not be counted', error);
    return null;
  }
}
