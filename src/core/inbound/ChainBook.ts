import type { ChainKnowledge } from './ChainKnowledge.js';

/** Departed connections remembered for a `pk:leave` that arrives after the presence leave. */
const MAX_DEPARTED = 256;

/** A connection that left presence, kept so its goodbye can still be proven. */
interface Departed {
  userId: string;
  connectionId: string;
  knowledge: ChainKnowledge;
}

/**
 * What a room knows of each remote connection's hash chain, by presence ref (the identity the
 * server assigned; see `ChainKnowledge`). Connections that left stay a while (bounded), because
 * Supabase does not order a `pk:leave` broadcast against the presence leave.
 */
export class ChainBook {
  readonly #live = new Map<string, ChainKnowledge>();
  readonly #departed = new Map<string, Departed>();

  /** The knowledge of the live connection `ref`, if its meta carried a chain. */
  get(ref: string | null): ChainKnowledge | undefined {
    return ref === null ? undefined : this.#live.get(ref);
  }

  /** Sets (or, with `null`, forgets) what we know of `ref`'s chain. */
  set(ref: string, knowledge: ChainKnowledge | null): void {
    if (knowledge) this.#live.set(ref, knowledge);
    // Every unsigned meta of a presence_state lands here: skip hashing its ref for an empty book.
    else if (this.#live.size > 0) this.#live.delete(ref);
  }

  /** `ref` left presence: keep its chain for a late goodbye. */
  depart(ref: string, userId: string, connectionId: string): void {
    const knowledge = this.#live.get(ref);
    this.#live.delete(ref);
    if (!knowledge) return;
    this.#departed.set(ref, { userId, connectionId, knowledge });
    if (this.#departed.size > MAX_DEPARTED) {
      const oldest = this.#departed.keys().next().value;
      if (oldest !== undefined) this.#departed.delete(oldest);
    }
  }

  /** Departed connections of `userId` labelled `connectionId`, by ref. */
  departedOf(userId: string, connectionId: string): [string, ChainKnowledge][] {
    const out: [string, ChainKnowledge][] = [];
    for (const [ref, d] of this.#departed)
      if (d.userId === userId && d.connectionId === connectionId) out.push([ref, d.knowledge]);
    return out;
  }

  /** Advances a departed connection's chain (its goodbye was proven). */
  setDeparted(ref: string, knowledge: ChainKnowledge): void {
    const entry = this.#departed.get(ref);
    if (entry) entry.knowledge = knowledge;
  }

  /** Forgets everything. */
  clear(): void {
    this.#live.clear();
    this.#departed.clear();
  }
}
