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
 * Checks that `proof` is the element at `version` of the chain `known` belongs to: hashing it
 * `version − known.version` times (at most `MAX_PROOF_STEPS`) must give the element we hold, or
 * the announced next anchor when the version is in the following epoch. A version at or below
 * the known one is `stale` (a duplicate or a replay), never applied.
 */
export function checkProof(known: ChainKnowledge, version: number, proof: Uint32Array): ProofCheck {
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
  scratch.set(proof);
  for (let i = 0; i < steps; i += 1) chainStep(scratch, scratch);
  if (!sameWords(scratch, target)) return refused("proof is not on the connection's chain");
  const next = epoch === knownEpoch ? known.next : null;
  return { ok: true, knowledge: { version, element: proof, next } };
}

/** True when `later` continues the chain of `earlier` (same position and element, or verified). */
export function continuesChain(earlier: ChainKnowledge, later: ChainKnowledge): boolean {
  if (later.version === earlier.version) return sameWords(later.element, earlier.element);
  return checkProof(earlier, later.version, later.element).ok;
}
