import { app } from './app';
import { BOOKMARK_HEADER } from './http/d1-session';
import { runCron } from './scheduled';
import { Db } from './store/db';
import { deliverBatch, recordDeadLetters } from './webhooks/consumer';
import type { DeliveryJob } from './webhooks/dispatch';

export { RebuildWorkflow } from './rebuild-workflow';

// The editor's desk is a Worker of its own (desk/), reached through the DESK service binding.
const isDeskPath = (path: string) => path === '/desk' || path.startsWith('/desk/');

/** The Worker's entry points, side by side: HTTP requests, the cron, and the webhook queues (and above, the rebuild Workflow). */
export default {
  fetch: (request: Request, env: Env, ctx: ExecutionContext) => (isDeskPath(new URL(request.url).pathname) ? env.DESK.fetch(request) : app.fetch(request, env, ctx)),

  async scheduled(controller, env) {
    await runCron(new Db(env.DB), env, new Date(controller.scheduledTime));
  },

  // Both queues end here; wrangler.toml names which is which. A WebSub distribution reads its topic from the
  // Worker's own routes, in process, as a GET of it would.
  async queue(batch, env, ctx) {
    const db = new Db(env.DB);
    const readTopic = async (topic: string, bookmark: string | null) =>
      app.fetch(new Request(topic, { headers: bookmark ? { [BOOKMARK_HEADER]: bookmark } : {} }), env, ctx);
    if (batch.queue === env.WEBHOOK_QUEUE) return deliverBatch(db, env, batch, readTopic);
    if (batch.queue === env.WEBHOOK_DEAD_LETTER_QUEUE) return recordDeadLetters(db, batch);
    throw new Error(`no consumer for the queue ${batch.queue}: see WEBHOOK_QUEUE and WEBHOOK_DEAD_LETTER_QUEUE in wrangler.toml`);
  },
} satisfies ExportedHandler<Env, DeliveryJob>;
