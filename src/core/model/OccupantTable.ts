import type { Occupant, OccupantTable, UserState } from '../types.js';

/** Number of buckets; a change copies one bucket (≈ N/256 entries) and the 256-slot array. */
const BUCKETS = 256;

type Bucket<S extends UserState> = ReadonlyMap<string, Occupant<S>>;

/** FNV-1a over UTF-16 code units, folded to a bucket index. */
function bucketOf(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i += 1) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash ^ (hash >>> 8) ^ (hash >>> 16) ^ (hash >>> 24)) & (BUCKETS - 1);
}

/**
 * A persistent two-level hash table of occupants. Snapshots never change; `edit()` gives a draft
 * that copies each touched bucket once, so a frame with k changes costs O(k + 256 + k·N/256) and
 * every older snapshot (held by React, by a query, by an event) stays valid.
 */
export class HashedOccupantTable<S extends UserState = UserState> implements OccupantTable<S> {
  private constructor(
    /** @internal */ readonly buckets: readonly (Bucket<S> | undefined)[],
    readonly size: number,
  ) {}

  /** The empty table. */
  static empty<S extends UserState>(): HashedOccupantTable<S> {
    return new HashedOccupantTable<S>(new Array<Bucket<S> | undefined>(BUCKETS).fill(undefined), 0);
  }

  /** @internal Builds a table from a draft's buckets. */
  static fromBuckets<S extends UserState>(
    buckets: (Bucket<S> | undefined)[],
    size: number,
  ): HashedOccupantTable<S> {
    return new HashedOccupantTable<S>(buckets, size);
  }

  get(userId: string): Occupant<S> | undefined {
    return this.buckets[bucketOf(userId)]?.get(userId);
  }

  has(userId: string): boolean {
    return this.get(userId) !== undefined;
  }

  *[Symbol.iterator](): Iterator<Occupant<S>> {
    for (const bucket of this.buckets) if (bucket) yield* bucket.values();
  }

  /** Starts a draft over this snapshot. */
  edit(): OccupantTableDraft<S> {
    return new OccupantTableDraft<S>(this);
  }
}

/** A mutable view over one snapshot; `commit()` freezes it into a new snapshot. */
export class OccupantTableDraft<S extends UserState = UserState> {
  private buckets: (Bucket<S> | undefined)[] | null = null;
  private readonly owned = new Set<number>();
  private size: number;

  constructor(private readonly base: HashedOccupantTable<S>) {
    this.size = base.size;
  }

  /** The occupant as the draft sees it now. */
  get(userId: string): Occupant<S> | undefined {
    const buckets = this.buckets ?? this.base.buckets;
    return buckets[bucketOf(userId)]?.get(userId);
  }

  /** Adds or replaces an occupant. */
  set(occupant: Occupant<S>): void {
    const bucket = this.writable(bucketOf(occupant.userId));
    if (!bucket.has(occupant.userId)) this.size += 1;
    bucket.set(occupant.userId, occupant);
  }

  /** Removes an occupant; returns whether it was there. */
  delete(userId: string): boolean {
    const index = bucketOf(userId);
    if (!(this.buckets ?? this.base.buckets)[index]?.has(userId)) return false;
    this.writable(index).delete(userId);
    this.size -= 1;
    return true;
  }

  /** The new snapshot; the base itself when nothing was written. */
  commit(): HashedOccupantTable<S> {
    if (!this.buckets) return this.base;
    const buckets = this.buckets;
    this.buckets = null;
    this.owned.clear();
    return HashedOccupantTable.fromBuckets(buckets, this.size);
  }

  private writable(index: number): Map<string, Occupant<S>> {
    this.buckets ??= this.base.buckets.slice();
    if (!this.owned.has(index)) {
      this.buckets[index] = new Map(this.buckets[index] ?? []);
      this.owned.add(index);
    }
    // The bucket was just copied into this draft, so writing to it cannot touch a snapshot.
    return this.buckets[index] as Map<string, Occupant<S>>;
  }
}
