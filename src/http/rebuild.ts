import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { RebuildInProgress, rebuildViews } from '../views/rebuild';
import { requireEditor } from './editor-auth';
import { problem, validationHook } from './problem';
import { jsonContent, problemContent } from './schemas';

/** Rebuilding every view from the log, for editors. */

export const rebuildRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const rebuild = createRoute({
  method: 'post',
  path: '/v1/admin/rebuild',
  summary: 'Rebuild every view from the log',
  description:
    'Replays the whole log in position order through the projectors into fresh tables and swaps them in, in one transaction. Events recorded meanwhile are replayed too before the swap.',
  security: [{ editorToken: [] }],
  middleware: [requireEditor] as const,
  request: {
    query: z.object({
      pageSize: z.coerce.number().int().min(10).max(5000).default(1000).describe('events read and written per D1 call'),
    }),
  },
  responses: {
    200: jsonContent(
      z.object({
        events: z.number().int(),
        throughPosition: z.number().int(),
        calls: z.number().int(),
        milliseconds: z.number(),
        views: z.array(z.object({ view: z.string(), version: z.number().int() })),
      }),
      'Rebuilt: how many events were replayed, up to which position, with how many D1 calls, in how long',
    ),
    400: problemContent('A bad parameter, named'),
    401: problemContent('No editor token'),
    403: problemContent('Wrong editor token'),
    409: problemContent('Another rebuild is running'),
  },
});

rebuildRoutes.openapi(rebuild, async (c) => {
  try {
    return c.json(await rebuildViews(c.var.db, { pageSize: c.req.valid('query').pageSize }), 200);
  } catch (error) {
    if (!(error instanceof RebuildInProgress)) throw error;
    return problem(c, 409, { type: '/problems/rebuild-in-progress', title: 'A rebuild is running', detail: error.message });
  }
});
