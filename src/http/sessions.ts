import { OpenAPIHono } from '@hono/zod-openapi';
import { looksLikeKey } from '../editors/key-format';
import { NewSession, SessionEditor } from '../editors/session-schemas';
import { endSession, looksLikeSession, startSession } from '../editors/sessions';
import type { AppEnv } from '../env';
import { bearerOf, editorRoute } from './editor-auth';
import { problem, validationHook } from './problem';
import { jsonContent, NOT_STORED, problemContent } from './schemas';

/**
 * Sessions of the editor's desk: made from an editor key (the failed-authentication lockout applies to it as
 * to every editor route), used as that key's bearer credential, ended by signing out or by revoking the key.
 */
export const sessionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const start = editorRoute(null, {
  method: 'post',
  path: '/v1/sessions',
  operationId: 'startSession',
  tags: ['Keys'],
  summary: 'Sign in',
  description: 'A session of the key: a credential with its scopes for 12 hours, until it ends or the key is revoked.',
  responses: {
    201: jsonContent(NewSession, 'Signed in'),
    403: problemContent('Not an editor key'),
  },
});

sessionRoutes.openapi(start, async (c) => {
  const { keyId, name, scopes } = c.var.editor;
  if (!keyId || !looksLikeKey(bearerOf(c.req.raw) ?? '')) {
    return problem(c, 403, { type: '/problems/not-an-editor-key', title: 'Forbidden', detail: 'not an editor key' });
  }
  const started = await startSession(c.var.db, keyId, new Date());
  return c.json({ name, scopes: [...scopes], ...started }, 201, NOT_STORED);
});

const current = editorRoute(null, {
  method: 'get',
  path: '/v1/sessions/current',
  operationId: 'getSession',
  tags: ['Keys'],
  summary: 'Who is signed in',
  description: 'The editor and scopes of the credential.',
  responses: { 200: jsonContent(SessionEditor, 'The editor') },
});

sessionRoutes.openapi(current, (c) => c.json({ name: c.var.editor.name, scopes: [...c.var.editor.scopes] }, 200, NOT_STORED));

const end = editorRoute(null, {
  method: 'delete',
  path: '/v1/sessions/current',
  operationId: 'endSession',
  tags: ['Keys'],
  summary: 'Sign out',
  description: 'Ends the session at once.',
  responses: {
    204: { description: 'Signed out' },
    404: problemContent('Not a session'),
  },
});

sessionRoutes.openapi(end, async (c) => {
  const session = bearerOf(c.req.raw) ?? '';
  if (!looksLikeSession(session)) return problem(c, 404, { title: 'Not Found', detail: 'not a session' });
  await endSession(c.var.db, session);
  return c.body(null, 204);
});
