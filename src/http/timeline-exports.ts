import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { relationDisplayName } from '../domain/relation';
import type { AppEnv } from '../env';
import { anniversariesCalendar, hasAnniversary } from '../feeds/ics';
import { timelineJs } from '../feeds/timelinejs';
import { relationOverview } from '../views/relation-overview';
import { wholeTimeline } from '../views/timeline/queries';
import { withValidators } from './conditional';
import { cachedFeed } from './response-cache';
import { publicOrigin } from './origin';
import { notFound, validationHook } from './problem';
import { problemContent, RelationParam } from './schemas';

/** The timeline in other people's formats: TimelineJS for a visual timeline, iCalendar for anniversaries. */
export const timelineExportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const cachedExport = {
  304: { description: 'Not modified since the ETag or date the client sent' },
  400: problemContent('A malformed relation name'),
  404: problemContent('No such relation'),
};

const timelineJsRoute = createRoute({
  method: 'get',
  path: '/v1/relations/{relation}/timeline.timelinejs.json',
  summary: 'The timeline in Knight Lab TimelineJS format',
  description: 'Partial dates stay partial (a year is only a year); the periods of relations are the eras.',
  request: { params: RelationParam },
  responses: {
    200: { description: 'TimelineJS JSON', content: { 'application/json': { schema: z.object({}).passthrough() } } },
    ...cachedExport,
  },
});

timelineExportRoutes.openapi(timelineJsRoute, async (c) => {
  const { relation } = c.req.valid('param');
  const response = await cachedFeed(publicOrigin(c), c.req.raw, { relation }, async () => {
    const today = new Date().toISOString().slice(0, 10);
    const overview = await relationOverview(c.var.db, relation, today);
    if (!overview) return notFound(c, `no events have been recorded for ${relation}`);
    const body = timelineJs({
      name: relationDisplayName(relation),
      items: overview.timeline,
      periods: overview.status.periods,
      today,
      pageUrl: `${publicOrigin(c)}/${relation}`,
    });
    return withValidators(JSON.stringify(body), 'application/json; charset=utf-8', null);
  });
  // Built by hand (cached, answered conditionally), so its type is a plain Response, not c.json's.
  return response as never;
});

const icsRoute = createRoute({
  method: 'get',
  path: '/v1/relations/{relation}/anniversaries.ics',
  summary: 'Yearly anniversaries of the events dated to an exact day, as an iCalendar feed',
  description: 'One all-day event a year per day-precise event (29 February falls on 28 February in common years).',
  request: { params: RelationParam },
  responses: {
    200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
    ...cachedExport,
  },
});

timelineExportRoutes.openapi(icsRoute, async (c) => {
  const { relation } = c.req.valid('param');
  const response = await cachedFeed(publicOrigin(c), c.req.raw, { relation }, async () => {
    const items = await wholeTimeline(c.var.db, relation);
    if (!items) return notFound(c, `no events have been recorded for ${relation}`);
    const origin = publicOrigin(c);
    const body = anniversariesCalendar({
      name: relationDisplayName(relation),
      items: items.filter(hasAnniversary),
      host: new URL(origin).hostname,
      eventUrl: (id) => `${origin}/${relation}#event-${id}`,
      stamp: new Date().toISOString(),
    });
    return withValidators(body, 'text/calendar; charset=utf-8', null);
  });
  return response;
});
