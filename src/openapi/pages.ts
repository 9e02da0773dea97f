import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { LanguageCode } from '../i18n/languages';
import { publicRoute, type RouteDefinition } from '../http/documented-route';
import { badBookmarkPage, htmlContent as html, notModified } from '../http/schemas';
import { CalendarDay } from '../http/view-params';

/**
 * The pages for people (src/http/web.tsx, src/http/fact-pages.tsx) as the OpenAPI document describes them. Their
 * handlers answer people, with pages, not problem+json, and validate nothing through these definitions: so only
 * the document (./document.ts) reads them, and the Worker is spared their words.
 */

type OpenAPIRegistry = OpenAPIHono['openAPIRegistry'];

const Lang = z.object({ lang: LanguageCode });

const Relation = z.object({ relation: z.string().describe('two ISO 3166-1 alpha-2 codes, lower case, alphabetical: mx-ru') });
const SearchQuery = z.object({
  q: z.string().optional().describe('words, as the timeline API reads them'),
  type: z.string().optional().describe('a type of fact, once per type or comma-separated'),
  tag: z.string().optional(),
  level: z.string().optional(),
  from: z.string().optional().describe('EDTF'),
  to: z.string().optional().describe('EDTF'),
  sort: z.string().optional().describe('timeline or relevance'),
  cursor: z.string().optional().describe('the next page, from the page before'),
});
/** A page's 400: what the page cannot read, told on a page, as a bad x-d1-bookmark header is (app.ts). */
const pageBadRequest = (what: string) => html(`${what}, or the x-d1-bookmark header is not a D1 bookmark`);


const PAGES: Omit<RouteDefinition, 'method'>[] = [
  {
    path: '/',
    operationId: 'getHomePage',
    tags: ['Pages'],
    description: "A search of every relation, today's anniversaries (UTC) with a link to any other day, and every relation with its facts on record, its first and last dates and today's status, linking to its page and to the feeds.",
    summary: "The web page: a search, today's anniversaries, every relation",
    responses: { 200: html('The page'), ...notModified, 400: badBookmarkPage },
  },
  {
    path: '/search',
    operationId: 'getSearchPage',
    tags: ['Pages'],
    description: 'The timeline search of every relation as a page: the words, the filters and the order in the URL, matched words highlighted, paged.',
    summary: 'The web page of a search of every relation',
    request: { query: SearchQuery },
    responses: { 200: html('The page'), ...notModified, 400: pageBadRequest('The search cannot be read: the page says why, beside its form') },
  },
  {
    path: '/on-this-day',
    operationId: 'chooseAnniversaryDay',
    tags: ['Pages'],
    description: "Today's anniversaries (UTC) in every relation; the day chooser's form sends month and day here, and is sent on to that day's page.",
    summary: "Today's page of anniversaries (UTC); with the month and day a form chose, a redirect to that day's page",
    request: { query: z.object({ month: z.string().optional().describe('MM'), day: z.string().optional().describe('DD') }) },
    responses: {
      200: html("Today's page"), ...notModified, 301: { description: 'The page of that day (Location)' }, 400: pageBadRequest('No such day'),
    },
  },
  {
    path: '/on-this-day/{day}',
    operationId: 'getAnniversaryPage',
    tags: ['Pages'],
    description: 'The facts of every relation dated to this month and day, oldest first, with the years since.',
    summary: 'The web page of one day of the year: what happened on it in every relation',
    request: { params: z.object({ day: z.string().describe('MM-DD') }) },
    responses: { 200: html('The page'), ...notModified, 400: badBookmarkPage, 404: html('No such day') },
  },
  {
    path: '/{relation}',
    operationId: 'getRelationPage',
    tags: ['Pages'],
    description: 'The chart, the periods of relations with what qualifies them, the agreements with their status as of a day the reader picks, and the timeline grouped by the periods of relations, with its search and filters (GET forms, no JavaScript).',
    summary: 'The web page of a relation: relations over time, agreements as of a day, the timeline and its search',
    request: { params: Relation, query: SearchQuery.extend({ asOf: CalendarDay.optional().describe('YYYY-MM-DD, default today (UTC)') }) },
    responses: {
      200: html('The page'),
      301: { description: 'A language named alone (`/es`): its front page, `/es/` (Location)' },
      ...notModified,
      400: pageBadRequest('asOf is not a day from 0001-01-01 to 9999-12-31, or the search cannot be read'),
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
    responses: { 200: html('The page'), ...notModified, 400: badBookmarkPage, 404: html('Not a relation, or one with no events') },
  },
];
/** The same page under a language's prefix, in that language (`/{lang}/…`). */
function inLanguage(page: Omit<RouteDefinition, 'method'>): Omit<RouteDefinition, 'method'> {
  const { params } = (page.request ?? {}) as { params?: z.ZodObject };
  return {
    ...page,
    path: `/{lang}${page.path === '/' ? '/' : page.path}`,
    operationId: `${page.operationId}InLanguage`,
    summary: `${page.summary}, in one language`,
    description: `${page.description} In the language of the prefix; the same page without it follows Accept-Language.`,
    request: { ...page.request, params: params ? Lang.extend(params.shape) : Lang },
  };
}
const FACT_PAGE: Omit<RouteDefinition, 'method'> = {
  path: '/{relation}/events/{id}',
  operationId: 'getFactPage',
  tags: ['Pages'],
  description: 'The headline, the date in words with its precision, the data of its type, the summary, the citation with its quote, who recorded it and when, each correction with what it changed and the retraction with its reason, and a citation of the record (plain text, CSL-JSON, BibTeX).',
  summary: 'The web page of one fact: what it says, its source, who recorded it, its corrections and retraction, how to cite it',
  request: { params: z.object({ relation: z.string(), id: z.string() }) },
  responses: {
    200: html('The page'),
    301: { description: 'The fact is of another relation, or the id is of a correction or retraction: its page (Location)' },
    ...notModified,
    400: badBookmarkPage,
    404: html('No fact with this id'),
  },
};

/** Every page for people, without a language's prefix and under it, in the document's `paths`. */
export function registerPages(registry: OpenAPIRegistry): void {
  for (const page of [...PAGES, FACT_PAGE]) {
    registry.registerPath(publicRoute({ method: 'get', ...page }));
    registry.registerPath(publicRoute({ method: 'get', ...inLanguage(page) }));
  }
}
