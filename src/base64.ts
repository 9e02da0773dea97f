/** Bytes as base64 and back: standard (`+/`, padded) for Standard Webhooks secrets, url-safe (`-_`, unpadded) for keys and sealed values. */

export function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Either alphabet, padded or not; throws on anything else. */
export function fromBase64(text: string): Uint8Array {
  const standard = text.replaceAll('-', '+').replaceAll('_', '/');
  return Uint8Array.from(atob(standard + '='.repeat((4 - (standard.length % 4)) % 4)), (char) => char.charCodeAt(0));
}
