/**
 * What the proof of origin costs per `pk:state` delta, at 1,000 occupants, through a real
 * supabase-js channel on the loopback (the frame fed as the socket feeds it, as bench/core does):
 * a proven delta (one hash step), a late joiner's jump over 75 missed sends, a forgery refused at
 * the step bound (what an intruder can make a receiver spend), and the bare proof check alone.
 *
 * Run: npx tsx bench/integrity/deltaCost.ts
 */
import { checkProof } from '../../src/core/inbound/ChainKnowledge.js';
import { HashChain } from '../../src/core/outbound/HashChain.js';
import type { ChainProof } from '../../src/core/outbound/HashChain.js';
import { decodeProof, MAX_PROOF_STEPS } from '../../src/core/outbound/proofCodec.js';
import { measure, summarize } from '../core/measure.js';
import { createWorld, feed } from '../core/world.js';

const N = 1000;
const world = createWorld();
const { presence } = world.kit();
const room = await world.kitRoom(presence, 'bench');

// N occupants, one connection each, every meta carrying its chain's element.
const chains = new Map<string, HashChain>();
const state: Record<string, { metas: Record<string, unknown>[] }> = {};
const T0 = Date.now() - 60_000;
for (let i = 0; i < N; i += 1) {
  const id = `user-${i}`;
  const chain = new HashChain();
  chains.set(id, chain);
  const { version, proof } = chain.advance(true) as ChainProof;
  const meta = {
    connectionId: `c-${i}`,
    version,
    proof,
    state: { status: 'online' },
    updatedAt: T0,
  };
  state[id] = { metas: [{ ...meta, phx_ref: `ref-${i}` }] };
}
const self = room.store.getState().self;
const selfMeta = { connectionId: self?.connections[0]?.connectionId, phx_ref: 'self-ref' };
feed(room.channel, 'presence_state', { ...state, 'bench-self': { metas: [selfMeta] } });
if (room.store.getState().occupancy !== N + 1) throw new Error('bench setup: occupants missing');

let round = 0;
function delta(skip: number, forged: boolean) {
  const id = `user-${round++ % N}`;
  const chain = chains.get(id) as HashChain;
  for (let i = 0; i < skip; i += 1) chain.advance(false);
  const { version, proof } = chain.advance(false) as ChainProof;
  const payload = {
    userId: id,
    connectionId: `c-${id.slice(5)}`,
    version: forged ? version + MAX_PROOF_STEPS - 1 - skip : version,
    proof: forged ? 'f'.repeat(32) : proof,
    state: { status: `s${round}` },
    updatedAt: Date.now(),
  };
  return { id, frame: { type: 'broadcast', event: 'pk:state', payload } };
}

async function time(label: string, skip: number, forged: boolean): Promise<void> {
  const samples = await measure(
    {
      prepare: () => delta(skip, forged),
      run: ({ frame }) => feed(room.channel, 'broadcast', frame),
      after: ({ id, frame }) => {
        const shown = room.store.getState().occupants.get(id)?.state.status;
        if (forged === (shown === frame.payload.state.status))
          throw new Error(`${label}: the delta was ${forged ? 'applied' : 'dropped'}`);
      },
    },
    N,
  );
  const s = summarize(samples);
  console.log(`${label.padEnd(44)} median ${s.median.toFixed(4)} ms  p95 ${s.p95.toFixed(4)} ms`);
}

console.log(`pk:state delta at ${N} occupants (kit: frame in, store committed)`);
await time('proven delta (1 hash step)', 0, false);
await time('late joiner: proven jump over 75 sends', 75, false);
await time(`forgery refused at the bound (${MAX_PROOF_STEPS} steps)`, 0, true);

const chain = new HashChain();
const first = chain.advance(true) as ChainProof;
const known = {
  version: first.version,
  element: decodeProof(first.proof) as Uint32Array,
  next: null,
};
const next = chain.advance(false) as ChainProof;
const element = decodeProof(next.proof) as Uint32Array;
const loops = 200_000;
const t0 = process.hrtime.bigint();
for (let i = 0; i < loops; i += 1) checkProof(known, next.version, element);
const perCheck = Number(process.hrtime.bigint() - t0) / 1e6 / loops;
console.log(`${'checkProof alone (1 step)'.padEnd(44)} ${(perCheck * 1000).toFixed(2)} µs`);
const c0 = process.hrtime.bigint();
new HashChain().advance(true);
console.log(
  `${'building one chain epoch (1,024 hashes)'.padEnd(44)} ${(Number(process.hrtime.bigint() - c0) / 1e6).toFixed(2)} ms`,
);
await presence.destroy();
process.exit(0);
