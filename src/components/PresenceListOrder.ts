import { diffSortedIds } from '../core/index.js';

/** Reads the name a user is sorted by (their sanitised display name). */
export type NameOf = (userId: string) => string;

/** Above this many membership changes at once, one sort beats that many binary inserts. */
const REBUILD_AT = 64;

/**
 * Internal: the others' ids ordered by name (then id), kept incrementally. A join or leave is a
 * binary search and one array copy; a state change that keeps the name costs one name read and
 * no reorder; only a rename moves one id. The full O(N log N) sort runs on the first big batch
 * (a 10,000-user `presence_state`) and never again per change.
 */
export class PresenceListOrder {
  private readonly names = new Map<string, string>();
  private members: readonly string[] = [];
  private sorted: readonly string[] = [];
  /** One keyed subscription per member, so a rename (and only a rename) reorders. */
  private readonly watched = new Map<string, () => void>();
  private toWatch: string[] = [];
  private toUnwatch: string[] = [];
  private watchAll = true;

  /** The name reader of the latest render (profile props may change between renders). */
  private nameOf: NameOf = (userId) => userId;

  constructor(private readonly compareNames: (a: string, b: string) => number) {}

  /** The order for `ids` (sorted by id, as `useOtherUserIds` gives them). Same array if unchanged. */
  order(ids: readonly string[], nameOf: NameOf): readonly string[] {
    this.nameOf = nameOf;
    if (ids === this.members) return this.sorted;
    const adds: string[] = [];
    const removes: string[] = [];
    diffSortedIds(
      this.members,
      ids,
      (id) => adds.push(id),
      (id) => removes.push(id),
    );
    this.members = ids;
    this.toWatch.push(...adds);
    this.toUnwatch.push(...removes);
    if (adds.length + removes.length > REBUILD_AT) return this.rebuild(ids);
    let next = this.sorted;
    for (const id of removes) next = this.without(next, id);
    for (const id of adds) next = this.withName(next, id, this.nameOf(id));
    this.sorted = next;
    return next;
  }

  /** Re-reads one user's name; returns true when the order changed. */
  rename(userId: string): boolean {
    const before = this.names.get(userId);
    if (before === undefined) return false;
    const name = this.nameOf(userId);
    if (name === before) return false;
    this.sorted = this.withName(this.without(this.sorted, userId), userId, name);
    return true;
  }

  /**
   * Brings the name watches in step with the members seen by `order()` (call it from an effect):
   * O(changes), or one pass after `unwatch()`.
   */
  syncWatches(
    subscribe: (userId: string, listener: () => void) => () => void,
    onRename: () => void,
  ) {
    const watch = (id: string) => {
      if (this.watched.has(id)) return;
      this.watched.set(
        id,
        subscribe(id, () => this.rename(id) && onRename()),
      );
    };
    if (this.watchAll) {
      this.unwatch();
      this.watchAll = false;
      for (const id of this.members) watch(id);
    } else {
      for (const id of this.toUnwatch) this.watched.get(id)?.();
      for (const id of this.toUnwatch) this.watched.delete(id);
      for (const id of this.toWatch) watch(id);
    }
    this.toWatch = [];
    this.toUnwatch = [];
  }

  /** Drops every watch; the next `syncWatches` starts over. */
  unwatch(): void {
    for (const stop of this.watched.values()) stop();
    this.watched.clear();
    this.watchAll = true;
  }

  /** The current order (after `rename`). */
  get current(): readonly string[] {
    return this.sorted;
  }

  private rebuild(ids: readonly string[]): readonly string[] {
    this.names.clear();
    for (const id of ids) this.names.set(id, this.nameOf(id));
    this.sorted = [...ids].sort((a, b) => this.compare(a, b));
    return this.sorted;
  }

  /** By name, then by id, so equal names still have one order on every client. */
  private compare(a: string, b: string): number {
    const byName = this.compareNames(this.names.get(a) as string, this.names.get(b) as string);
    return byName !== 0 ? byName : a < b ? -1 : a > b ? 1 : 0;
  }

  /** Where `id` (its name already in `names`) goes, or is, in `list`. */
  private search(list: readonly string[], id: string): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(list[mid] as string, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private without(list: readonly string[], id: string): readonly string[] {
    if (!this.names.has(id)) return list;
    const at = this.search(list, id);
    this.names.delete(id);
    return list[at] === id ? list.toSpliced(at, 1) : list.filter((other) => other !== id);
  }

  private withName(list: readonly string[], id: string, name: string): readonly string[] {
    this.names.set(id, name);
    return list.toSpliced(this.search(list, id), 0, id);
  }
}
