import { app } from './app';
import { runCron } from './scheduled';
import { Db } from './store/db';
import { deliverBatch, recordDeadLetters } from './webhooks/consumer';
import type { DeliveryJob } from './webhooks/dispatch';

export { RebuildWorkflow } from './rebuild-workflow';

/** The Worker's entry points, side by side: HTTP requests, the cron, and the webhook queues (and above, the rebuild Workflow). */
export default {
  fetch: app.fetch,

  async scheduled(controller, env) {
    await runCron(new Db(env.DB), env, new Date(controller.scheduledTime));
  },

  // Both queues end here; wrangler.toml names which is which.
  async queue(batch, env) {
    const db = new Db(env.DB);
    if (batch.queue === env.WEBHOOK_QUEUE) return deliverBatch(db, env, batch);
    if (batch.queue === env.WEBHOOK_DEAD_LETTER_QUEUE) return recordDeadLetters(db, batch);
    throw new Error(`no consumer for the queue ${batch.queue}: see WEBHOOK_QUEUE and WEBHOOK_DEAD_LETTER_QUEUE in wrangler.toml`);
  },
} satisfies ExportedHandler<Env, DeliveryJob>;
