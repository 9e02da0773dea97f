import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { exportLog } from '../backup/export';
import type { AppEnv } from '../env';
import { editorRoute } from './editor-auth';
import { publicOrigin } from './origin';
import { validationHook } from './problem';
import { NOT_STORED } from './schemas';

/** The backup of the log: every event, as the log holds it, streamed as NDJSON (src/backup/file-format.ts). */
export const exportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

export const NDJSON = 'application/x-ndjson';

const exportLogRoute = editorRoute('admin', {
  method: 'get',
  path: '/v1/admin/export',
  operationId: 'exportLog',
  tags: ['Backups'],
  summary: 'The whole log, as a backup file',
  description:
    'Every event in position order, as the log holds it, one JSON object a line, between a first line and a last; each line\u2019s ' +
    '`check` chains it to the one before, so a restore refuses a file cut short or changed. Streamed; reads the log, not the views.',
  responses: {
    200: {
      description: 'The backup file',
      headers: { 'Content-Disposition': { required: true, description: 'attachment, with a file name that says when', schema: { type: 'string' } } },
      content: { [NDJSON]: { schema: z.string() } },
    },
  },
});

exportRoutes.openapi(exportLogRoute, async (c) => {
  const exported = new Date().toISOString();
  const { body } = await exportLog(c.var.db, publicOrigin(c), exported);
  const name = `relations-log-${exported.slice(0, 19).replaceAll(':', '-')}Z.ndjson`;
  return c.body(body, 200, {
    ...NOT_STORED,
    'content-type': `${NDJSON}; charset=utf-8`,
    'content-disposition': `attachment; filename="${name}"`,
  }) as never;
});
