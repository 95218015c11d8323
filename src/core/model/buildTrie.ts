import type { Occupant, UserState } from '../types.js';
import { CollisionNode, hashOf, TrieNode } from './occupantTrie.js';
import type { Slot } from './occupantTrie.js';

/** Bits of the hash consumed per trie level (as in `occupantTrie`). */
const BITS = 5;
const MASK = (1 << BITS) - 1;

/** Sort keys pack the trie order (32 bits) above the index (21 bits): exact in a double. */
const INDEX_SPAN = 2 ** 21;

/** The most occupants `buildTrie` places in one pass. */
export const MAX_BUILD = INDEX_SPAN;

/**
 * The hash with its 5-bit digits reversed in significance (the first level's digit highest), so
 * that sorting by it puts every node's occupants next to each other, children in slot order.
 */
function trieOrder(hash: number): number {
  let order = 0;
  // Six full digits (shifts 0..25), then the 2 bits the level at shift 30 reads.
  for (let shift = 0; shift < 30; shift += BITS) order = order * 32 + ((hash >>> shift) & MASK);
  return order * 4 + (hash >>> 30);
}

/** One bulk build: the occupants, their hashes, and their positions in trie order. */
interface Build<S extends UserState> {
  occupants: readonly Occupant<S>[];
  hashes: Uint32Array;
  order: Uint32Array;
}

/** The slot (at `shift`) over `order[lo..hi)`, at least two occupants: a node or a collision. */
function slotOf<S extends UserState>(b: Build<S>, lo: number, hi: number, shift: number): Slot<S> {
  if (shift < 32) return nodeOf(b, lo, hi, shift);
  // Every bit is consumed: these hashes are equal. Index order is the order they were given.
  const entries: Occupant<S>[] = [];
  for (let j = lo; j < hi; j += 1) entries.push(b.occupants[b.order[j] as number] as Occupant<S>);
  return new CollisionNode<S>(b.hashes[b.order[lo] as number] as number, entries, null);
}

/** The node (at `shift`) over `order[lo..hi)`: one slot per distinct digit, in slot order. */
function nodeOf<S extends UserState>(
  b: Build<S>,
  lo: number,
  hi: number,
  shift: number,
): TrieNode<S> {
  const { occupants, hashes, order } = b;
  const digitAt = (j: number): number => ((hashes[order[j] as number] as number) >>> shift) & MASK;
  let bitmap = 0;
  const slots: Slot<S>[] = [];
  for (let j = lo; j < hi;) {
    const digit = digitAt(j);
    let end = j + 1;
    while (end < hi && digitAt(end) === digit) end += 1;
    bitmap |= 1 << digit;
    const only = occupants[order[j] as number] as Occupant<S>;
    slots.push(end - j === 1 ? only : slotOf(b, j, end, shift + BITS));
    j = end;
  }
  return new TrieNode<S>(bitmap, slots, null);
}

/**
 * The trie holding `occupants` (distinct user ids, at most `MAX_BUILD`), built in one pass: one
 * sort of their hashes in trie order, then each node once, with exactly the shape that setting
 * them one by one gives (a node where two or more share a prefix, a collision where all 32 bits
 * agree). A cold `presence_state` builds its whole room this way instead of N path copies.
 * Nodes are frozen (no owner): a later draft copies what it writes.
 */
export function buildTrie<S extends UserState>(occupants: readonly Occupant<S>[]): TrieNode<S> {
  const n = occupants.length;
  if (n > MAX_BUILD) throw new RangeError(`buildTrie takes at most ${MAX_BUILD} occupants`);
  const hashes = new Uint32Array(n);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const hash = hashOf((occupants[i] as Occupant<S>).userId);
    hashes[i] = hash;
    keys[i] = trieOrder(hash) * INDEX_SPAN + i;
  }
  // A typed array sorts numerically in native code, with no comparator calls.
  keys.sort();
  const order = new Uint32Array(n);
  for (let j = 0; j < n; j += 1) order[j] = (keys[j] as number) % INDEX_SPAN;
  // The root is always a node, even for none or one occupant (as an empty root, then one set).
  return nodeOf({ occupants, hashes, order }, 0, n, 0);
}
