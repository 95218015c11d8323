/**
 * whoNow page bookmarks. A bookmark is the last user id of a page, base64url-encoded behind a
 * version tag, so it stays valid while people come and go: the next page starts at the first id
 * after it, whoever joined or left in between.
 */
const PREFIX = 'pk1.';

/** Encodes the last id of a page as an opaque bookmark. */
export function encodeBookmark(lastUserId: string): string {
  const bytes = new TextEncoder().encode(lastUserId);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes a bookmark; `null` when it is not one of ours. */
export function decodeBookmark(bookmark: string): string | null {
  if (!bookmark.startsWith(PREFIX)) return null;
  const body = bookmark.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  try {
    const binary = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
