import type { Db } from './store/db';
import type { DeliveryJob } from './webhooks/dispatch';
import type { WebhookVars } from './webhooks/settings';

/** The Worker's bindings (wrangler.toml) and secrets (.dev.vars locally). */
export interface Bindings extends WebhookVars {
  DB: D1Database;
  /** Webhook deliveries to attempt, and those given up on. */
  WEBHOOK_DELIVERIES: Queue<DeliveryJob>;
  WEBHOOK_DEAD_LETTERS: Queue<DeliveryJob>;
  ADMIN_TOKEN?: string;
  PUBLIC_ORIGIN?: string;
}

/** What a request carries through the Hono app. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: { db: Db };
}
