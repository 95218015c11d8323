/**
 * The wire form of hash-chain proofs. A chain element is 128 bits (four big-endian words), sent
 * as 32 lowercase hex characters. 128 bits is plenty here: forging a proof means finding a
 * preimage of a truncated SHA-256 output, about 2^128 work.
 */

/** Positions per chain; a connection starts a fresh chain (an epoch) after each. */
export const CHAIN_LENGTH = 1024;

/**
 * Most hash steps a receiver spends on one proof. A sender uses one position per send, so a
 * member that saw the previous send needs one step; a late joiner needs one per broadcast since
 * the sender's last `track` (at most ~75 at the default throttle and budget). The bound caps what
 * a forged proof can cost a receiver.
 */
export const MAX_PROOF_STEPS = 256;

/** Highest version accepted on the wire (2^40 sends: never reached, far from unsafe integers). */
export const MAX_VERSION = 2 ** 40;

const HEX = /^[0-9a-f]{32}$/;

/** Four words at `offset` of `words` as 32 hex characters. */
export function encodeProof(words: Uint32Array, offset = 0): string {
  let out = '';
  for (let i = 0; i < 4; i += 1) out += (words[offset + i] as number).toString(16).padStart(8, '0');
  return out;
}

/** Parses a proof; `null` unless `value` is exactly 32 lowercase hex characters. */
export function decodeProof(value: unknown): Uint32Array | null {
  if (typeof value !== 'string' || !HEX.test(value)) return null;
  const words = new Uint32Array(4);
  for (let i = 0; i < 4; i += 1) words[i] = Number.parseInt(value.slice(i * 8, i * 8 + 8), 16);
  return words;
}
