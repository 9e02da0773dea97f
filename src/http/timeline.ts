import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { Edtf, FACT_TYPES, Level } from '../domain/catalog';
import { InvalidDate, parseOccurred } from '../domain/dates';
import type { AppEnv } from '../env';
import { decodeCursor, TimelineItem, timelinePage } from '../views/timeline/queries';
import { notFound, validationHook } from './problem';
import { jsonContent, notModified, problemContent, RelationParam } from './schemas';
import { listOf, pageLimit, splitList } from './view-params';
import { cachedRead } from './response-cache';

/** A relation's timeline: filtered, in the order things happened, a page at a time. */

export const timelineRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** The first or last day an EDTF date can mean; null when it is not a date (its own check says why). */
function dayOf(edtf: string, end: 'earliest' | 'latest'): string | null {
  try {
    return parseOccurred(edtf)[end];
  } catch (error) {
    if (error instanceof InvalidDate) return null;
    throw error;
  }
}

const TimelineQuery = z
  .object({
    from: Edtf.optional().describe('EDTF: events whose date begins on or after the first day of this (1920, 1943-06, 197X, 1943-21)'),
    to: Edtf.optional().describe('EDTF: events whose date begins on or before the last day of this'),
    type: listOf(FACT_TYPES, 'an event type').optional().describe('event types, comma-separated'),
    tag: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lower-case-kebab').optional(),
    level: Level.optional(),
    q: z.string().trim().min(1).max(200).optional().describe('words in the headline or summary'),
    limit: pageLimit(50, 200),
    cursor: z.string().max(200).refine((value) => decodeCursor(value) !== null, 'not a cursor of this timeline').optional()
      .describe('the `next` of the previous page'),
  })
  .superRefine((query, ctx) => {
    const from = query.from && dayOf(query.from, 'earliest');
    const to = query.to && dayOf(query.to, 'latest');
    if (from && to && to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: `ends before from (${query.from})` });
  });

const timeline = createRoute({
  method: 'get',
  path: '/v1/relations/{relation}/timeline',
  middleware: [cachedRead({ scope: 'relation' })] as const,
  summary: "A relation's timeline, in the order things happened",
  description:
    'Live events (corrections applied, retractions left out) ordered by the first day their date can mean, then by position in the log. An event dated only by its end (`/2023`) sorts on that end.',
  request: { params: RelationParam, query: TimelineQuery },
  responses: {
    200: jsonContent(
      z.object({ relation: z.string(), items: z.array(TimelineItem), next: z.string().nullable() }),
      'One page; `next` is the cursor of the following page, null at the end',
    ),
    ...notModified,
    400: problemContent('A bad parameter, named'),
    404: problemContent('No such relation'),
  },
});

timelineRoutes.openapi(timeline, async (c) => {
  const { relation } = c.req.valid('param');
  const { type, ...query } = c.req.valid('query');
  const page = await timelinePage(c.var.db, relation, { ...query, types: splitList(type) });
  if (!page) return notFound(c, `no events have been recorded for ${relation}`);
  return c.json({ relation, ...page }, 200);
});
