import { toBase64Url } from '../base64';
import type { Db } from '../store/db';
import { keyHash } from './key-format';
import type { Editor } from './scopes';

/**
 * The `editor_sessions` table: browser sessions of the desk, made from an editor key. A session's token
 * (`rls_` and 43 characters of base64url, 32 random bytes) is shown once, when it is made; only its SHA-256
 * is kept. It carries its key's name and scopes, and holds only while its key is live: the lookup joins the
 * key, so that revoking the key ends its sessions at once.
 */

const SESSION_PATTERN = /^rls_[A-Za-z0-9_-]{43}$/;
/** How long a session lasts: a working day. */
export const SESSION_SECONDS = 12 * 60 * 60;

export const looksLikeSession = (token: string) => SESSION_PATTERN.test(token);

/** Makes a session of the key; answers its token and when it ends. Ended sessions are cleared in the same batch. */
export async function startSession(db: Db, keyId: string, now: Date): Promise<{ session: string; expires: string }> {
  const session = `rls_${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
  const expires = new Date(now.getTime() + SESSION_SECONDS * 1000).toISOString();
  await db.batch([
    db.prepare('DELETE FROM editor_sessions WHERE expires <= ?1', now.toISOString()),
    db.prepare('INSERT INTO editor_sessions (hash, key_id, created, expires) VALUES (?1, ?2, ?3, ?4)',
      await keyHash(session), keyId, now.toISOString(), expires),
  ]);
  return { session, expires };
}

/** Ends a session (signing out); ending it again changes nothing. */
export async function endSession(db: Db, session: string): Promise<void> {
  await db.batch([db.prepare('DELETE FROM editor_sessions WHERE hash = ?1', await keyHash(session))]);
}

/**
 * The editor of a live session of a live key, or null: one D1 call, which joins the key, so that revoking it
 * ends its sessions at once. (Editors' requests read the primary: src/http/d1-session.ts.)
 */
export async function editorOfSession(db: Db, session: string, now: Date): Promise<Editor | null> {
  const row = await db.first<{ id: string; name: string; scopes: string }>(db.prepare(
    `SELECT k.id, k.name, k.scopes FROM editor_sessions s JOIN editor_keys k ON k.id = s.key_id
     WHERE s.hash = ?1 AND s.expires > ?2 AND k.revoked IS NULL`,
    await keyHash(session), now.toISOString(),
  ));
  return row && { name: row.name, scopes: JSON.parse(row.scopes), keyId: row.id };
}
