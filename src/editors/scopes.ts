/**
 * What an editor may do, and who an authenticated caller is. A key holds a list of scopes and every
 * editor route asks for one; the ADMIN_TOKEN holds them all.
 */

export const SCOPES = ['events:write', 'webhooks:manage', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Whom a request was authenticated as: events it records are attributed to `name`. */
export interface Editor {
  name: string;
  scopes: readonly Scope[];
  /** The key used; null for the ADMIN_TOKEN. */
  keyId: string | null;
}

/** The name events recorded with the ADMIN_TOKEN carry; no key may be made out to it. */
export const ADMIN_NAME = 'admin';

export const ADMIN: Editor = { name: ADMIN_NAME, scopes: SCOPES, keyId: null };
