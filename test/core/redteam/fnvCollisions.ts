/**
 * User ids that all share one 32-bit FNV-1a hash (over UTF-16 code units, from the standard
 * offset basis): what an attacker who knows the hash can compute offline in about a second.
 *
 * Built from k block pairs: from each chain state, two 4-character blocks that lead to the same
 * next state (a birthday search over random blocks). Any string that picks one block of each
 * pair ends in the same state, so k pairs give 2^k colliding ids.
 */

const PRIME = 0x01000193;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function step(state: number, text: string): number {
  let hash = state;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, PRIME);
  }
  return hash >>> 0;
}

/** A small seeded generator, so the ids are the same on every run. */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function blockPair(state: number, random: () => number): [string, string, number] {
  const seen = new Map<number, string>();
  for (;;) {
    let block = '';
    for (let i = 0; i < 4; i += 1) block += ALPHABET[Math.floor(random() * ALPHABET.length)];
    const next = step(state, block);
    const other = seen.get(next);
    if (other !== undefined && other !== block) return [other, block, next];
    seen.set(next, block);
  }
}

/** 32-bit FNV-1a of `text` from the standard offset basis. */
export function fnv1a(text: string): number {
  return step(0x811c9dc5, text);
}

/** `2^bits` distinct ids starting with `prefix` that all have the same FNV-1a hash. */
export function collidingIds(bits: number, prefix = 'c', seed = 7): string[] {
  const random = generator(seed);
  let state = step(0x811c9dc5, prefix);
  let ids = [prefix];
  for (let i = 0; i < bits; i += 1) {
    const [a, b, next] = blockPair(state, random);
    ids = ids.flatMap((id) => [id + a, id + b]);
    state = next;
  }
  return ids;
}
