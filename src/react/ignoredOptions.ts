import type { PresenceOptions } from '../core/index.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Equal by value for plain data (objects, arrays, primitives); by identity for the rest. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameValue(a[key], b[key])) return false;
  return true;
}

/**
 * The names of the options in `later` that differ from those the shared presence was created
 * with (`first`), sorted. An absent option and one set to `undefined` are the same. A new but
 * equal object (an inline `options={{ ... }}`) differs in nothing.
 */
export function ignoredOptions(
  first: PresenceOptions | undefined,
  later: PresenceOptions | undefined,
): string[] {
  const a: Record<string, unknown> = { ...first };
  const b: Record<string, unknown> = { ...later };
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !sameValue(a[key], b[key])).sort();
}
