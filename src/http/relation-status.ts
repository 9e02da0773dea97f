import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { toldIn } from '../i18n/reasons';
import { RelationStatusReport, relationStatusReport } from '../views/relation-status/queries';
import { publicRoute } from './documented-route';
import { askedWords } from './page-language';
import { notFound, validationHook } from './problem';
import { jsonContent, notModified, problemContent, RelationParam } from './schemas';
import { CalendarDay, Lang, todayUtc } from './view-params';
import { cachedRead } from './response-cache';

/** Whether relations were established, severed or restored on a day. */

export const relationStatusRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const status = publicRoute({
  method: 'get',
  path: '/v1/relations/{relation}/status',
  operationId: 'getRelationStatus',
  tags: ['Status'],
  // Without `on`, the status is today's.
  middleware: [cachedRead({ scope: 'relation', dependsOnToday: (query) => !query.get('on') })] as const,
  summary: 'Whether relations were established, severed or restored on a day, what qualifies that, and the periods over time',
  description:
    '`status` is established, severed or restored with the event that made it so; not_established before the first such event; unknown when a change dated only to a month or year may or may not have happened by that day (`possibleChange`). ' +
    '`qualifiers` are what the sources say of relations that day without changing them (RelationsQualified: practically_non_existent, sources_differ); the `reason` says them in words, and each period lists its own.',
  request: {
    params: RelationParam,
    query: z.object({ on: CalendarDay.optional().describe('YYYY-MM-DD (default: today, UTC)'), lang: Lang }),
  },
  responses: {
    200: jsonContent(
      RelationStatusReport.extend({ relation: z.string() }),
      'The status on that day',
    ),
    ...notModified,
    404: problemContent('No such relation'),
  },
});

relationStatusRoutes.openapi(status, async (c) => {
  const { relation } = c.req.valid('param');
  const { on = todayUtc(), lang } = c.req.valid('query');
  const report = await relationStatusReport(c.var.db, relation, on, lang);
  if (!report) return notFound(c, `no events have been recorded for ${relation}`);
  return c.json({ relation, ...toldIn(lang ? await askedWords(c, lang) : null, report) }, 200);
});
