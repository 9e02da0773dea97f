/**
 * The bench Worker: the real Worker (every handler of src/index.ts, unchanged) plus what exists
 * only here: routes under /__bench/ that measure D1 itself in the same runtime, fill tables fast,
 * fire the cron at a chosen instant, and report the D1 calls of the cron and the queue consumer
 * (which have no response to carry a Server-Timing header). The production entry never serves any of this.
 */
import worker from '../src/index';
import { bareInsert } from './bare-insert';
import { cloneSubscription } from './clone-subscription';
import { countingD1 } from './counting-d1';

// The rebuild Workflow's class must be exported by the Worker's main module.
export { RebuildWorkflow } from '../src/index';

/** D1 calls made by the cron and by the queue consumer since the last reset. */
const d1Calls = { scheduled: 0, queue: 0 };

function countedEnv(env: Env, handler: keyof typeof d1Calls): Env {
  return { ...env, DB: countingD1(env.DB, () => { d1Calls[handler] += 1; }) };
}

/** Runs the Worker's own cron handler as the runtime would, at the instant `?time=` (ISO 8601). */
async function fireCron(request: Request, env: Env): Promise<Response> {
  const time = Date.parse(new URL(request.url).searchParams.get('time') ?? '');
  if (Number.isNaN(time)) return new Response('?time= must be an ISO 8601 instant', { status: 400 });
  const controller = { scheduledTime: time, cron: '*/5 * * * *', noRetry() {} } as ScheduledController;
  const started = Date.now();
  await worker.scheduled(controller, countedEnv(env, 'scheduled'));
  return Response.json({ milliseconds: Date.now() - started });
}

async function countedCalls(request: Request): Promise<Response> {
  const calls = { ...d1Calls };
  if (request.method === 'DELETE') Object.assign(d1Calls, { scheduled: 0, queue: 0 });
  return Response.json(calls);
}

type BenchRoute = (request: Request, env: Env, ctx: ExecutionContext) => Promise<Response>;
const routes: Record<string, BenchRoute> = {
  'POST /__bench/bare-insert': bareInsert,
  'POST /__bench/clone-subscription': cloneSubscription,
  'POST /__bench/cron': fireCron,
  'GET /__bench/d1-calls': countedCalls,
  'DELETE /__bench/d1-calls': countedCalls,
};

export default {
  ...worker,
  fetch(request, env, ctx) {
    const route = routes[`${request.method} ${new URL(request.url).pathname}`];
    return route ? route(request, env, ctx) : worker.fetch(request, env, ctx);
  },
  queue(batch, env) {
    return worker.queue(batch, countedEnv(env, 'queue'));
  },
} satisfies ExportedHandler<Env, Parameters<typeof worker.queue>[0]['messages'][number]['body']>;
