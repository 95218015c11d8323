import { CHAIN_LENGTH, decodeProof, MAX_PROOF_STEPS } from '../outbound/proofCodec.js';
import { chainStep } from '../outbound/sha256.js';

/**
 * What a receiver holds about one connection's hash chain (see `HashChain`): the latest element
 * it verified, at which version, and the next epoch's anchor once the connection announced it.
 * Immutable: a verified proof yields a new value.
 */
export interface ChainKnowledge {
  readonly version: number;
  readonly element: Uint32Array;
  readonly next: Uint32Array | null;
}

/** Outcome of checking a proof: new knowledge, an old position (`stale`), or a forgery. */
export type ProofCheck =
  { ok: true; knowledge: ChainKnowledge } | { ok: false; stale: boolean; reason: string };

const scratch = new Uint32Array(4);

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/** True when hashing `proof` `steps` times gives `target` (one check: no walk kept). */
function walkOnce(proof: Uint32Array, steps: number, target: Uint32Array): boolean {
  scratch.set(proof);
  for (let i = 0; i < steps; i += 1) chainStep(scratch, scratch);
  return sameWords(scratch, target);
}

function refused(reason: string): ProofCheck {
  return { ok: false, stale: false, reason };
}

/** Knowledge from a connection's own tracked meta; `null` when it carries no valid proof. */
export function knowledgeFromMeta(
  version: number,
  proof: unknown,
  next: unknown,
): ChainKnowledge | null {
  const element = decodeProof(proof);
  return element ? { version, element, next: decodeProof(next) } : null;
}

/**
 * The hashes of one revealed proof, each computed once. A message names connections by their
 * client-chosen label, so one forged proof can be checked against every connection an attacker
 * gave that label: walked through one `ProofWalk`, it costs at most `MAX_PROOF_STEPS` hash steps
 * in all instead of that many per connection.
 */
export class ProofWalk {
  /** Element i of the walk (the proof hashed i times) at `[4i, 4i + 4)`. */
  #words: Uint32Array;
  #steps = 0;

  constructor(proof: Uint32Array) {
    this.#words = new Uint32Array(8);
    this.#words.set(proof);
  }

  /** True when hashing the proof `steps` times (at most `MAX_PROOF_STEPS`) gives `target`. */
  reaches(steps: number, target: Uint32Array): boolean {
    if (this.#words.length < (steps + 1) * 4) {
      const grown = new Uint32Array(Math.min(MAX_PROOF_STEPS + 1, (steps + 1) * 2) * 4);
      grown.set(this.#words);
      this.#words = grown;
    }
    for (; this.#steps < steps; this.#steps += 1) {
      const at = this.#steps * 4;
      chainStep(this.#words.subarray(at, at + 4), this.#words.subarray(at + 4, at + 8));
    }
    const at = steps * 4;
    const w = this.#words;
    return (
      w[at] === target[0] &&
      w[at + 1] === target[1] &&
      w[at + 2] === target[2] &&
      w[at + 3] === target[3]
    );
  }
}

/**
 * Checks that `proof` is the element at `version` of the chain `known` belongs to: hashing it
 * `version − known.version` times (at most `MAX_PROOF_STEPS`) must give the element we hold, or
 * the announced next anchor when the version is in the following epoch. A version at or below
 * the known one is `stale` (a duplicate or a replay), never applied. Checks of one message against
 * several connections share its `walk`.
 */
export function checkProof(
  known: ChainKnowledge,
  version: number,
  proof: Uint32Array,
  walk?: ProofWalk,
): ProofCheck {
  if (version <= known.version) return { ok: false, stale: true, reason: 'proof is not newer' };
  const epoch = Math.floor(version / CHAIN_LENGTH);
  const knownEpoch = Math.floor(known.version / CHAIN_LENGTH);
  let target = known.element;
  let steps = version - known.version;
  if (epoch !== knownEpoch) {
    if (epoch !== knownEpoch + 1 || known.next === null)
      return refused('proof is from a chain this connection never announced');
    target = known.next;
    // Position 0 is the published anchor itself: revealing it proves nothing.
    steps = version % CHAIN_LENGTH;
    if (steps === 0) return refused('proof is a published anchor');
  }
  if (steps > MAX_PROOF_STEPS) return refused('proof is too far ahead of the chain');
  if (!(walk ? walk.reaches(steps, target) : walkOnce(proof, steps, target)))
    return refused("proof is not on the connection's chain");
  const next = epoch === knownEpoch ? known.next : null;
  return { ok: true, knowledge: { version, element: proof, next } };
}

/** True when `later` continues the chain of `earlier` (same position and element, or verified). */
export function continuesChain(earlier: ChainKnowledge, later: ChainKnowledge): boolean {
  if (later.version === earlier.version) return sameWords(later.element, earlier.element);
  return checkProof(earlier, later.version, later.element).ok;
}
