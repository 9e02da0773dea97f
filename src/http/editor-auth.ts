import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { problemResponse } from './problem';

/** Editors present `Authorization: Bearer <ADMIN_TOKEN>`; the comparison takes the same time for any token. */
export const requireEditor = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    return problemResponse(
      { title: 'Unauthorized', status: 401, detail: 'recording events needs an editor token: Authorization: Bearer <token>' },
      { 'www-authenticate': 'Bearer realm="editors"' },
    );
  }
  const expected = c.env.ADMIN_TOKEN;
  if (!expected || !(await sameSecret(match[1], expected))) {
    return problemResponse({ title: 'Forbidden', status: 403, detail: 'this token may not record events' });
  }
  await next();
});

/** Compares digests, so neither the content nor the length of the token leaks through timing. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(given)),
    crypto.subtle.digest('SHA-256', encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}
