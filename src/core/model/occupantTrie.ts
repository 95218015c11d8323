import type { Occupant, UserState } from '../types.js';
import { deepHashOf } from './deepHash.js';

/**
 * The nodes of a persistent hash trie of occupants (a HAMT: 32-way, bitmap-compressed), keyed
 * by user id. Snapshots share every node a change did not touch, so one change copies one path
 * of at most ⌈log32 N⌉ + 1 nodes of at most 32 slots each, whatever the room's size.
 */

/** Bits of the hash consumed per level. */
const BITS = 5;
const MASK = (1 << BITS) - 1;

/** A node of the trie. `owner` is the draft allowed to write to it in place (see `Editor`). */
export class TrieNode<S extends UserState> {
  constructor(
    public bitmap: number,
    public slots: Slot<S>[],
    public owner: object | null,
  ) {}
}

/** Occupants whose FNV and keyed hashes (see `deepHash`) are both equal, below the last level. */
export class CollisionNode<S extends UserState> {
  constructor(
    readonly hash: number,
    public entries: Occupant<S>[],
    public owner: object | null,
  ) {}
}

/** What a node slot holds: an occupant, or a deeper node. */
export type Slot<S extends UserState> = Occupant<S> | TrieNode<S> | CollisionNode<S>;

/** The last id hashed and its hash: a change reads its user, then writes it (one hash, not two). */
let lastId = '';
let lastHash = 0x811c9dc5;

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function hashOf(userId: string): number {
  if (userId === lastId) return lastHash;
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i += 1) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  lastId = userId;
  lastHash = hash >>> 0;
  return lastHash;
}

/** Set bits in a 32-bit integer. */
function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Inserts in place: `splice` would also allocate the (empty) array of removed items. */
function insertAt<T>(items: T[], index: number, item: T): void {
  for (let i = items.length; i > index; i -= 1) items[i] = items[i - 1] as T;
  items[index] = item;
}

/**
 * The first shift past the 32-bit FNV hash. Ids whose FNV hashes are equal (rare by chance, easy
 * on purpose: see `deepHash`) go on splitting on the keyed hash from here.
 */
const DEEP = 35;

/** The slot of `userId` (FNV hash `hash`) at the level that consumes the hash from `shift`. */
function slotAt(hash: number, userId: string, shift: number): number {
  return shift < DEEP ? (hash >>> shift) & MASK : (deepHashOf(userId) >>> (shift - DEEP)) & MASK;
}

/** The bitmap bit of `userId` at the level of `shift`. */
const bitAt = (hash: number, userId: string, shift: number): number =>
  1 << slotAt(hash, userId, shift);

/** The slot index of `bit` in a node with `bitmap`. */
const indexOf = (bitmap: number, bit: number): number => popcount(bitmap & (bit - 1));

/** The occupant `userId` (whose hash is `hash`) under `root`, or `undefined`. */
export function lookup<S extends UserState>(
  root: TrieNode<S>,
  userId: string,
  hash: number,
): Occupant<S> | undefined {
  let node: TrieNode<S> = root;
  for (let shift = 0; ; shift += BITS) {
    const bit = bitAt(hash, userId, shift);
    if ((node.bitmap & bit) === 0) return undefined;
    const slot = node.slots[indexOf(node.bitmap, bit)] as Slot<S>;
    if (slot instanceof TrieNode) node = slot;
    else if (slot instanceof CollisionNode) return slot.entries.find((o) => o.userId === userId);
    else return slot.userId === userId ? slot : undefined;
  }
}

/**
 * Path copying for one draft: a node is copied the first time the draft writes below it, then
 * written in place (its `owner` is the draft's token), so a batch of k changes copies each
 * touched node once. `copied` counts the slots those copies took.
 */
export class Editor<S extends UserState> {
  /** The token of the draft; a committed draft gets a new one, so its snapshot stays frozen. */
  token: object = {};
  copied = 0;
  /** +1 when the last `set` added an occupant (rather than replacing one). */
  added = 0;

  /** `node` writable by this draft. */
  own(node: TrieNode<S>): TrieNode<S> {
    if (node.owner === this.token) return node;
    this.copied += node.slots.length;
    return new TrieNode<S>(node.bitmap, node.slots.slice(), this.token);
  }

  /** `node` (at `shift`) with `occupant` set; `hash` is its user id's. */
  set(node: TrieNode<S>, shift: number, hash: number, occupant: Occupant<S>): TrieNode<S> {
    const bit = bitAt(hash, occupant.userId, shift);
    const own = this.own(node);
    const index = indexOf(own.bitmap, bit);
    if ((own.bitmap & bit) === 0) {
      insertAt(own.slots, index, occupant);
      own.bitmap |= bit;
      this.added = 1;
      return own;
    }
    const slot = own.slots[index] as Slot<S>;
    own.slots[index] = this.#setBelow(slot, shift + BITS, hash, occupant);
    return own;
  }

  /** `node` (at `shift`) without `userId`, which must be under it; `null` when left empty. */
  remove(node: TrieNode<S>, shift: number, hash: number, userId: string): TrieNode<S> | null {
    const bit = bitAt(hash, userId, shift);
    const own = this.own(node);
    const index = indexOf(own.bitmap, bit);
    const slot = own.slots[index] as Slot<S>;
    const rest = slot instanceof TrieNode ? this.remove(slot, shift + BITS, hash, userId) : null;
    const kept = slot instanceof CollisionNode ? this.#dropCollision(slot, userId) : rest;
    if (kept) {
      // A node left with one occupant folds into its parent: the trie stays as shallow as new.
      // (A collision stays where it is: only equal hashes may reach it.)
      const only = kept instanceof TrieNode && kept.slots.length === 1 ? kept.slots[0] : kept;
      own.slots[index] =
        only instanceof TrieNode || only instanceof CollisionNode ? kept : (only ?? kept);
      return own;
    }
    own.slots.splice(index, 1);
    own.bitmap &= ~bit;
    return own.slots.length > 0 || shift === 0 ? own : null;
  }

  #setBelow(slot: Slot<S>, shift: number, hash: number, occupant: Occupant<S>): Slot<S> {
    if (slot instanceof TrieNode) return this.set(slot, shift, hash, occupant);
    if (slot instanceof CollisionNode) return this.#setCollision(slot, occupant);
    if (slot.userId === occupant.userId) return occupant;
    this.added = 1;
    return this.#split(slot, hashOf(slot.userId), occupant, hash, shift);
  }

  /** A node (at `shift`) holding two occupants whose hashes agree above `shift`. */
  #split(a: Occupant<S>, ha: number, b: Occupant<S>, hb: number, shift: number): Slot<S> {
    // Past both hashes (equal FNV and keyed hashes): nothing left to split on.
    if (shift >= 2 * DEEP) return new CollisionNode<S>(ha, [a, b], this.token);
    const ia = slotAt(ha, a.userId, shift);
    const ib = slotAt(hb, b.userId, shift);
    if (ia === ib)
      return new TrieNode<S>(1 << ia, [this.#split(a, ha, b, hb, shift + BITS)], this.token);
    return new TrieNode<S>((1 << ia) | (1 << ib), ia < ib ? [a, b] : [b, a], this.token);
  }

  #setCollision(node: CollisionNode<S>, occupant: Occupant<S>): CollisionNode<S> {
    this.copied += node.entries.length;
    const entries = node.entries.filter((o) => o.userId !== occupant.userId);
    if (entries.length === node.entries.length) this.added = 1;
    entries.push(occupant);
    return new CollisionNode<S>(node.hash, entries, this.token);
  }

  /** The collision without `userId`: its last occupant alone, or a smaller collision. */
  #dropCollision(node: CollisionNode<S>, userId: string): Slot<S> {
    this.copied += node.entries.length;
    const entries = node.entries.filter((o) => o.userId !== userId);
    return entries.length === 1
      ? (entries[0] as Occupant<S>)
      : new CollisionNode<S>(node.hash, entries, this.token);
  }
}
