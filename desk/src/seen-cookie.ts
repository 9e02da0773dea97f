import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

/**
 * The version of each relation this browser last saw on "My work", so that the page can say what others
 * recorded since. It holds no secret (versions of public logs), and is as strict as the session's cookie.
 */
const COOKIE = '__Host-desk-seen';

export function seenVersions(c: Context): Record<string, number> {
  try {
    const seen = JSON.parse(decodeURIComponent(getCookie(c, COOKIE) ?? '{}'));
    return typeof seen === 'object' && seen !== null ? seen : {};
  } catch {
    return {};
  }
}

export function keepSeenVersions(c: Context, seen: Record<string, number>): void {
  c.header('set-cookie', `${COOKIE}=${encodeURIComponent(JSON.stringify(seen))}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=31536000`, { append: true });
}
