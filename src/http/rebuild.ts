import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { Uuid } from '../domain/uuid';
import type { AppEnv } from '../env';
import { rebuildStatus, startRebuild } from '../rebuild-workflow';
import { RebuildStatus } from '../views/rebuild-runs';
import { editorRoute } from './editor-auth';
import { notFound, validationHook } from './problem';
import { jsonContent, problemContent } from './schemas';

/** Rebuilding every view from the log, as a Workflow, with the admin scope: start one, and follow it. */
export const rebuildRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const start = editorRoute('admin', {
  method: 'post',
  path: '/v1/admin/rebuild',
  operationId: 'startRebuild',
  tags: ['Admin'],
  summary: 'Rebuild every view from the log',
  description:
    'Starts a Workflow that replays the whole log in position order through the projectors into fresh tables, one step per page, and swaps them in, in one transaction; events recorded meanwhile are replayed too before the swap. One rebuild at a time: while one is running, this answers that one.',
  request: {
    query: z.object({
      pageSize: z.coerce.number().int().min(10).max(5000).default(1000).describe('events replayed per step'),
    }),
  },
  responses: {
    202: jsonContent(RebuildStatus, 'Started: its status is at `Location` (links.self)'),
    200: jsonContent(RebuildStatus, 'A rebuild is already running: this one'),
  },
});

rebuildRoutes.openapi(start, async (c) => {
  const { rebuild, started } = await startRebuild(c.var.db, c.env.REBUILD, {
    reason: 'asked for', pageSize: c.req.valid('query').pageSize,
  });
  return c.json(rebuild, started ? 202 : 200, { location: rebuild.links.self });
});

const status = editorRoute('admin', {
  method: 'get',
  path: '/v1/admin/rebuilds/{id}',
  operationId: 'getRebuild',
  tags: ['Admin'],
  summary: "A rebuild's progress",
  description: 'Its state (queued, running, complete, errored), events replayed of how many, pages, D1 calls, when it started and finished, and its error.',
  request: { params: z.object({ id: Uuid }) },
  responses: {
    200: jsonContent(RebuildStatus, 'The rebuild'),
    404: problemContent('No such rebuild'),
  },
});

rebuildRoutes.openapi(status, async (c) => {
  const found = await rebuildStatus(c.var.db, c.env.REBUILD, c.req.valid('param').id);
  return found ? c.json(found, 200) : notFound(c, 'no rebuild has this id');
});
