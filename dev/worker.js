/**
 * The Worker as `npm start` serves it: the real one (every handler of src/index.ts, unchanged) plus
 * `/__scheduled?cron=…&time=…`, which runs its cron handler as the runtime would at the instant `time`
 * (milliseconds since 1970, default now). wrangler's own trigger, /cdn-cgi/handler/scheduled, takes the same
 * parameters but in wrangler 4.86 answers "exception" for a Worker that has static assets (its assets proxy
 * has no scheduled handler), and its --test-scheduled /__scheduled ignores `time`. The production entry never
 * serves this. (JavaScript, so that wrangler compares worker-configuration.d.ts with the real entry only.)
 */
import worker from '../src/index';

// The rebuild Workflow's class must be exported by the Worker's main module.
export { RebuildWorkflow } from '../src/index';

/** @param {URL} url @param {Env} env */
async function fireCron(url, env) {
  const time = url.searchParams.get('time');
  const scheduledTime = time === null ? Date.now() : Number(time);
  if (!Number.isSafeInteger(scheduledTime)) return new Response('?time= is milliseconds since 1970\n', { status: 400 });
  const cron = url.searchParams.get('cron') ?? '';
  await worker.scheduled({ scheduledTime, cron, noRetry() {} }, env);
  return new Response(`Ran the cron "${cron}" at ${new Date(scheduledTime).toISOString()}\n`);
}

export default {
  ...worker,
  /** @param {Request} request @param {Env} env @param {ExecutionContext} ctx */
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    return url.pathname === '/__scheduled' ? fireCron(url, env) : worker.fetch(request, env, ctx);
  },
};
