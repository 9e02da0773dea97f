import { fromBase64, toBase64Url } from '../base64';

/**
 * Webhook signing secrets at rest: sealed with AES-256-GCM (WebCrypto) under the Worker secret
 * WEBHOOK_SECRET_KEY, so that a copy of the database holds no secret anyone can sign with. A sealed value is
 * `sealed:v1:<key id>:<iv>:<ciphertext>` (base64url); the key id (the first 8 hex digits of the key's SHA-256)
 * names the key that sealed it, and the subscription's id is the additional authenticated data, so a value
 * copied to another subscription does not open. During a rotation of the key, WEBHOOK_SECRET_KEY_PREVIOUS
 * still opens what the old key sealed. A plaintext `whsec_` value (stored before secrets were sealed) opens
 * as itself until POST /v1/admin/webhook-secrets/reseal seals it.
 */

const SEALED = 'sealed:v1:';
const IV_BYTES = 12;
const KEY_BYTES = 32;

interface SealingKey {
  id: string;
  key: CryptoKey;
}

/** The keys this Worker holds; `problem` says why there is no current key, when there is none. */
export interface Keyring {
  current: SealingKey | null;
  previous: SealingKey | null;
  problem: string | null;
}

export type SealingSecrets = Partial<Pick<Env, 'WEBHOOK_SECRET_KEY' | 'WEBHOOK_SECRET_KEY_PREVIOUS'>>;

/** A secret that cannot be sealed or opened: no key, a key not held, or a value that was altered. */
export class SealingError extends Error {}

export async function keyringOf(env: SealingSecrets): Promise<Keyring> {
  const current = await sealingKey('WEBHOOK_SECRET_KEY', env.WEBHOOK_SECRET_KEY);
  const previous = await sealingKey('WEBHOOK_SECRET_KEY_PREVIOUS', env.WEBHOOK_SECRET_KEY_PREVIOUS);
  if (previous.problem) console.error(previous.problem);
  return {
    current: current.key,
    previous: previous.key?.id === current.key?.id ? null : previous.key,
    problem: current.problem ?? (current.key ? null : 'WEBHOOK_SECRET_KEY is not set'),
  };
}

/** The key in a Worker secret (base64 of 32 bytes): null when unset, with what is wrong with it if anything. */
async function sealingKey(name: string, encoded: string | undefined): Promise<{ key: SealingKey | null; problem: string | null }> {
  if (!encoded?.trim()) return { key: null, problem: null };
  let raw: Uint8Array;
  try {
    raw = fromBase64(encoded.trim());
  } catch {
    return { key: null, problem: `${name} is not base64` };
  }
  if (raw.length !== KEY_BYTES) {
    return { key: null, problem: `${name} must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32), not ${raw.length}` };
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
  const id = [...digest.slice(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return { key: { id, key }, problem: null };
}

/** What every value sealed under the current key begins with; a value that does not needs resealing. */
export function currentSealPrefix(keyring: Keyring): string | null {
  return keyring.current && `${SEALED}${keyring.current.id}:`;
}

export async function sealSecret(keyring: Keyring, subscriptionId: string, secret: string): Promise<string> {
  if (!keyring.current) throw new SealingError(keyring.problem ?? 'no key to seal with');
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(subscriptionId) },
    keyring.current.key,
    new TextEncoder().encode(secret),
  );
  return `${SEALED}${keyring.current.id}:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(sealed))}`;
}

export async function openSecret(keyring: Keyring, subscriptionId: string, stored: string): Promise<string> {
  if (!stored.startsWith(SEALED)) return stored;
  const [keyId, iv, sealed] = stored.slice(SEALED.length).split(':');
  const key = [keyring.current, keyring.previous].find((candidate) => candidate?.id === keyId);
  if (!key) {
    throw new SealingError(`it was sealed under the key ${keyId}, which is neither WEBHOOK_SECRET_KEY nor WEBHOOK_SECRET_KEY_PREVIOUS`);
  }
  try {
    const opened = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(iv ?? ''), additionalData: new TextEncoder().encode(subscriptionId) },
      key.key,
      fromBase64(sealed ?? ''),
    );
    return new TextDecoder().decode(opened);
  } catch {
    throw new SealingError('it does not open under its key: it belongs to another subscription, or it was altered');
  }
}
