/**
 * What the proof of origin costs per delta: the same state change with metas that carry hash-
 * chain proofs (a presence_diff update, where the new meta's proof is decoded and becomes what
 * the room knows of the connection) and as a `pk:state` broadcast (the fast path, checked with
 * one SHA-256 step against the chain the meta announced), in a room of N whose every meta
 * carries a proof. Next to them, `checkProof` alone. The proof-free update of benchDiffs, from the
 * same run, is the yardstick: the difference of the medians is the integrity cost of a diff.
 */
import { checkProof, knowledgeFromMeta } from '../../src/core/inbound/ChainKnowledge.js';
import { decodeProof } from '../../src/core/outbound/proofCodec.js';
import type { RoomState } from '../../src/core/types.js';
import { expectOccupancy, fail } from './expect.js';
import { bareFrames, kitFrames } from './frameCases.js';
import { population } from './frames.js';
import { measurePair } from './measure.js';
import { provenBroadcastSteps, provenUpdateSteps, withProofs } from './provenFrames.js';
import type { Recorder } from './recorder.js';
import { roomState, selfMeta, type Step } from './tracks.js';
import { feed, type World } from './world.js';

/** The user's new state and version are in the kit store: the proof was accepted. */
function applied(state: RoomState, step: Step): void {
  const o = state.occupants.get(step.key);
  if (o?.state.status !== step.status || o?.connections[0]?.version !== step.version)
    fail(`the change of ${step.key} was not applied (a proof refused?)`);
}

/** µs per `checkProof` of one step (and per `decodeProof` of the wire string), over many calls. */
function proofMicro(): { checkUs: number; decodeUs: number } {
  const pop = withProofs(population(64, 3), 40);
  const pairs = pop.ids.flatMap((id) => {
    const elements = pop.chains.get(id)?.elements ?? [];
    return elements.slice(2).map((proof, k) => ({
      known: knowledgeFromMeta(k + 1, elements[k + 1], null),
      version: k + 2,
      proof,
    }));
  });
  const decoded = pairs.map((p) => decodeProof(p.proof) as Uint32Array);
  const rounds = 8;
  let t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r += 1)
    pairs.forEach((p, i) => {
      if (!p.known || !checkProof(p.known, p.version, decoded[i] as Uint32Array).ok)
        fail('proof check failed');
    });
  const checkUs = Number(process.hrtime.bigint() - t0) / 1e3 / (rounds * pairs.length);
  t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r += 1) for (const p of pairs) decodeProof(p.proof);
  const decodeUs = Number(process.hrtime.bigint() - t0) / 1e3 / (rounds * pairs.length);
  return { checkUs, decodeUs };
}

/** Times the proven update and the proven broadcast at N, and the proof check alone. */
export async function benchIntegrity(
  world: World,
  n: number,
  count: number,
  record: Recorder,
): Promise<void> {
  const { presence } = world.kit();
  const room = await world.kitRoom(presence, `proven-${String(n)}`);
  const bare = await world.channel();
  const pop = withProofs(population(n - 1, 99), 2 * Math.ceil(count / (n - 1)) + 3);
  const state = JSON.stringify(roomState(pop, selfMeta(room)));
  feed(room.channel, 'presence_state', JSON.parse(state));
  feed(bare, 'presence_state', JSON.parse(state));
  expectOccupancy(room, n, 'proven presence_state');
  const updates = provenUpdateSteps(pop, count);
  const broadcasts = provenBroadcastSteps(pop, count);
  const [kitU, bareU] = await measurePair(
    kitFrames(room, updates, applied, n, 'presence_diff'),
    bareFrames(bare, updates, n, 'presence_diff'),
    n,
  );
  record('1 update (presence_diff), metas with proofs', kitU, bareU, null, {
    note: 'the same change as "1 update" with a hash-chain proof in every meta; the difference of the kit medians is the proof cost of a diff',
  });
  const [kitB, bareB] = await measurePair(
    kitFrames(room, broadcasts, applied, n, 'broadcast'),
    bareFrames(bare, broadcasts, n, 'broadcast'),
    n,
  );
  record('1 pk:state broadcast, proof checked (1 SHA-256 step)', kitB, bareB, null, {
    note: "the kit's fast path for a state change; bare = supabase-js dispatching the broadcast",
  });
  if (n === 1000) {
    const micro = proofMicro();
    record('checkProof of one step (alone)', [micro.checkUs / 1000], null, null, {
      note: `decodeProof of the 32-hex wire string: ${micro.decodeUs.toFixed(3)} µs`,
    });
  }
}
