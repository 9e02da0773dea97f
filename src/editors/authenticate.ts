import type { Db } from '../store/db';
import { looksLikeKey } from './key-format';
import { editorOfKey } from './keys';
import { sameSecret } from './same-secret';
import { editorOfSession, looksLikeSession } from './sessions';
import { ADMIN, type Editor } from './scopes';

/**
 * Who a bearer credential belongs to: the ADMIN_TOKEN (the bootstrap credential, every scope, recorded as
 * `admin`), a live editor key, or a live session of one (the desk's); one D1 call either way. Null for
 * anything else. The ADMIN_TOKEN is compared in constant time; only a credential shaped like a key or a
 * session is looked up.
 */
export async function authenticate(db: Db, adminToken: string | undefined, credential: string, now: Date): Promise<Editor | null> {
  if (adminToken && (await sameSecret(credential, adminToken))) return ADMIN;
  if (looksLikeSession(credential)) return editorOfSession(db, credential, now);
  if (!looksLikeKey(credential)) return null;
  return editorOfKey(db, credential, now);
}
