import type { Db } from '../store/db';
import { keyHash, newKey, shownPrefix } from './key-format';
import { lookalikeOf, type Prototypes } from './lookalikes';
import { sameSecret } from './same-secret';
import { ADMIN_NAME, SCOPES, type Editor, type Scope } from './scopes';

/** The `editor_keys` table: making, listing and revoking editors' keys, and finding the editor a key belongs to. */

/** A key as the API shows it: never the key itself. */
export interface EditorKey {
  id: string;
  name: string;
  scopes: Scope[];
  prefix: string;
  created: string;
  createdBy: string;
  lastUsed: string | null;
  revoked: string | null;
  revokedBy: string | null;
}

interface KeyRow {
  id: string;
  name: string;
  scopes: string;
  prefix: string;
  created: string;
  created_by: string;
  last_used: string | null;
  revoked: string | null;
  revoked_by: string | null;
}

const COLUMNS = 'id, name, scopes, prefix, created, created_by, last_used, revoked, revoked_by';

/** "Last used" is written at most this often per key, so that using a key costs no write most of the time. */
export const LAST_USED_PRECISION_MS = 60_000;

function keyFromRow(row: KeyRow): EditorKey {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes),
    prefix: row.prefix,
    created: row.created,
    createdBy: row.created_by,
    lastUsed: row.last_used,
    revoked: row.revoked,
    revokedBy: row.revoked_by,
  };
}

/** Why a key was not made: the name is an editor's (and the request did not say it is another key of theirs), looks like one, or is no editor's. */
export type KeyRefused =
  | { refused: 'name-taken'; editor: string }
  | { refused: 'looks-like'; editor: string }
  | { refused: 'no-such-editor' };

/**
 * Makes a key for an editor, its scopes each once in the order of SCOPES; answers the key itself, which is
 * never stored and cannot be shown again. An editor is their name: a name already on a key (revoked ones
 * included: the log shows their events) gets another key of that editor only when `anotherKey` says so, and
 * a name confusable with `admin` or with an editor's (lookalikes.ts) is refused, so that no reader of the log
 * or the feeds takes one editor for another. Two D1 calls: the editors' names, then the key.
 */
export async function createKey(
  db: Db, input: { name: string; scopes: Scope[]; anotherKey?: boolean }, createdBy: string, now: string, prototypes: Prototypes,
): Promise<{ editorKey: EditorKey; key: string } | KeyRefused> {
  const names = (await db.all<{ name: string }>(db.prepare('SELECT DISTINCT name FROM editor_keys'))).map((row) => row.name);
  const taken = names.includes(input.name);
  if (!taken) {
    const lookalike = lookalikeOf(input.name, [ADMIN_NAME, ...names], prototypes);
    if (lookalike !== null) return { refused: 'looks-like', editor: lookalike };
    if (input.anotherKey) return { refused: 'no-such-editor' };
  } else if (!input.anotherKey) {
    return { refused: 'name-taken', editor: input.name };
  }
  const key = newKey();
  const id = `key_${crypto.randomUUID().replaceAll('-', '')}`;
  const row = await db.first<KeyRow>(db.prepare(
    `INSERT INTO editor_keys (id, hash, prefix, name, scopes, created, created_by)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING ${COLUMNS}`,
    id, await keyHash(key), shownPrefix(key), input.name, JSON.stringify(SCOPES.filter((scope) => input.scopes.includes(scope))), now, createdBy,
  ));
  return { editorKey: keyFromRow(row!), key };
}

/** Every key, revoked ones included, oldest first. */
export async function listKeys(db: Db): Promise<EditorKey[]> {
  const rows = await db.all<KeyRow>(db.prepare(`SELECT ${COLUMNS} FROM editor_keys ORDER BY created, id`));
  return rows.map(keyFromRow);
}

/** Revokes a key from now on; revoking it again changes nothing. Null for an unknown id. */
export async function revokeKey(db: Db, id: string, revokedBy: string, now: string): Promise<EditorKey | null> {
  const row = await db.first<KeyRow>(db.prepare(
    `UPDATE editor_keys SET revoked = COALESCE(revoked, ?2), revoked_by = COALESCE(revoked_by, ?3)
     WHERE id = ?1 RETURNING ${COLUMNS}`,
    id, now, revokedBy,
  ));
  return row && keyFromRow(row);
}

/**
 * The editor a key belongs to, or null when no live key has this hash (unknown or revoked). One D1 call:
 * the lookup, and "last used" written in the same batch when it is more than a minute old. A batch that
 * holds a write runs on the primary, whatever replica or bookmark the request's session began at, so a
 * revoked key fails at once everywhere.
 */
export async function editorOfKey(db: Db, key: string, now: Date): Promise<Editor | null> {
  const hash = await keyHash(key);
  const [, found] = await db.batch<{ id: string; name: string; scopes: string; hash: string }>([
    db.prepare(
      `UPDATE editor_keys SET last_used = ?2
       WHERE hash = ?1 AND revoked IS NULL AND (last_used IS NULL OR last_used < ?3)`,
      hash, now.toISOString(), new Date(now.getTime() - LAST_USED_PRECISION_MS).toISOString(),
    ),
    db.prepare('SELECT id, name, scopes, hash FROM editor_keys WHERE hash = ?1 AND revoked IS NULL', hash),
  ]);
  const row = found.results[0];
  if (!row || !(await sameSecret(row.hash, hash))) return null;
  return { name: row.name, scopes: JSON.parse(row.scopes), keyId: row.id };
}
