import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

/**
 * The desk's session cookie: the session's token, `__Host-` prefixed (this host only, path /, Secure),
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it). It lasts as long as the
 * session the API started; the API stores only the token's hash.
 */
const COOKIE = '__Host-desk-session';

export const sessionOf = (c: Context) => getCookie(c, COOKIE) ?? null;

export function keepSession(c: Context, session: string, expires: string): void {
  c.header('set-cookie', `${COOKIE}=${session}; Path=/; Secure; HttpOnly; SameSite=Strict; Expires=${new Date(expires).toUTCString()}`, { append: true });
}

export function forgetSession(c: Context): void {
  c.header('set-cookie', `${COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`, { append: true });
}
