import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { cancelRestore, commitRestore, openRestore, receiveLines } from '../backup/restore';
import { RestoreRequest, RestoreStatus, restoreStatusOf as statusOf } from '../backup/restore-status';
import { Uuid } from '../domain/uuid';
import type { AppEnv } from '../env';
import { restoreById } from '../store/restores';
import { editorRoute } from './editor-auth';
import { NDJSON } from './export';
import { notFound, problem, problemResponse, validationHook } from './problem';
import { cachedResponsesChanged } from './response-cache';
import { strictBodyText } from './json-body';
import { jsonContent, problemContent } from './schemas';
import type { ApiTag } from './tags';

/**
 * Restoring the log from a backup file (src/backup/restore.ts), with the admin scope: ask for the restore of
 * a file, send its lines, commit; follow it, or cancel it before it has written anything.
 */
export const restoreRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const MAX_CHUNK_BYTES = 8 * 1024 * 1024;
const RestoreId = z.object({ id: Uuid });
const TAGS: [ApiTag] = ['Backups'];

const open = editorRoute('admin', {
  method: 'post',
  path: '/v1/admin/restores',
  operationId: 'startRestore',
  tags: TAGS,
  summary: 'Restore the log from a backup file',
  description:
    'For a file of GET /v1/admin/export, named by its last line\u2019s check; then POST its lines and commit. The log must hold no ' +
    'event the file lacks. Asked again, answers the restore under way or done. Appends answer 503 meanwhile.',
  request: { body: { required: true, content: { 'application/json': { schema: RestoreRequest } } } },
  responses: {
    201: jsonContent(RestoreStatus, 'Begun: send the lines'),
    200: jsonContent(RestoreStatus, 'This file\u2019s restore, under way or complete'),
    409: problemContent('Another restore is under way'),
    422: problemContent('An invalid field'),
  },
});

restoreRoutes.openapi(open, async (c) => {
  const opened = await openRestore(c.var.db, c.req.valid('json'), new Date());
  if (opened.outcome === 'busy') {
    return problem(c, 409, {
      type: '/problems/restore-in-progress',
      title: 'Another restore is under way',
      detail: `the restore ${opened.run.id} of another file is under way: let it finish, or cancel it (DELETE /v1/admin/restores/${opened.run.id})`,
      restore: opened.run.id,
    });
  }
  const status = statusOf(opened.run);
  return opened.outcome === 'created'
    ? c.json(status, 201, { location: status.links.self })
    : c.json(status, 200);
});

const status = editorRoute('admin', {
  method: 'get',
  path: '/v1/admin/restores/{id}',
  operationId: 'getRestore',
  tags: TAGS,
  summary: 'A restore: how far it is',
  description: 'Its state (receiving, received, complete, refused, cancelled), the lines received of how many, the events the log held already, staged and committed, its error with the line it names, and the rebuild it started.',
  request: { params: RestoreId },
  responses: { 200: jsonContent(RestoreStatus, 'The restore'), 404: problemContent('No such restore') },
});

restoreRoutes.openapi(status, async (c) => {
  const run = await restoreById(c.var.db, c.req.valid('param').id);
  return run ? c.json(statusOf(run), 200) : notFound(c, 'no restore has this id');
});

const lines = editorRoute('admin', {
  method: 'post',
  path: '/v1/admin/restores/{id}/lines',
  operationId: 'sendRestoreLines',
  tags: TAGS,
  summary: 'The next lines of the file',
  description: 'Lines of the file (NDJSON) from line `from`, the one after `received`. A line that fails refuses the restore, naming it; nothing is written.',
  request: {
    params: RestoreId,
    query: z.object({ from: z.coerce.number().int().min(1).describe('the number of the first line sent, counted from 1') }),
    body: { required: true, content: { [NDJSON]: { schema: z.string().describe('lines of the backup file, each ending in a newline') } } },
  },
  responses: {
    200: jsonContent(RestoreStatus, 'Checked: staged, or found in the log already'),
    404: problemContent('No such restore'),
    409: problemContent('Not the next line (`expected`), a restore that takes no more, or a log with other events (`line`)'),
    413: problemContent('More than 8 MiB'),
    422: problemContent('A line cut short, changed, or not of a backup (`line`)'),
  },
});

restoreRoutes.openapi(lines, async (c) => {
  const { id } = c.req.valid('param');
  const { from } = c.req.valid('query');
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== NDJSON) {
    return problemResponse({ title: 'Unsupported Media Type', status: 415, detail: `the lines of a backup are sent as ${NDJSON}` }) as never;
  }
  const body = await strictBodyText(c.req.raw, MAX_CHUNK_BYTES);
  if (body instanceof Response) return body as never;
  const texts = body.split('\n').map((text) => text.replace(/\r$/, ''));
  if (texts.at(-1) === '') texts.pop();
  if (!texts.length) return problem(c, 422, { type: '/problems/invalid-backup', title: 'No lines', detail: 'the body holds no line', line: from });
  const received = await receiveLines(c.var.db, id, from, texts, new Date());
  switch (received.outcome) {
    case 'not-found':
      return notFound(c, 'no restore has this id');
    case 'received':
      return c.json(statusOf(received.run), 200);
    case 'out-of-order':
      return problem(c, 409, {
        type: '/problems/not-the-next-line',
        title: 'Not the line the restore is at',
        detail: `the restore has received ${received.run.received} lines: send from line ${received.run.received + 1}`,
        expected: received.run.received + 1,
      });
    case 'not-receiving':
      return problem(c, 409, {
        type: '/problems/restore-not-receiving',
        title: 'This restore takes no more lines',
        detail: `the restore is ${received.run.state}`,
      });
    case 'refused':
      return problem(c, received.differs ? 409 : 422, {
        type: received.differs ? '/problems/log-differs' : '/problems/invalid-backup',
        title: received.differs ? 'The log holds other events than the file' : 'The file is not a backup the log can take back',
        detail: `${received.refusal.detail}; the restore is refused and nothing was written to the log`,
        line: received.refusal.line,
      });
  }
});

const commit = editorRoute('admin', {
  method: 'post',
  path: '/v1/admin/restores/{id}/commit',
  operationId: 'commitRestore',
  tags: TAGS,
  summary: 'Put the restored events into the log',
  description: 'The staged events go into the log at their positions, with their versions, recorded and actor; the views are rebuilt (`links.rebuild`).',
  request: { params: RestoreId },
  responses: {
    200: jsonContent(RestoreStatus, 'Complete: the events are in the log'),
    404: problemContent('No such restore'),
    409: problemContent('Not every line received, or the restore ended'),
  },
});

restoreRoutes.openapi(commit, async (c) => {
  const committed = await commitRestore(c.var.db, c.req.valid('param').id, c.env.REBUILD, new Date());
  if (committed.outcome === 'not-found') return notFound(c, 'no restore has this id');
  if (committed.outcome === 'not-ready') {
    const { run } = committed;
    return problem(c, 409, {
      type: '/problems/restore-not-received',
      title: 'The file has not been received',
      detail: run.state === 'receiving'
        ? `${run.received} of ${run.lines} lines received: send from line ${run.received + 1}`
        : `the restore is ${run.state}${run.error ? `: ${run.error}` : ''}`,
    });
  }
  if (committed.relations.length) await cachedResponsesChanged(c.env, committed.relations);
  return c.json(statusOf(committed.run), 200);
});

const cancel = editorRoute('admin', {
  method: 'delete',
  path: '/v1/admin/restores/{id}',
  operationId: 'cancelRestore',
  tags: TAGS,
  summary: 'Cancel a restore',
  description: 'Ends a restore that has written nothing to the log yet.',
  request: { params: RestoreId },
  responses: {
    200: jsonContent(RestoreStatus, 'Cancelled'),
    404: problemContent('No such restore'),
    409: problemContent('The restore has ended, or is committing'),
  },
});

restoreRoutes.openapi(cancel, async (c) => {
  const cancelled = await cancelRestore(c.var.db, c.req.valid('param').id, new Date());
  switch (cancelled.outcome) {
    case 'not-found':
      return notFound(c, 'no restore has this id');
    case 'cancelled':
      return c.json(statusOf(cancelled.run), 200);
    case 'not-active':
      return problem(c, 409, { type: '/problems/restore-ended', title: 'The restore has ended', detail: `the restore is ${cancelled.run.state}` });
    case 'committing':
      return problem(c, 409, {
        type: '/problems/restore-committing',
        title: 'The restore is writing to the log',
        detail: `${cancelled.run.committed} of ${cancelled.run.staged} events are in the log: commit it to the end (POST /v1/admin/restores/${cancelled.run.id}/commit)`,
      });
  }
});
