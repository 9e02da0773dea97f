/**
 * What an editor key looks like: `rlk_` and 43 characters of base64url (32 random bytes), so that a
 * key is recognisable in a config file or a leaked log, and unguessable. Only its SHA-256 is stored; a
 * key of 256 random bits needs no slow hash.
 */

import { toBase64Url } from '../base64';

const KEY_PREFIX = 'rlk_';
const KEY_BYTES = 32;
const KEY_PATTERN = /^rlk_[A-Za-z0-9_-]{43}$/;
/** How much of a key the list shows: the prefix and 8 characters (48 of its 256 bits). */
const SHOWN_LENGTH = KEY_PREFIX.length + 8;

export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  return KEY_PREFIX + toBase64Url(bytes);
}

export function looksLikeKey(token: string): boolean {
  return KEY_PATTERN.test(token);
}

export function shownPrefix(key: string): string {
  return key.slice(0, SHOWN_LENGTH);
}

/** SHA-256 of the key, in hex: what the database keeps and looks keys up by. */
export async function keyHash(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
