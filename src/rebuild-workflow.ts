import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep, type WorkflowStepConfig } from 'cloudflare:workers';
import { NonRetryableError } from 'cloudflare:workflows';
import { cachedResponsesChanged } from './http/response-cache';
import { Db } from './store/db';
import { NotTheActiveRebuild, prepareFreshTables, replayNextPage, swapIn } from './views/rebuild';
import { claimActiveRun, endFailedRun, runById, statusOf, type RebuildStatus, type RunRow } from './views/rebuild-runs';

/**
 * Rebuilding the views as a Cloudflare Workflow: fresh tables, then one step per page of the log, then the
 * swap. Each step is retried on failure and its result kept, so a rebuild of any size survives restarts and
 * the limits of one invocation, and resumes where it stopped. One rebuild at a time (view_rebuild_runs).
 */

export interface RebuildParams {
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 1000;

const STEP: WorkflowStepConfig = { retries: { limit: 8, delay: '2 seconds', backoff: 'exponential' }, timeout: '5 minutes' };

// Appends that keep arriving faster than the replay can follow would otherwise keep it from ever swapping.
const MAX_SWAP_ATTEMPTS = 50;

export class RebuildWorkflow extends WorkflowEntrypoint<Env, RebuildParams> {
  async run(event: Readonly<WorkflowEvent<RebuildParams>>, step: WorkflowStep): Promise<{ events: number; pages: number }> {
    const runId = event.instanceId;
    const { pageSize } = event.payload;
    const db = () => new Db(this.env.DB);
    try {
      await step.do('prepare fresh tables', STEP, () => finalIfReplaced(prepareFreshTables(db(), runId)));
      let attempts = 0;
      for (let page = 1; ; page += 1) {
        const replayed = await step.do(`replay page ${page}`, STEP, () => finalIfReplaced(replayNextPage(db(), runId, pageSize)));
        // Between steps the runtime may serve other requests (locally, workerd runs the steps and the
        // Worker's requests on one thread, and a replay that never yields would hold them all up).
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!replayed.done) continue;
        const swapped = await step.do(`swap in after page ${page}`, STEP, () => finalIfReplaced(swapAndInvalidate(db(), this.env, runId)));
        if (swapped) return { events: replayed.events, pages: page };
        if (++attempts >= MAX_SWAP_ATTEMPTS) throw new NonRetryableError('the log kept growing faster than the rebuild could replay it');
      }
    } catch (error) {
      await step.do('record the failure', STEP, () => endFailedRun(db(), runId, error instanceof Error ? error.message : String(error)));
      throw error;
    }
  }
}

async function swapAndInvalidate(db: Db, env: Env, runId: string): Promise<boolean> {
  const { swapped, relations } = await swapIn(db, runId);
  if (swapped) await cachedResponsesChanged(env, relations);
  return swapped;
}

/** A step of a run that is no longer the active one fails for good: retrying cannot help. */
async function finalIfReplaced<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotTheActiveRebuild) throw new NonRetryableError(error.message);
    throw error;
  }
}

export interface RebuildRequest {
  reason: string;
  pageSize: number;
}

/**
 * Starts a rebuild unless one is active; answers the active one either way, and whether it was started now.
 * A run whose Workflow has ended without saying so (errored, terminated, or never created) is ended first.
 */
export async function startRebuild(db: Db, workflow: Workflow<RebuildParams>, request: RebuildRequest) {
  for (let attempt = 0; ; attempt += 1) {
    const id = crypto.randomUUID();
    const { run, claimed } = await claimActiveRun(db, { id, ...request, started: new Date().toISOString() });
    if (!claimed) {
      if (attempt === 0 && (await checkOnActiveRun(db, workflow, run))) continue;
      return { rebuild: statusOf(run), started: false };
    }
    try {
      await workflow.create({ id, params: { pageSize: request.pageSize } });
    } catch (error) {
      await endFailedRun(db, id, `the rebuild could not be started: ${error instanceof Error ? error.message : error}`);
      throw error;
    }
    return { rebuild: statusOf(run), started: true };
  }
}

/** After a read found views built by another projector version: rebuild them, unless a rebuild is running. */
export async function rebuildStaleViews(env: Env): Promise<void> {
  try {
    await startRebuild(new Db(env.DB), env.REBUILD, { reason: 'a projector changed', pageSize: DEFAULT_PAGE_SIZE });
  } catch (error) {
    console.error('the rebuild of stale views could not be started; the cron will try again', error);
  }
}

/** A rebuild's progress, or null when there is no such rebuild. */
export async function rebuildStatus(db: Db, workflow: Workflow<RebuildParams>, id: string): Promise<RebuildStatus | null> {
  const run = await runById(db, id);
  if (!run) return null;
  if (run.active && (await checkOnActiveRun(db, workflow, run))) return statusOf((await runById(db, id))!);
  return statusOf(run);
}

// A run still queued this long after it was claimed lost its Workflow before it was created.
const CREATE_GRACE_MS = 60_000;
// A step moves a run on within seconds; between retries it waits at most a few minutes.
const STALLED_MS = 30_000;

/**
 * Ends an active run whose Workflow has ended or never began, and answers true; wakes one that has not
 * moved for a while. On Cloudflare a Workflow resumes by itself after a restart; a local one (wrangler dev)
 * waits until something reaches its instance, which an event does (it waits for none, so it only wakes it).
 */
async function checkOnActiveRun(db: Db, workflow: Workflow<RebuildParams>, run: RunRow): Promise<boolean> {
  let instance: WorkflowInstance;
  let status: InstanceStatus;
  try {
    instance = await workflow.get(run.id);
    status = await instance.status();
  } catch {
    if (Date.now() - Date.parse(run.started) < CREATE_GRACE_MS) return false;
    await endFailedRun(db, run.id, 'its Workflow was never created');
    return true;
  }
  if (['errored', 'terminated', 'complete'].includes(status.status)) {
    await endFailedRun(db, run.id, `its Workflow ${status.status}${status.error ? `: ${status.error.message}` : ''}`);
    return true;
  }
  if (Date.now() - Date.parse(run.progressed ?? run.started) > STALLED_MS) {
    await instance.sendEvent({ type: 'wake', payload: null }).catch(() => undefined);
  }
  return false;
}
