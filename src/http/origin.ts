import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** The origin used in links: PUBLIC_ORIGIN when set, else the origin of the request. */
export function publicOrigin(c: Context<AppEnv>): string {
  return (c.env.PUBLIC_ORIGIN || new URL(c.req.url).origin).replace(/\/+$/, '');
}
