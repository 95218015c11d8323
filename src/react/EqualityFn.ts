/** Compares two selections; `true` keeps the previous one and skips the re-render. */
export type EqualityFn<T> = (a: T, b: T) => boolean;
