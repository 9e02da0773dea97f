/**
 * Standard Webhooks signing, in either of its schemes: `v1`, a shared secret (`whsec_` + base64 of random
 * bytes) and `v1,` + base64 of HMAC-SHA256(secret, `${id}.${timestamp}.${body}`); or `v1a`, an ed25519 key pair,
 * the private key (`whsk_` + base64 of its 32-byte seed) kept by the service and the public key (`whpk_` +
 * base64 of its 32 bytes) given to the receiver, and `v1a,` + base64 of the ed25519 signature of the same text.
 * Both through WebCrypto.
 */

import { fromBase64, toBase64 } from '../base64';

export const SIGNATURE_SCHEMES = ['v1', 'v1a'] as const;
export type SignatureScheme = (typeof SIGNATURE_SCHEMES)[number];

const SECRET_PREFIX = 'whsec_';
const PRIVATE_KEY_PREFIX = 'whsk_';
const PUBLIC_KEY_PREFIX = 'whpk_';
const SECRET_BYTES = 32;
// An ed25519 private key in PKCS #8 is this DER header followed by the 32-byte seed (RFC 8410).
const PKCS8_ED25519 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

export function newSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

/** What a subscription signs with: the secret kept (sealed) by the service, and for v1a the public key the receiver verifies with. */
export interface SigningKey {
  secret: string;
  publicKey: string | null;
}

export async function newSigningKey(scheme: SignatureScheme): Promise<SigningKey> {
  if (scheme === 'v1') return { secret: newSecret(), publicKey: null };
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey) as ArrayBuffer);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey) as ArrayBuffer);
  return { secret: PRIVATE_KEY_PREFIX + toBase64(pkcs8.slice(PKCS8_ED25519.length)), publicKey: PUBLIC_KEY_PREFIX + toBase64(raw) };
}

export async function signature(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const signed = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  if (secret.startsWith(PRIVATE_KEY_PREFIX)) {
    const seed = fromBase64(secret.slice(PRIVATE_KEY_PREFIX.length));
    const der = new Uint8Array(PKCS8_ED25519.length + seed.length);
    der.set(PKCS8_ED25519);
    der.set(seed, PKCS8_ED25519.length);
    const key = await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
    return `v1a,${toBase64(new Uint8Array(await crypto.subtle.sign('Ed25519', key, signed)))}`;
  }
  const key = await crypto.subtle.importKey(
    'raw', fromBase64(secret.slice(SECRET_PREFIX.length)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'],
  );
  return `v1,${toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, signed)))}`;
}

/** The `webhook-signature` header: one signature per live secret, space-separated (during a rotation, two). */
export async function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): Promise<string> {
  const signatures = await Promise.all(secrets.map((secret) => signature(secret, id, timestamp, body)));
  return signatures.join(' ');
}
