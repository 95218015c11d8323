import { CHAIN_LENGTH, MAX_PROOF_STEPS } from '../outbound/proofCodec.js';
import type { PresenceConnection, UserState } from '../types.js';
import type { ChainBook } from './ChainBook.js';
import type { ChainKnowledge } from './ChainKnowledge.js';
import { checkProof, continuesChain } from './ChainKnowledge.js';
import type { RemoteConnectionState } from './validatePayload.js';

/** The record a meta makes, and what it teaches about the connection's chain. */
export interface JoinedRecord<S extends UserState> {
  record: PresenceConnection<S>;
  knowledge: ChainKnowledge | null;
}

/**
 * Hash steps one join may spend on its predecessors. Labels are client-chosen, so anyone can give
 * a thousand connections the label of the one joining, each claiming a position just ahead of it:
 * checked in full, every such join cost each receiver a thousand proof walks. An honest re-track
 * has one predecessor a few positions ahead, which the nearest-first order reaches at once.
 */
const PREDECESSOR_STEPS = MAX_PROOF_STEPS;

/** Predecessors ahead of `version`, nearest first, within the join's hash-step budget. */
function candidatesAhead<S extends UserState>(
  predecessors: readonly PresenceConnection<S>[],
  version: number,
  book: ChainBook,
): [PresenceConnection<S>, ChainKnowledge][] {
  const ahead: [PresenceConnection<S>, ChainKnowledge][] = [];
  for (const earlier of predecessors) {
    const known = book.get(earlier.presenceRef);
    if (known && known.version > version) ahead.push([earlier, known]);
  }
  if (ahead.length < 2) return ahead;
  ahead.sort((a, b) => a[1].version - b[1].version);
  let budget = PREDECESSOR_STEPS;
  // A check walks at most `known.version - version` steps (fewer across an epoch).
  return ahead.filter(([, known]) => {
    const cost = known.version - version;
    if (cost > budget) return false;
    budget -= cost;
    return true;
  });
}

/** `record` carrying the state of `value` (a proven broadcast or a newer record). */
function withStateOf<S extends UserState>(
  record: PresenceConnection<S>,
  value: Pick<PresenceConnection<S>, 'state' | 'version' | 'updatedAt'>,
): PresenceConnection<S> {
  return { ...record, state: value.state, version: value.version, updatedAt: value.updatedAt };
}

/**
 * The record of a meta that joined with presence ref `ref`, as the meta says. An unsigned meta
 * (no proof) has no chain that anything newer could continue, so this is its whole record:
 * `RemoteJoins` takes it as is, with no result object (a cold presence_state joins 10,000).
 */
export function recordOf<S extends UserState>(
  value: RemoteConnectionState<S>,
  ref: string,
): PresenceConnection<S> {
  const { connectionId, state, version, updatedAt, joinedAt } = value;
  return { connectionId, presenceRef: ref, state, version, updatedAt, joinedAt };
}

/**
 * The record for a meta that joined with presence ref `ref`. The meta is the connection's own
 * word (the server binds it to the ref), so it sets the chain we follow for that ref. Two things
 * may be newer than it, and both must prove they continue that chain:
 * - an earlier record of the same connection (a re-track: our broadcast raced the server's
 *   diff), whose proven state then carries over into the new record (never the other way);
 * - broadcasts that arrived before the meta (`early`, newest first).
 */
export function joinedRecord<S extends UserState>(
  value: RemoteConnectionState<S>,
  ref: string,
  predecessors: readonly PresenceConnection<S>[],
  book: ChainBook,
  early: readonly RemoteConnectionState<S>[],
): JoinedRecord<S> {
  let record = recordOf(value, ref);
  if (value.proof === null) return { record, knowledge: null };
  const { version } = value;
  const fromMeta: ChainKnowledge = { version, element: value.proof, next: value.next };
  let knowledge = fromMeta;
  for (const [earlier, known] of candidatesAhead(predecessors, version, book)) {
    if (known.version <= knowledge.version || !continuesChain(fromMeta, known)) continue;
    record = withStateOf(record, earlier);
    // The meta may announce the next epoch the earlier record has not heard of yet.
    const sameEpoch =
      Math.floor(known.version / CHAIN_LENGTH) === Math.floor(version / CHAIN_LENGTH);
    knowledge = sameEpoch && known.next === null ? { ...known, next: fromMeta.next } : known;
  }
  for (const candidate of early) {
    if (candidate.proof === null) continue;
    const checked = checkProof(knowledge, candidate.version, candidate.proof);
    if (!checked.ok) continue;
    record = withStateOf(record, candidate);
    knowledge = checked.knowledge;
  }
  return { record, knowledge };
}
