import type { EqualityFn } from './EqualityFn.js';

/** Applies `selector` only to a present value; absent stays absent (`null` or `undefined`). */
export function selectPresent<V, T, E extends null | undefined>(
  value: V | E,
  selector: ((value: V) => T) | undefined,
  absent: E,
): T | V | E {
  if (value === null || value === undefined) return absent;
  return selector === undefined ? value : selector(value);
}

/** Lifts an equality over present values to one that also accepts the absent value. */
export function equalWhenPresent<T>(
  isEqual: EqualityFn<T> | undefined,
): EqualityFn<T | null | undefined> | undefined {
  if (isEqual === undefined) return undefined;
  return (a, b) =>
    a === null || a === undefined || b === null || b === undefined ? a === b : isEqual(a, b);
}
