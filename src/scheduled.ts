import { rebuildStaleViews } from './rebuild-workflow';
import type { Db } from './store/db';
import { viewsAreStale } from './views/freshness';
import { anniversaryDeliveries } from './webhooks/anniversaries';
import { overdueDeliveries } from './webhooks/deliveries';
import { enqueueDeliveries } from './webhooks/dispatch';
import { webhookSettings } from './webhooks/settings';

/** A pending delivery this late was lost between the outbox and the queue (or its worker died). */
const OVERDUE_MS = 10 * 60 * 1000;
const SWEEP_LIMIT = 1000;

/**
 * The cron (every few minutes): rebuilds views that a changed projector left stale; during the configured UTC hour, the day's anniversaries go to the outbox
 * and the queue (every run in that hour is a no-op after the first, and catches up a failed one);
 * every run queues again the deliveries stuck in pending.
 */
export async function runCron(db: Db, env: Env, scheduledTime: Date): Promise<void> {
  // Views built by another projector version are rebuilt even when no one reads them.
  if (await viewsAreStale(db)) await rebuildStaleViews(env);
  if (scheduledTime.getUTCHours() === webhookSettings(env).anniversaryHour) {
    await enqueueDeliveries(env.WEBHOOK_DELIVERIES, await anniversaryDeliveries(db, scheduledTime, new Date()));
  }
  await enqueueDeliveries(env.WEBHOOK_DELIVERIES, await overdueDeliveries(db, new Date(), OVERDUE_MS, SWEEP_LIMIT));
}
