/**
 * A random 128-bit id as 32 hex characters. Uses `crypto.getRandomValues`, which (unlike
 * `crypto.randomUUID`) also exists on plain-http pages.
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
