import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { Level, type FactType } from '../domain/catalog';
import { relationCountries } from '../domain/relation';
import { LanguageCode } from '../i18n/languages';
import type { AppEnv } from '../env';
import { CHARTED_TYPES, chartData } from '../web/chart/rows';
import { chartSvg } from '../web/chart/svg';
import { relationOverview } from '../views/relation-overview';
import { withValidators } from './conditional';
import { publicOrigin } from './origin';
import { publicRoute } from './documented-route';
import { askedWords } from './page-language';
import { notFound, validationHook } from './problem';
import { cachedRead } from './response-cache';
import { notModified, problemContent, RelationParam } from './schemas';
import { CalendarDay, listOf, splitList, todayUtc } from './view-params';

/** The chart of a relation as an SVG image, for embedding: served from the edge cache like every public read. */
export const chartRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** Wide enough for any screen an image is shown on: finer ticks appear up to this width. */
const MAX_WIDTH = 2560;

const ChartQuery = z.object({
  asOf: CalendarDay.optional().describe('where the as-of line is drawn and the day the hover text gives each status for (default: today, UTC)'),
  level: Level.optional().describe('only federal or only subnational facts'),
  type: listOf(CHARTED_TYPES, 'a type the chart draws').optional()
    .describe(`draw only the rows of these types, comma-separated: ${CHARTED_TYPES.join(', ')}`),
  lang: LanguageCode.optional().describe('the language of its words (title, legend, description, hover texts); English without it'),
});

const chart = publicRoute({
  method: 'get',
  path: '/v1/relations/{relation}/chart.svg',
  operationId: 'getRelationChart',
  tags: ['Timeline'],
  // Keyed by the day as well: the axis runs to today, and an agreement valid indefinitely with it.
  middleware: [cachedRead({ scope: 'relation', dependsOnToday: () => true })] as const,
  summary: 'The periods of relations, the agreements and the visits of a relation on one time axis, as SVG',
  description:
    'A fluid SVG (it takes the width of its box, at least 560 px; text keeps its size): a band of the periods of relations ' +
    '(severed ones hatched), one bar per agreement from its signing to the end of its validity (an arrow when valid ' +
    'indefinitely, hatched grey ending in a question mark when the source gives no validity), dates known only to the ' +
    'month or year faded within a dashed outline, visits as marks by destination, and a dashed line on `asOf`. Every ' +
    'mark has a <title> with its headline and date, and links to the page of its fact. Served from the edge cache; an ETag answers conditional requests with 304.',
  request: { params: RelationParam, query: ChartQuery },
  responses: {
    200: { description: 'The chart', content: { 'image/svg+xml': { schema: z.string() } } },
    ...notModified,
    404: problemContent('No such relation'),
  },
});

chartRoutes.openapi(chart, async (c) => {
  const { relation } = c.req.valid('param');
  const { asOf: asked, level, type, lang } = c.req.valid('query');
  const today = todayUtc();
  const asOf = asked ?? today;
  const words = await askedWords(c, lang);
  const overview = await relationOverview(c.var.db, relation, asOf, words.language);
  if (!overview) return notFound(c, `no events have been recorded for ${relation}`);
  const filters = { level, types: splitList(type) as FactType[] | undefined };
  const pages = lang ? `${publicOrigin(c)}/${lang}` : publicOrigin(c);
  const { svg } = chartSvg(chartData(overview, filters), {
    words, name: words.relation(relation), relation, href: (path) => `${pages}${path}`,
    countries: relationCountries(relation), today, asOf, filters,
    maxWidth: MAX_WIDTH, embedding: 'document', source: `${words.t('site.name')}, ${pages}/${relation}`,
  });
  // Built by hand (an image, with its ETag), so its type is a plain Response.
  return (await withValidators(svg, 'image/svg+xml; charset=utf-8', null)) as never;
});
