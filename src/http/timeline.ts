import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { Edtf, FACT_TYPES, Level } from '../domain/catalog';
import { InvalidDate, parseOccurred } from '../domain/dates';
import type { AppEnv } from '../env';
import { searchTerms } from '../views/search/terms';
import { TimelineItem } from '../views/timeline/item';
import { decodeCursor, TIMELINE_SORTS, timelinePage } from '../views/timeline/queries';
import { publicRoute } from './documented-route';
import { notFound, validationHook } from './problem';
import { jsonContent, notModified, problemContent, RelationParam } from './schemas';
import { Lang, listOf, pageLimit, splitList } from './view-params';
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

/** The longest search, in characters (code points, as zod and JSON Schema count them): far more than a person types, and cheap for FTS5. */
const SEARCH_MAX_LENGTH = 200;

export const TimelineParams = z
  .object({
    from: Edtf.optional().describe('EDTF: events whose date begins on or after the first day of this (1920, 1943-06, 197X, 1943-21)'),
    to: Edtf.optional().describe('EDTF: events whose date begins on or before the last day of this'),
    type: listOf(FACT_TYPES, 'an event type').optional().describe('event types, comma-separated'),
    tag: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lower-case-kebab').optional(),
    level: Level.optional(),
    q: z.string().trim().min(1).max(SEARCH_MAX_LENGTH)
      // (An empty search is min's to refuse.)
      .refine((value) => value === '' || searchTerms(value).length > 0, 'no letter or digit to search for')
      .optional()
      .describe(
        `a search of the headline, summary, participants and places, up to ${SEARCH_MAX_LENGTH} characters: every word must ` +
        'match the start of a word (Tlatel finds Tlatelolco), case and accents aside (Lopez finds López); "words in double ' +
        'quotes" match as a phrase, whole words in that order. Nothing else is syntax. White space at either end is removed first.',
      ),
    sort: z.enum(TIMELINE_SORTS).default('timeline')
      .describe('timeline: in the order things happened; relevance: best match first (with q)'),
    limit: pageLimit(50, 200),
    cursor: z.string().max(200).refine((value) => decodeCursor(value) !== null, 'not a cursor of this timeline').optional()
      .describe('the `next` of the previous page'),
    lang: Lang,
  })
  .superRefine((query, ctx) => {
    const from = query.from && dayOf(query.from, 'earliest');
    const to = query.to && dayOf(query.to, 'latest');
    if (from && to && to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: `ends before from (${query.from})` });
    const relevance = query.sort === 'relevance';
    if (relevance && query.q === undefined) ctx.addIssue({ code: 'custom', path: ['sort'], message: 'relevance needs a search (q)' });
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (cursor && (cursor.score !== undefined) !== (relevance && query.q !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: `not a cursor of a page in ${query.sort} order` });
    }
  });

const timeline = publicRoute({
  method: 'get',
  path: '/v1/relations/{relation}/timeline',
  operationId: 'getRelationTimeline',
  tags: ['Timeline'],
  middleware: [cachedRead({ scope: 'relation' })] as const,
  summary: "A relation's timeline, in the order things happened",
  description:
    'Live events (corrections applied, retractions left out) ordered by the first day their date can mean, then by position in the log. An event dated only by its end (`/2023`) sorts on that end. With `q`, only the events that match the search, in that order or, with `sort=relevance`, best match first.',
  request: { params: RelationParam, query: TimelineParams },
  responses: {
    200: jsonContent(
      z.object({ relation: z.string(), items: z.array(TimelineItem), next: z.string().nullable() }),
      'One page; `next` is the cursor of the following page, null at the end',
    ),
    ...notModified,
    404: problemContent('No such relation'),
  },
});

timelineRoutes.openapi(timeline, async (c) => {
  const { relation } = c.req.valid('param');
  const { type, lang, ...query } = c.req.valid('query');
  const page = await timelinePage(c.var.db, relation, { ...query, types: splitList(type), language: lang });
  if (!page) return notFound(c, `no events have been recorded for ${relation}`);
  // The items go out as their rows keep them, already JSON: only the envelope is written here.
  const body = `{"relation":${JSON.stringify(relation)},"items":[${page.items.join(',')}],"next":${JSON.stringify(page.next)}}`;
  return c.body(body, 200, { 'content-type': 'application/json' });
});
