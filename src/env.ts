import type { Db } from './store/db';

/** The Worker's bindings (wrangler.toml) and secrets (.dev.vars locally). */
export interface Bindings {
  DB: D1Database;
  ADMIN_TOKEN?: string;
  PUBLIC_ORIGIN?: string;
}

/** What a request carries through the Hono app. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: { db: Db };
}
