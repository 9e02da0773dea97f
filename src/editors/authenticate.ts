import type { Db } from '../store/db';
import { looksLikeKey } from './key-format';
import { editorOfKey } from './keys';
import { sameSecret } from './same-secret';
import { ADMIN, type Editor } from './scopes';

/**
 * Who a bearer credential belongs to: the ADMIN_TOKEN (the bootstrap credential, every scope, recorded as
 * `admin`), or a live editor key (one D1 call). Null for anything else. The ADMIN_TOKEN is compared in
 * constant time; only a credential shaped like a key is looked up.
 */
export async function authenticate(db: Db, adminToken: string | undefined, credential: string, now: Date): Promise<Editor | null> {
  if (adminToken && (await sameSecret(credential, adminToken))) return ADMIN;
  if (!looksLikeKey(credential)) return null;
  return editorOfKey(db, credential, now);
}
