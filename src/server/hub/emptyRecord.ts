/**
 * A record with no prototype, for objects keyed by client-chosen strings (presence keys, topics,
 * event names): `__proto__`, `constructor` or `toString` stay plain keys instead of reaching
 * `Object.prototype`. JSON.stringify and structuredClone treat it as a plain object.
 */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
