/**
 * Sorted user-id arrays. Ids are ordered by UTF-16 code units (`<`), which is also the order of
 * whoNow pages and bookmarks. Arrays are never mutated: each change returns a new array.
 */

/** Index of the first id `>= id` (or `> id` when `after` is true). */
export function searchIds(ids: readonly string[], id: string, after = false): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const probe = ids[mid] as string;
    if (probe < id || (after && probe === id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Merges `sortedAdds` into `ids` and drops `removes`, in one O(N + k) pass. */
function mergeIds(
  ids: readonly string[],
  sortedAdds: readonly string[],
  removes: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  let j = 0;
  for (const id of ids) {
    while (j < sortedAdds.length && (sortedAdds[j] as string) < id)
      out.push(sortedAdds[j++] as string);
    if (!removes.has(id)) out.push(id);
  }
  while (j < sortedAdds.length) out.push(sortedAdds[j++] as string);
  return out;
}

/**
 * Applies a membership change. `adds` must be absent from `ids` and `removes` present (the caller
 * tracks membership). A single change is one binary search and one copy; a large frame (e.g. a
 * 10,000-key `presence_state`) is one sort of the added ids and one merge.
 */
export function applyIdChanges(
  ids: readonly string[],
  adds: readonly string[],
  removes: ReadonlySet<string>,
): readonly string[] {
  if (adds.length === 0 && removes.size === 0) return ids;
  if (adds.length + removes.size === 1) {
    // One copy with the gap built in: `toSpliced` is ~3× faster than `slice()` + `splice()` at
    // 10,000 ids (the splice shifts the copy a second time and allocates a removed-items array).
    if (adds.length === 1) {
      const id = adds[0] as string;
      return ids.toSpliced(searchIds(ids, id), 0, id);
    }
    for (const id of removes) return ids.toSpliced(searchIds(ids, id), 1);
  }
  // The default sort orders strings by UTF-16 code units, as `<` does, without a call per
  // comparison: a first presence_state of 10,000 ids, sorted cold, takes a third of the time.
  const sortedAdds = adds.slice().sort();
  // A first presence_state: the sorted adds are the whole list.
  if (ids.length === 0) return sortedAdds;
  return mergeIds(ids, sortedAdds, removes);
}
