/**
 * Frames that carry the kit's proof of origin, for the integrity cost: every user's meta holds a
 * position on a short hash chain of its own (element v = SHA-256^(L − v) of a random seed, as
 * `HashChain` builds them, truncated to 128 bits), so updates and `pk:state` broadcasts that
 * advance the version reveal the next element and verify with one hash step, as in production.
 */
import { encodeProof } from '../../src/core/outbound/proofCodec.js';
import { chainStep } from '../../src/core/outbound/sha256.js';
import { phxRef, type Meta, type Population } from './frames.js';
import { updateStep, type Step } from './tracks.js';

/** Per user: chain elements by version (index 0 unused), and the version last handed out. */
interface UserChain {
  elements: string[];
  version: number;
}

/** A population whose metas carry proofs, and the chains to advance them. */
export interface ProvenPopulation extends Population {
  chains: Map<string, UserChain>;
}

function chainOf(random: () => number, length: number): string[] {
  const words = new Uint32Array(4 * (length + 1));
  for (let i = 0; i < 4; i += 1) words[4 * length + i] = Math.floor(random() * 2 ** 32);
  for (let v = length - 1; v >= 0; v -= 1)
    chainStep(words.subarray(4 * (v + 1), 4 * (v + 2)), words.subarray(4 * v, 4 * v + 4));
  return Array.from({ length: length + 1 }, (_, v) => encodeProof(words, 4 * v));
}

/** `pop` with a chain of `length` positions per user and each meta at version 1 with its proof. */
export function withProofs(pop: Population, length: number): ProvenPopulation {
  const chains = new Map<string, UserChain>();
  const metas = new Map<string, Meta>();
  for (const id of pop.ids) {
    const elements = chainOf(pop.random, length);
    const next = chainOf(pop.random, 1)[0] as string;
    chains.set(id, { elements, version: 1 });
    metas.set(id, {
      ...(pop.metas.get(id) as Meta),
      version: 1,
      proof: elements[1] as string,
      next,
    });
  }
  return { ids: pop.ids, metas, random: pop.random, chains };
}

function advance(pop: ProvenPopulation, key: string): { version: number; proof: string } {
  const chain = pop.chains.get(key) as UserChain;
  chain.version += 1;
  const proof = chain.elements[chain.version];
  if (proof === undefined) throw new Error(`bench setup: chain of ${key} is too short`);
  return { version: chain.version, proof };
}

/** State changes as presence_diff updates whose new meta reveals the next chain element. */
export function provenUpdateSteps(pop: ProvenPopulation, count: number, stride = 104_729): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < count; i += 1) {
    const key = pop.ids[(i * stride) % pop.ids.length] as string;
    const from = pop.metas.get(key) as Meta;
    const status = from.state.status === 'away' ? 'online' : 'away';
    const { version, proof } = advance(pop, key);
    const to: Meta = {
      ...from,
      version,
      proof,
      state: { ...from.state, status },
      updatedAt: from.updatedAt + 1,
      phx_ref: phxRef(pop.random),
    };
    pop.metas.set(key, to);
    steps.push(updateStep(key, from, to, status));
  }
  return steps;
}

/** State changes as `pk:state` broadcasts (the kit's fast path), each proven by one hash step. */
export function provenBroadcastSteps(pop: ProvenPopulation, count: number, stride = 7919): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < count; i += 1) {
    const key = pop.ids[(i * stride) % pop.ids.length] as string;
    const m = pop.metas.get(key) as Meta;
    const status = m.state.status === 'busy' ? 'online' : 'busy';
    const { version, proof } = advance(pop, key);
    const state = { ...m.state, status };
    pop.metas.set(key, { ...m, version, proof, state, updatedAt: m.updatedAt + 1 });
    const payload = {
      userId: key,
      connectionId: m.connectionId,
      version,
      proof,
      state,
      updatedAt: m.updatedAt + 1,
      joinedAt: m.joinedAt,
    };
    steps.push({
      timed: JSON.stringify({ type: 'broadcast', event: 'pk:state', payload }),
      undo: null,
      key,
      status,
      version,
    });
  }
  return steps;
}
