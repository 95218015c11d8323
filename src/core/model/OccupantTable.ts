import type { Occupant, OccupantTable, UserState } from '../types.js';
import { CollisionNode, Editor, hashOf, lookup, TrieNode } from './occupantTrie.js';
import { occupantsOf } from './occupantsOf.js';

/**
 * Tables this small are searched without hashing: a first `presence_state` asks the room (then
 * holding only us) about each of its 10,000 ids, and comparing a few ids is cheaper than a hash.
 */
const SCAN_BELOW = 8;

/** The occupant `userId` under `node`, by comparing ids (see `SCAN_BELOW`). */
function scan<S extends UserState>(node: TrieNode<S>, userId: string): Occupant<S> | undefined {
  for (const slot of node.slots) {
    const found =
      slot instanceof TrieNode
        ? scan(slot, userId)
        : slot instanceof CollisionNode
          ? slot.entries.find((o) => o.userId === userId)
          : slot.userId === userId
            ? slot
            : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * A persistent hash trie of occupants (see `occupantTrie`). Snapshots never change; `edit()`
 * gives a draft that copies each node on the path to a change once, so a frame with k changes
 * costs O(k · log32 N) and every older snapshot (held by React, by a query, by an event) stays
 * valid, with every untouched occupant and node shared.
 */
export class HashedOccupantTable<S extends UserState = UserState> implements OccupantTable<S> {
  private constructor(
    /** @internal */ readonly root: TrieNode<S>,
    readonly size: number,
  ) {}

  /** The empty table. */
  static empty<S extends UserState>(): HashedOccupantTable<S> {
    return new HashedOccupantTable<S>(new TrieNode<S>(0, [], null), 0);
  }

  /** @internal Builds a table from a draft's root. */
  static fromRoot<S extends UserState>(root: TrieNode<S>, size: number): HashedOccupantTable<S> {
    return new HashedOccupantTable<S>(root, size);
  }

  get(userId: string): Occupant<S> | undefined {
    if (this.size < SCAN_BELOW) return scan(this.root, userId);
    return lookup(this.root, userId, hashOf(userId));
  }

  has(userId: string): boolean {
    return this.get(userId) !== undefined;
  }

  [Symbol.iterator](): Iterator<Occupant<S>> {
    return occupantsOf(this.root);
  }

  /** Starts a draft over this snapshot. */
  edit(): OccupantTableDraft<S> {
    return new OccupantTableDraft<S>(this);
  }
}

/** A mutable view over one snapshot; `commit()` freezes it into a new snapshot. */
export class OccupantTableDraft<S extends UserState = UserState> {
  #root: TrieNode<S>;
  #size: number;
  readonly #editor = new Editor<S>();
  readonly #base: HashedOccupantTable<S>;

  constructor(base: HashedOccupantTable<S>) {
    this.#base = base;
    this.#root = base.root;
    this.#size = base.size;
  }

  /** @internal Slots this draft copied from snapshots (the cost of its path copies). */
  get copiedSlots(): number {
    return this.#editor.copied;
  }

  /** The occupant as the draft sees it now. */
  get(userId: string): Occupant<S> | undefined {
    return lookup(this.#root, userId, hashOf(userId));
  }

  /** Adds or replaces an occupant. */
  set(occupant: Occupant<S>): void {
    this.#editor.added = 0;
    this.#root = this.#editor.set(this.#root, 0, hashOf(occupant.userId), occupant);
    this.#size += this.#editor.added;
  }

  /** Removes an occupant; returns whether it was there. */
  delete(userId: string): boolean {
    const hash = hashOf(userId);
    if (lookup(this.#root, userId, hash) === undefined) return false;
    // The root is never dropped: an emptied one stays as the empty node.
    this.#root = this.#editor.remove(this.#root, 0, hash, userId) ?? this.#root;
    this.#size -= 1;
    return true;
  }

  /** The new snapshot; the base itself when nothing was written. */
  commit(): HashedOccupantTable<S> {
    if (this.#root === this.#base.root) return this.#base;
    // Nodes this draft wrote now belong to a snapshot: later writes must copy them again.
    this.#editor.token = {};
    return HashedOccupantTable.fromRoot(this.#root, this.#size);
  }
}
