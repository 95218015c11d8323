import { describe, expect, it } from 'vitest';
import {
  checkProof,
  continuesChain,
  knowledgeFromMeta,
} from '../../../src/core/inbound/ChainKnowledge.js';
import type { ChainKnowledge } from '../../../src/core/inbound/ChainKnowledge.js';
import { HashChain } from '../../../src/core/outbound/HashChain.js';
import type { ChainProof } from '../../../src/core/outbound/HashChain.js';
import {
  CHAIN_LENGTH,
  decodeProof,
  encodeProof,
  MAX_PROOF_STEPS,
} from '../../../src/core/outbound/proofCodec.js';

/** What a receiver learns from a tracked meta carrying `p` (and the announced next anchor). */
function fromMeta(chain: HashChain, p: ChainProof): ChainKnowledge {
  const known = knowledgeFromMeta(p.version, p.proof, chain.nextAnchor());
  if (!known) throw new Error('meta proof did not decode');
  return known;
}

function check(known: ChainKnowledge, p: ChainProof) {
  return checkProof(known, p.version, decodeProof(p.proof) as Uint32Array);
}

const flip = (proof: string) => (proof[0] === 'a' ? 'b' : 'a') + proof.slice(1);

describe('hash chain proofs', () => {
  it('encodes and decodes proofs, refusing anything but 32 lowercase hex characters', () => {
    const words = new Uint32Array([0, 1, 0xdeadbeef, 0xffffffff]);
    const text = encodeProof(words);
    expect(text).toBe('0000000000000001deadbeefffffffff');
    expect(decodeProof(text)).toEqual(words);
    for (const bad of [text.toUpperCase(), text.slice(1), `${text}0`, 7, null, 'z'.repeat(32)])
      expect(decodeProof(bad)).toBeNull();
  });

  it('accepts every next element in order, each in one step, and nothing twice', () => {
    const chain = new HashChain();
    let known = fromMeta(chain, chain.advance(true) as ChainProof);
    for (let i = 0; i < 300; i += 1) {
      const p = chain.advance(false) as ChainProof;
      expect(p.version).toBe(known.version + 1);
      const result = check(known, p);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(check(result.knowledge, p)).toMatchObject({ ok: false, stale: true });
      known = result.knowledge;
    }
  });

  it('accepts a jump over missed sends up to the step bound, not beyond', () => {
    const chain = new HashChain();
    const known = fromMeta(chain, chain.advance(true) as ChainProof);
    const proofs: ChainProof[] = [];
    for (let i = 0; i < MAX_PROOF_STEPS + 1; i += 1)
      proofs.push(chain.advance(false) as ChainProof);
    expect(check(known, proofs[MAX_PROOF_STEPS - 1] as ChainProof).ok).toBe(true);
    expect(check(known, proofs[MAX_PROOF_STEPS] as ChainProof)).toMatchObject({
      ok: false,
      stale: false,
      reason: 'proof is too far ahead of the chain',
    });
  });

  it('refuses a tampered element, a shifted version and a version far ahead', () => {
    const chain = new HashChain();
    const known = fromMeta(chain, chain.advance(true) as ChainProof);
    const p = chain.advance(false) as ChainProof;
    expect(check(known, { ...p, proof: flip(p.proof) }).ok).toBe(false);
    expect(check(known, { ...p, version: p.version + 1 }).ok).toBe(false);
    expect(check(known, { ...p, version: Number.MAX_SAFE_INTEGER }).ok).toBe(false);
    // An element revealed earlier cannot be passed off as a later position either.
    const q = chain.advance(false) as ChainProof;
    expect(check(known, { version: q.version, proof: p.proof }).ok).toBe(false);
  });

  it("refuses another chain's elements", () => {
    const ours = new HashChain();
    const theirs = new HashChain();
    const known = fromMeta(ours, ours.advance(true) as ChainProof);
    theirs.advance(true);
    expect(check(known, theirs.advance(false) as ChainProof).ok).toBe(false);
  });

  it('crosses into the next epoch through the anchor announced in a track', () => {
    const chain = new HashChain();
    chain.advance(true);
    while (chain.version < CHAIN_LENGTH / 2) chain.advance(false);
    expect(chain.nextAnchor()).not.toBeNull();
    // A track goes out with the next anchor: receivers learn it from the meta.
    const known = fromMeta(chain, chain.advance(true) as ChainProof);
    const anchor = chain.nextAnchor() as string;
    chain.published();
    let last = known;
    let p: ChainProof | null = null;
    while (chain.version < CHAIN_LENGTH + 3) {
      p = chain.advance(false);
      expect(p).not.toBeNull();
      const result = check(last, p as ChainProof);
      if (result.ok) last = result.knowledge;
      // A receiver may miss sends: keep the meta's knowledge for the steps it can bridge.
      else throw new Error(`${(p as ChainProof).version}: ${result.reason}`);
    }
    expect(last.version).toBe(CHAIN_LENGTH + 3);
    // The next epoch's anchor itself (position 0) is public: it proves nothing.
    expect(checkProof(known, CHAIN_LENGTH, decodeProof(anchor) as Uint32Array)).toMatchObject({
      ok: false,
      reason: 'proof is a published anchor',
    });
  });

  it('holds broadcasts back at the end of an epoch whose successor was never announced', () => {
    const chain = new HashChain();
    while (chain.version < CHAIN_LENGTH - 1) chain.advance(false);
    expect(chain.advance(false)).toBeNull();
    // A track may open the next epoch: the server binds the meta to the connection.
    const p = chain.advance(true) as ChainProof;
    expect(p.version).toBe(CHAIN_LENGTH + 1);
    const fresh = fromMeta(chain, p);
    expect(check(fresh, chain.advance(false) as ChainProof).ok).toBe(true);
  });

  it('refuses a proof from an epoch whose anchor the receiver never got', () => {
    const chain = new HashChain();
    const known = fromMeta(chain, chain.advance(true) as ChainProof);
    while (chain.version < CHAIN_LENGTH - 1) chain.advance(false);
    chain.published();
    const p = chain.advance(false) as ChainProof;
    expect(p.version).toBe(CHAIN_LENGTH + 1);
    expect(check({ ...known, version: CHAIN_LENGTH - 1 }, p)).toMatchObject({
      ok: false,
      reason: 'proof is from a chain this connection never announced',
    });
  });

  it('tells whether a meta continues a chain a receiver already follows', () => {
    const chain = new HashChain();
    const first = fromMeta(chain, chain.advance(true) as ChainProof);
    const later = fromMeta(chain, chain.advance(true) as ChainProof);
    expect(continuesChain(first, later)).toBe(true);
    expect(continuesChain(first, first)).toBe(true);
    expect(continuesChain(later, first)).toBe(false);
    const other = new HashChain();
    expect(continuesChain(first, fromMeta(other, other.advance(true) as ChainProof))).toBe(false);
  });
});
