import { rebuildStaleViews } from './rebuild-workflow';
import type { Db } from './store/db';
import { viewsAreCurrent, viewVersions } from './views/freshness';
import { anniversaryDeliveries, anniversaryHoursStatement, type ZoneHour } from './webhooks/anniversaries';
import { overdueDeliveries } from './webhooks/deliveries';
import { enqueueDeliveries, enqueueVerifications } from './webhooks/dispatch';
import { webhookSettings } from './webhooks/settings';
import { expiredSubscriptions, verificationUpkeep } from './websub/subscriptions';

/** A pending delivery (or WebSub request) this late was lost between the outbox and the queue, or its worker died. */
const OVERDUE_MS = 10 * 60 * 1000;
/** A WebSub request not verified within this long fails: the subscriber asks again. */
const VERIFICATION_GIVEN_UP_MS = 60 * 60 * 1000;
const SWEEP_LIMIT = 1000;

/**
 * The cron (every 5 minutes). One D1 call reads whether the views are current, which time zones and local
 * hours the subscriptions to anniversary.today have, the deliveries stuck in pending (marked due again) and the WebSub
 * requests not yet verified, and ends the WebSub leases that are over; views built by another projector
 * version are rebuilt even when no one reads them; each subscription whose local hour began in the hour up to
 * `scheduledTime` gets the anniversaries of its local date (src/webhooks/anniversaries.ts: a second call, and
 * the writes when there is something new); everything new or stuck goes to the queue.
 */
export async function runCron(db: Db, env: Env, scheduledTime: Date): Promise<void> {
  const now = new Date();
  const settings = { defaultHour: webhookSettings(env).anniversaryHour, publicOrigin: env.PUBLIC_ORIGIN || null };
  const [versions, hours, overdue, , , , stalled] = await db.batch([
    viewVersions(db), anniversaryHoursStatement(db, settings.defaultHour), overdueDeliveries(db, now, OVERDUE_MS, SWEEP_LIMIT),
    expiredSubscriptions(db, now), ...verificationUpkeep(db, now, OVERDUE_MS, VERIFICATION_GIVEN_UP_MS),
  ]);
  if (!viewsAreCurrent(versions.results as { view: string; version: number }[])) await rebuildStaleViews(env);
  const due = await anniversaryDeliveries(db, settings, hours.results as ZoneHour[], scheduledTime, now);
  const stuck = (overdue.results as { id: string }[]).map((row) => row.id);
  await enqueueDeliveries(env.WEBHOOK_DELIVERIES, [...due, ...stuck]);
  await enqueueVerifications(env.WEBHOOK_DELIVERIES, (stalled.results as { id: string }[]).map((row) => row.id));
}
