/**
 * The trie's second hash, for user ids whose 32-bit FNV-1a hashes are equal. FNV is unkeyed, so
 * anyone can compute thousands of ids sharing one hash offline and join a room under them; this
 * hash is keyed with a random seed per page, so such ids spread out again below the FNV levels
 * instead of piling into one collision node that every write copies whole.
 */

let seed: number | null = null;

function seedOf(): number {
  if (seed === null) seed = (globalThis.crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) | 0;
  return seed;
}

/** A keyed 32-bit hash of `userId` (per-character multiply-xorshift, murmur3's final mix). */
export function deepHashOf(userId: string): number {
  let h = seedOf() ^ userId.length;
  for (let i = 0; i < userId.length; i += 1) {
    h = Math.imul(h ^ userId.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
