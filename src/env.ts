import type { Editor } from './editors/scopes';
import type { Db } from './store/db';

/**
 * What a request carries through the Hono app: the Worker's bindings (`Env`, generated from
 * wrangler.toml by `npm run types` into worker-configuration.d.ts), the request's metered D1, and on
 * editor routes the editor it was authenticated as.
 */
export interface AppEnv {
  Bindings: Env;
  Variables: { db: Db; editor: Editor };
}
