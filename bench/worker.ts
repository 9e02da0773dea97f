/**
 * The bench Worker: the real Worker (every handler of src/index.ts, unchanged) plus what exists
 * only here: routes under /__bench/ that measure D1 itself in the same runtime (the floors), fill tables
 * fast, fire the cron at a chosen instant, and report the D1 calls of the cron and the queue consumer
 * (which have no response to carry a Server-Timing header); and, with BENCH_D1_LATENCY_MS, a delay
 * before every D1 call, as if the database were that far away. The production entry never serves any of this.
 */
import worker from '../src/index';
import { bareInsert } from './bare-insert';
import { cloneSubscription } from './clone-subscription';
import { appendFloor, viewFloor } from './floors';
import { hookedD1 } from './hooked-d1';

// The rebuild Workflow's class must be exported by the Worker's main module.
export { RebuildWorkflow } from '../src/index';

type BenchEnv = Env & { BENCH_D1_LATENCY_MS?: string };

/** D1 calls made by the cron and by the queue consumer since the last reset. */
const d1Calls = { scheduled: 0, queue: 0 };

function countedEnv(env: BenchEnv, handler: keyof typeof d1Calls): Env {
  return { ...env, DB: hookedD1(env.DB, () => { d1Calls[handler] += 1; }) };
}

/** The bindings with every D1 call delayed by BENCH_D1_LATENCY_MS, when it is set. */
function distantEnv(env: BenchEnv): Env {
  const latency = Number(env.BENCH_D1_LATENCY_MS ?? 0);
  if (!latency) return env;
  return { ...env, DB: hookedD1(env.DB, () => new Promise((resolve) => setTimeout(resolve, latency))) };
}

/** Runs the Worker's own cron handler as the runtime would, at the instant `?time=` (ISO 8601). */
async function fireCron(request: Request, env: BenchEnv): Promise<Response> {
  const time = Date.parse(new URL(request.url).searchParams.get('time') ?? '');
  if (Number.isNaN(time)) return new Response('?time= must be an ISO 8601 instant', { status: 400 });
  const controller = { scheduledTime: time, cron: '*/5 * * * *', noRetry() {} } as ScheduledController;
  const started = Date.now();
  await worker.scheduled(controller, countedEnv(env, 'scheduled'));
  return Response.json({ milliseconds: Date.now() - started });
}

/** Every webhook subscription gone, with what was sent to them: a section starts again from none. */
async function deleteSubscriptions(_request: Request, env: BenchEnv): Promise<Response> {
  await env.DB.batch(['webhook_attempts', 'webhook_deliveries', 'webhook_messages', 'webhook_subscriptions']
    .map((table) => env.DB.prepare(`DELETE FROM ${table}`)));
  return Response.json({ deleted: true });
}

/** How many deliveries the outbox holds: what a cron run wrote is the difference. */
async function deliveryCount(_request: Request, env: BenchEnv): Promise<Response> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS deliveries FROM webhook_deliveries').first<{ deliveries: number }>();
  return Response.json(row);
}

async function countedCalls(request: Request): Promise<Response> {
  const calls = { ...d1Calls };
  if (request.method === 'DELETE') Object.assign(d1Calls, { scheduled: 0, queue: 0 });
  return Response.json(calls);
}

type BenchRoute = (request: Request, env: BenchEnv, ctx: ExecutionContext) => Promise<Response>;
const routes: Record<string, BenchRoute> = {
  'POST /__bench/bare-insert': bareInsert,
  'POST /__bench/clone-subscription': cloneSubscription,
  'POST /__bench/cron': fireCron,
  'GET /__bench/d1-calls': countedCalls,
  'GET /__bench/deliveries': deliveryCount,
  'DELETE /__bench/subscriptions': deleteSubscriptions,
  'DELETE /__bench/d1-calls': countedCalls,
  'GET /__bench/floor': (request, env, ctx) => viewFloor(request, distantEnv(env), ctx),
  'POST /__bench/append-floor': (request, env) => appendFloor(request, distantEnv(env)),
};

export default {
  ...worker,
  fetch(request, env: BenchEnv, ctx) {
    const route = routes[`${request.method} ${new URL(request.url).pathname}`];
    return route ? route(request, env, ctx) : worker.fetch(request, distantEnv(env), ctx);
  },
  queue(batch, env: BenchEnv, ctx) {
    return worker.queue(batch, countedEnv(env, 'queue'), ctx);
  },
} satisfies ExportedHandler<Env, Parameters<typeof worker.queue>[0]['messages'][number]['body']>;
