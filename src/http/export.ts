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
    'Every event of the log in position order, exactly as the log holds it (id, relation, position, version, type, payload version, ' +
    'occurred, recorded, actor, data, source …), one JSON object a line: a first line that says how many events follow and up to which ' +
    'position, the events, a last line that ends the file. Each line carries a `check` chained to the line before it, so that a file cut ' +
    'short or changed is refused by the restore at the line where it happened. Streamed a page of the log at a time; it reads the log, ' +
    'never the views, up to its last position when the export began.',
  responses: {
    200: {
      description: 'The backup file',
      headers: { 'Content-Disposition': { required: true, description: 'attachment, with a file name that says when', schema: { type: 'string' } } },
      content: { [NDJSON]: { schema: z.string().describe('NDJSON: the first line, one line per event, the last line') } },
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
