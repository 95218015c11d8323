/** Longest avatar URL accepted; longer ones are refused rather than cut. */
export const AVATAR_URL_MAX = 2048;

/**
 * The avatar URL policy for untrusted profile data: only absolute `https:` URLs without
 * credentials, at most {@link AVATAR_URL_MAX} characters. With `allowedOrigins` (such as
 * `['https://avatars.example.com']`) the URL's origin must also be one of them. Returns the
 * normalised URL, or `undefined` for anything else (`javascript:`, `data:`, `http:`, relative
 * paths, non-strings): callers then show initials instead.
 *
 * @example
 * safeAvatarUrl('https://cdn.example.com/a.png'); // 'https://cdn.example.com/a.png'
 * safeAvatarUrl('javascript:alert(1)'); // undefined
 */
export function safeAvatarUrl(
  url: unknown,
  allowedOrigins?: readonly string[],
): string | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > AVATAR_URL_MAX) return undefined;
  const parsed = parseUrl(url);
  if (parsed === undefined || parsed.protocol !== 'https:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  if (allowedOrigins !== undefined && !allowedOrigins.some((o) => originOf(o) === parsed.origin))
    return undefined;
  return parsed.href;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function originOf(entry: string): string | undefined {
  return parseUrl(entry)?.origin;
}
