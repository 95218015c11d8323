/**
 * whoNow page bookmarks. A bookmark is the last user id of a page, base64url-encoded behind a
 * version tag, so it stays valid while people come and go: the next page starts at the first id
 * after it, whoever joined or left in between.
 */
// The identity code's base64url, so the kit ships one encoder.
import { fromBase64Url, textToBase64Url } from '../identity/base64url.js';

const PREFIX = 'pk1.';

/** Encodes the last id of a page as an opaque bookmark. */
export function encodeBookmark(lastUserId: string): string {
  return PREFIX + textToBase64Url(lastUserId);
}

/** Decodes a bookmark; `null` when it is not one of ours. */
export function decodeBookmark(bookmark: string): string | null {
  if (!bookmark.startsWith(PREFIX)) return null;
  const body = bookmark.slice(PREFIX.length);
  const bytes = body === '' ? null : fromBase64Url(body);
  if (bytes === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
