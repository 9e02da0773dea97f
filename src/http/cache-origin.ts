/**
 * The origin under which every entry the Worker keeps in the Cache API lives (cached responses, their
 * generations, lockouts): PUBLIC_ORIGIN when it is set, which is the Worker's own host as Cloudflare advises
 * for Cache API keys, else a fixed name. Never the request's: a request may name any host (`localhost`
 * against `127.0.0.1`, a second custom domain, a forged Host header), and an entry kept under one host is
 * not found by a request under another.
 */
const FIXED_ORIGIN = 'https://cache.relations-log.invalid';

export function cacheOrigin(env: Pick<Env, 'PUBLIC_ORIGIN'>): string {
  if (!env.PUBLIC_ORIGIN) return FIXED_ORIGIN;
  try {
    return new URL(env.PUBLIC_ORIGIN).origin;
  } catch {
    return FIXED_ORIGIN;
  }
}
