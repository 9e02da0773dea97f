import type { Db } from './store/db';

/**
 * What a request carries through the Hono app: the Worker's bindings (`Env`, generated from
 * wrangler.toml by `npm run types` into worker-configuration.d.ts) and the request's metered D1.
 */
export interface AppEnv {
  Bindings: Env;
  Variables: { db: Db };
}
