import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { relationDisplayName, relationNameProblem } from '../domain/relation';
import type { AppEnv } from '../env';
import { listRelations, relationSummary } from '../store/relations';
import { relationOverview } from '../views/relation-overview';
import { HomePage } from '../web/home';
import { RelationPage } from '../web/relation-page';
import { TimelineJsPage } from '../web/timelinejs-page';
import { publicRoute, type RouteDefinition } from './documented-route';
import { topicLinkHeader } from '../websub/topics';
import { messagePage } from './error-pages';
import { publicOrigin } from './origin';
import { cachedRead } from './response-cache';
import { notModified, Problem } from './schemas';
import { todayUtc } from './view-params';

/** The pages for people: the relations, and one page per relation. */
export const webRoutes = new OpenAPIHono<AppEnv>();

// Any one segment: what is not a relation (`/0`, `/MX-RU`, `/mx-xx`) is a 404 page. /docs, /healthz,
// /openapi.json and /feed.xml are routes of their own, mounted before these.
const RELATION_PATH = '/:relation';

const AsOf = z.iso.date();

const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
const Relation = z.object({ relation: z.string().describe('two ISO 3166-1 alpha-2 codes, lower case, alphabetical: mx-ru') });

// Documented for completeness; the handlers below answer people, with pages, not problem+json.
const PAGES: Omit<RouteDefinition, 'method'>[] = [
  { path: '/', operationId: 'getHomePage', tags: ['Pages'], description: 'Every relation with its name and dates, linking to its page and to the feeds.', summary: 'The web page: every relation', responses: { 200: html('The page'), ...notModified } },
  {
    path: '/{relation}',
    operationId: 'getRelationPage',
    tags: ['Pages'],
    description: 'The chart, the periods of relations with what qualifies them, the agreements with their status as of a day the reader picks (a GET form, no JavaScript), and the timeline grouped by the periods of relations.',
    summary: "The web page of a relation: relations over time, agreements as of a day, the timeline",
    request: { params: Relation, query: z.object({ asOf: AsOf.optional().describe('YYYY-MM-DD, default today (UTC)') }) },
    responses: {
      200: html('The page'),
      ...notModified,
      400: {
        description: 'asOf is not a date (a page), or the x-d1-bookmark header is not a D1 bookmark (a problem)',
        content: { 'text/html': { schema: z.string() }, 'application/problem+json': { schema: Problem } },
      },
      404: html('Not a relation, or one with no events'),
    },
  },
  {
    path: '/{relation}/timelinejs',
    operationId: 'getRelationTimelinePage',
    tags: ['Pages'],
    description: 'The timeline drawn by TimelineJS, served from this origin with nothing loaded from another.',
    summary: 'The timeline of a relation drawn by TimelineJS',
    request: { params: Relation },
    responses: { 200: html('The page'), ...notModified, 404: html('Not a relation, or one with no events') },
  },
];
for (const page of PAGES) webRoutes.openAPIRegistry.registerPath(publicRoute({ method: 'get', ...page }));

/** A page that changes with the log is a WebSub topic: its hub and its own URL in the Link header (§4). */
const advertiseHub = (c: Context<AppEnv>, path: string) => c.header('link', topicLinkHeader(publicOrigin(c), `${publicOrigin(c)}${path}`));

webRoutes.get('/', cachedRead({ scope: 'all' }), async (c) => {
  advertiseHub(c, '/');
  return c.html(<HomePage relations={await listRelations(c.var.db)} />);
});

// Keyed by the day: without `asOf` the agreements' status is today's, and the chart runs to today.
webRoutes.get(RELATION_PATH, cachedRead({ scope: 'relation', dependsOnToday: () => true }), async (c) => {
  const relation = c.req.param('relation');
  const refused = refuseRelation(c, relation);
  if (refused) return refused;
  const today = todayUtc();
  const asOf = c.req.query('asOf') || today;
  if (!AsOf.safeParse(asOf).success) {
    return messagePage(c, 400, 'Not a date', `“${asOf}” is not a day of the calendar; the form sends one as YYYY-MM-DD.`);
  }
  const overview = await relationOverview(c.var.db, relation, asOf);
  if (!overview) return unknownRelation(c, relation);
  const name = relationDisplayName(relation);
  if (!c.req.query('asOf')) advertiseHub(c, `/${relation}`);
  return c.html(<RelationPage {...{ relation, name, asOf, today, ...overview }} />);
});

webRoutes.get(`${RELATION_PATH}/timelinejs`, cachedRead({ scope: 'relation' }), async (c) => {
  const relation = c.req.param('relation');
  const refused = refuseRelation(c, relation);
  if (refused) return refused;
  if (!(await relationSummary(c.var.db, relation))) return unknownRelation(c, relation);
  return c.html(<TimelineJsPage relation={relation} name={relationDisplayName(relation)} />);
});

/** A 404 page unless `relation` is a well-formed relation name. */
function refuseRelation(c: Context<AppEnv>, relation: string): Response | null {
  if (relation !== relation.toLowerCase() && !relationNameProblem(relation.toLowerCase())) {
    return messagePage(c, 404, 'No such page', `Relation names are lower case: try /${relation.toLowerCase()}.`);
  }
  const problem = relationNameProblem(relation);
  return problem ? messagePage(c, 404, 'No such relation', `“${relation}” is not a relation: ${problem}.`) : null;
}

function unknownRelation(c: Context<AppEnv>, relation: string): Response {
  return messagePage(c, 404, 'No such relation', `No events have been recorded for ${relationDisplayName(relation)} (${relation}).`);
}
