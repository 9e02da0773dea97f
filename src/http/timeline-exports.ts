import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import type { Language } from '../i18n/languages';
import { EXPORT_FILES, EXPORTS, type ExportFile, type ExportFormat } from '../feeds/exports';
import { relationOverview } from '../views/relation-overview';
import { withValidators } from './conditional';
import { publicRoute } from './documented-route';
import { publicOrigin } from './origin';
import { askedWords } from './page-language';
import { notFound, validationHook } from './problem';
import { cachedRead } from './response-cache';
import { notModified, problemContent, RelationParam } from './schemas';
import type { ApiTag } from './tags';

/** The timeline in other people's formats (feeds/exports.ts): one route per export, served from the edge cache. */
export const timelineExportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** The group of the document each export is listed in. */
const EXPORT_TAGS: Record<ExportFile, ApiTag> = { 'timeline.timelinejs.json': 'Timeline', 'anniversaries.ics': 'On this day' };

for (const file of EXPORT_FILES) {
  const format: ExportFormat = EXPORTS[file];
  const route = publicRoute({
    method: 'get',
    path: `/v1/relations/{relation}/${file}`,
    operationId: format.operationId,
    tags: [EXPORT_TAGS[file]],
    // Keyed by the day: the last period of relations runs to today.
    middleware: [cachedRead({ scope: 'relation', dependsOnToday: () => true })] as const,
    summary: format.summary,
    description: format.description,
    request: { params: RelationParam, query: format.query },
    responses: {
      200: { description: format.summary, content: { [format.mediaType]: { schema: format.schema } } },
      ...notModified,
      404: problemContent('No such relation'),
    },
  });
  timelineExportRoutes.openapi(route, async (c) => {
    const { relation } = c.req.valid('param');
    const origin = publicOrigin(c);
    const now = new Date().toISOString();
    const today = now.slice(0, 10);
    const query = c.req.valid('query') as { lang?: Language };
    const words = await askedWords(c, query.lang);
    const overview = await relationOverview(c.var.db, relation, today, words.language);
    if (!overview) return notFound(c, `no events have been recorded for ${relation}`);
    const pages = query.lang ? `${origin}/${query.lang}` : origin;
    const body = format.render({ words, relation, name: words.relation(relation), origin, pages, today, now, overview, query });
    // Built by hand (a format of its own, with its ETag), so its type is a plain Response, not c.json's.
    return (await withValidators(body, `${format.mediaType}; charset=utf-8`, null)) as never;
  });
}
