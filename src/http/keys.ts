import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CreateKey, EditorKey, EditorKeyWithSecret, KeyId } from '../editors/api-schemas';
import { createKey, listKeys, revokeKey } from '../editors/keys';
import type { AppEnv } from '../env';
import { editorRoute } from './editor-auth';
import { notFound, validationHook } from './problem';
import { jsonContent, NOT_STORED, problemContent } from './schemas';

/** Editors' keys: made, listed and revoked with the admin scope. */
export const keyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const create = editorRoute('admin', {
  method: 'post',
  path: '/v1/admin/keys',
  operationId: 'createEditorKey',
  tags: ['Keys'],
  summary: 'Make a key for an editor',
  description: 'Answers the key (rlk_…) this once: only its SHA-256 is stored. Events recorded with it are attributed to its name.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateKey } } } },
  responses: { 201: jsonContent(EditorKeyWithSecret, 'Made'), 422: problemContent('An invalid field') },
});

keyRoutes.openapi(create, async (c) => {
  const { editorKey, key } = await createKey(c.var.db, c.req.valid('json'), c.var.editor.name, new Date().toISOString());
  return c.json({ ...editorKey, key }, 201, NOT_STORED);
});

const list = editorRoute('admin', {
  method: 'get',
  path: '/v1/admin/keys',
  operationId: 'listEditorKeys',
  tags: ['Keys'],
  description: 'Every key with its name, scopes, prefix, who made it and when, when it was last used (up to a minute behind) and whether it is revoked; never the key itself.',
  summary: 'Every key, revoked ones included, oldest first',
  responses: { 200: jsonContent(z.object({ keys: z.array(EditorKey) }), 'The keys, without the keys themselves') },
});

keyRoutes.openapi(list, async (c) => c.json({ keys: await listKeys(c.var.db) }, 200));

const revoke = editorRoute('admin', {
  method: 'delete',
  path: '/v1/admin/keys/{id}',
  operationId: 'revokeEditorKey',
  tags: ['Keys'],
  summary: 'Revoke a key',
  description: 'The key stops working at once. Events recorded with it keep its name. Revoking a revoked key changes nothing.',
  request: { params: KeyId },
  responses: {
    200: jsonContent(EditorKey, 'Revoked'),
    404: problemContent('No such key'),
  },
});

keyRoutes.openapi(revoke, async (c) => {
  const revoked = await revokeKey(c.var.db, c.req.valid('param').id, c.var.editor.name, new Date().toISOString());
  return revoked ? c.json(revoked, 200) : notFound(c, 'no key has this id');
});
