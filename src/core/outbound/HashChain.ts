import { CHAIN_LENGTH, encodeProof } from './proofCodec.js';
import { chainStep } from './sha256.js';

/** A position on a connection's chain and the element that proves it. */
export interface ChainProof {
  /** `epoch × CHAIN_LENGTH + position`: the version the proof travels with. */
  version: number;
  /** The chain element at that position (see `proofCodec`). */
  proof: string;
}

/** Fills `words` with random bits (Web Crypto by default). */
export type RandomWords = (words: Uint32Array) => void;

const secureRandom: RandomWords = (words) => void globalThis.crypto.getRandomValues(words);

/** One epoch: element i at `[4i, 4i + 4)`, the last one the random seed, each the hash of the next. */
function buildEpoch(random: RandomWords): Uint32Array {
  const all = new Uint32Array(CHAIN_LENGTH * 4);
  random(all.subarray((CHAIN_LENGTH - 1) * 4));
  for (let i = CHAIN_LENGTH - 2; i >= 0; i -= 1)
    chainStep(all.subarray((i + 1) * 4, (i + 2) * 4), all.subarray(i * 4, i * 4 + 4));
  return all;
}

/**
 * The proof of origin of one connection: a SHA-256 hash chain revealed backwards. Element 0 of
 * an epoch (its anchor) is published in the connection's tracked meta, which the server binds to
 * the connection; every later send reveals the next element, and anyone can check it by hashing
 * it back to an element they already hold, but nobody can compute it before it is revealed. So a
 * version is a chain position and cannot be forged or pushed ahead.
 *
 * Each epoch has `CHAIN_LENGTH` positions. Halfway through, the next epoch is built; its anchor
 * rides in the next `track` (`nextAnchor()`), and broadcasts move to it only once that track went
 * out, so receivers always hold the anchor they need.
 */
export class HashChain {
  #epoch = 0;
  #position = 0;
  // Built on the first send: a room left before it joins never pays for it (~1 ms).
  #current: Uint32Array | null = null;
  #upcoming: Uint32Array | null = null;
  #upcomingPublished = false;
  readonly #random: RandomWords;

  constructor(random: RandomWords = secureRandom) {
    this.#random = random;
  }

  /** The version of the latest element handed out (0: only the anchor so far). */
  get version(): number {
    return this.#epoch * CHAIN_LENGTH + this.#position;
  }

  /** The anchor of the next epoch once it is built, for the next tracked meta. */
  nextAnchor(): string | null {
    return this.#upcoming ? encodeProof(this.#upcoming, 0) : null;
  }

  /** The next epoch is built but no track has carried its anchor yet. */
  get unannounced(): boolean {
    return this.#upcoming !== null && !this.#upcomingPublished;
  }

  /** A track carrying `nextAnchor()` went out: broadcasts may move to that epoch. */
  published(): void {
    if (this.#upcoming) this.#upcomingPublished = true;
  }

  /**
   * Reveals the next element. A `track` is `authoritative` (the server binds the meta to our
   * connection), so it may open the next epoch unannounced; a broadcast may not, and gets `null`
   * while the epoch is spent and its successor not announced yet.
   */
  advance(authoritative: boolean): ChainProof | null {
    if (this.#position + 1 >= CHAIN_LENGTH) {
      if (!authoritative && !this.#upcomingPublished) return null;
      this.#current = this.#upcoming ?? buildEpoch(this.#random);
      this.#upcoming = null;
      this.#upcomingPublished = false;
      this.#epoch += 1;
      this.#position = 0;
    }
    const current = (this.#current ??= buildEpoch(this.#random));
    this.#position += 1;
    if (this.#position >= CHAIN_LENGTH / 2 && !this.#upcoming)
      this.#upcoming = buildEpoch(this.#random);
    return { version: this.version, proof: encodeProof(current, this.#position * 4) };
  }
}
