import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { CreateKey, EditorKey, EditorKeyWithSecret, KeyId } from '../editors/api-schemas';
import { createKey, listKeys, revokeKey, type KeyRefused } from '../editors/keys';
import { confusablePrototypes } from '../editors/lookalikes';
import { ADMIN_NAME } from '../editors/scopes';
import type { AppEnv } from '../env';
import { editorRoute } from './editor-auth';
import { notFound, problem, validationHook } from './problem';
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
  responses: {
    201: jsonContent(EditorKeyWithSecret, 'Made'),
    409: problemContent('The name is an editor\'s (without anotherKey), or looks like one'),
    422: problemContent('An invalid field; a name that looks like admin; anotherKey for a name that is no editor\'s'),
  },
});

keyRoutes.openapi(create, async (c) => {
  const prototypes = await confusablePrototypes(c.env.ASSETS);
  const made = await createKey(c.var.db, c.req.valid('json'), c.var.editor.name, new Date().toISOString(), prototypes);
  if ('key' in made) return c.json({ ...made.editorKey, key: made.key }, 201, NOT_STORED);
  return refusedName(c, made);
});

/** Why the name cannot be this key's: a 422 naming the field for what no state of the keys could allow, else a 409. */
function refusedName(c: Context, refused: KeyRefused) {
  const invalid = (pointer: string, detail: string) =>
    problem(c, 422, { type: '/problems/invalid-body', title: 'The request body is not valid', detail, errors: [{ pointer, detail }] });
  if (refused.refused === 'no-such-editor') return invalid('/anotherKey', 'no editor has this name yet: leave anotherKey out');
  if (refused.editor === ADMIN_NAME) {
    return invalid('/name', `looks like ${ADMIN_NAME}, what the ADMIN_TOKEN records as: use the editor's own name`);
  }
  const detail = refused.refused === 'name-taken'
    ? `an editor is already called ${refused.editor}: to give them another key, send "anotherKey": true`
    : `looks like the name of the editor ${refused.editor} (Unicode confusables, UTS #39): readers of the log could not tell them apart`;
  return problem(c, 409, {
    type: '/problems/name-taken', title: 'The name is taken', detail, editor: refused.editor, errors: [{ pointer: '/name', detail }],
  });
}

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
