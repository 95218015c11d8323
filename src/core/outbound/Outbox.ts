import { sameState } from '../model/stateObject.js';
import type { FrozenState } from '../model/stateObject.js';
import { HashChain } from './HashChain.js';
import type { ChainProof } from './HashChain.js';
import { OwnTracks } from './OwnTracks.js';
import { TrackBudget } from './TrackBudget.js';
import type { PresenceConnection, UserState } from '../types.js';
import { PK_EVENTS } from './wire.js';
import type { PresenceMeta } from './wire.js';

/** The wire side the outbox drives; implemented by the room over its supabase-js channel. */
export interface OutboxIO {
  now(): number;
  /** True while the channel is joined (sending would otherwise fall back to REST). */
  canSend(): boolean;
  broadcast(event: string, payload: Record<string, unknown>): void;
  track(meta: PresenceMeta): void;
}

/** Outbox settings: throttle and presence budget. */
export interface OutboxOptions {
  broadcastThrottleMs: number;
  trackBudget: { maxCalls: number; windowMs: number };
}

/**
 * One connection's own state and how it goes out. Every change bumps the revision and is
 * broadcast at once (at most one `pk:state` per `broadcastThrottleMs`, trailing send for the last
 * change); presence `track` carries the newest full state under the {@link TrackBudget}, with a
 * trailing track so the last change always lands in presence for late joiners. Each send takes
 * the next position of the connection's {@link HashChain}: that position is the wire `version`,
 * and its element the `proof` receivers check.
 */
export class Outbox<S extends UserState> {
  /** Our tracked metas, to recognise them when presence echoes them back. */
  readonly ownTracks = new OwnTracks();
  readonly #chain = new HashChain();
  #revision = 0;
  #updatedAt: number;
  readonly #joinedAt: number;
  #trackedRevision = -1;
  #broadcastRevision = 0;
  #lastBroadcastAt = Number.NEGATIVE_INFINITY;
  #broadcastTimer: ReturnType<typeof setTimeout> | null = null;
  #trackTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #budget: TrackBudget;
  /** The chain version our last goodbye took: it stands until a later send moves the chain. */
  #goodbyeAt = -1;
  #state: FrozenState<S>;
  readonly #io: OutboxIO;
  readonly #options: OutboxOptions;

  constructor(
    readonly userId: string,
    readonly connectionId: string,
    state: FrozenState<S>,
    io: OutboxIO,
    options: OutboxOptions,
  ) {
    this.#state = state;
    this.#io = io;
    this.#options = options;
    this.#budget = new TrackBudget(options.trackBudget.maxCalls, options.trackBudget.windowMs);
    this.#joinedAt = this.#updatedAt = io.now();
  }

  /** The current local state. */
  get current(): FrozenState<S> {
    return this.#state;
  }

  /** Our connection record as the store shows it. */
  connection(): PresenceConnection<S> {
    return {
      connectionId: this.connectionId,
      presenceRef: null,
      state: this.#state,
      version: this.#chain.version,
      updatedAt: this.#updatedAt,
      joinedAt: this.#joinedAt,
      local: true,
    };
  }

  /** Replaces the state; returns false (and sends nothing) when the content is unchanged. */
  replace(next: FrozenState<S>): boolean {
    if (sameState(this.#state, next)) return false;
    this.#state = next;
    this.#revision += 1;
    this.#updatedAt = Math.max(this.#io.now(), this.#updatedAt);
    this.#scheduleBroadcast();
    this.#scheduleTrack();
    return true;
  }

  /** A (re)join succeeded: new server window, so reset the budget and track at once. */
  subscribed(): void {
    this.#clearTrackTimer();
    this.#budget.reset();
    this.#trackNow();
  }

  /** The channel dropped: pending sends wait for the next `subscribed()`, which re-tracks. */
  disconnected(): void {
    this.#clearTrackTimer();
    if (this.#broadcastTimer !== null) clearTimeout(this.#broadcastTimer);
    this.#broadcastTimer = null;
  }

  /** A newcomer joined: re-send our state, but only if presence does not already carry it. */
  resendIfLagging(): void {
    // The re-send takes a fresh chain position: it also supersedes any replay of an element we
    // already revealed, which a newcomer holding only our lagging meta would otherwise accept.
    if (this.#trackedRevision < this.#revision) {
      this.#broadcastRevision = Math.min(this.#broadcastRevision, this.#trackedRevision);
      this.#scheduleBroadcast();
    }
  }

  /**
   * Tells the room we leave on purpose, before the channel goes (so others see REMOTE_LEAVE). Once
   * per goodbye: `beforeunload` then `pagehide` say it once, and only a send after it (the page
   * stayed) takes it back, so the next hide says it again.
   */
  announceLeave(): void {
    if (this.#goodbyeAt === this.#chain.version || !this.#io.canSend()) return;
    const proof = this.#chain.advance(false);
    // The epoch is spent and its successor not announced: an unproven goodbye would be refused.
    if (!proof) return;
    this.#goodbyeAt = proof.version;
    const payload = { userId: this.userId, connectionId: this.connectionId, ...proof };
    this.#io.broadcast(PK_EVENTS.leave, payload);
  }

  /** Stops all timers. */
  dispose(): void {
    this.disconnected();
  }

  /** What a send carries at chain position `proof`. */
  #payload(proof: ChainProof): PresenceMeta {
    return {
      connectionId: this.connectionId,
      version: proof.version,
      proof: proof.proof,
      state: { ...this.#state },
      updatedAt: this.#updatedAt,
      joinedAt: this.#joinedAt,
    };
  }

  #scheduleBroadcast(): void {
    if (!this.#io.canSend() || this.#broadcastTimer !== null) return;
    const wait = this.#lastBroadcastAt + this.#options.broadcastThrottleMs - this.#io.now();
    if (wait <= 0) this.#broadcastNow();
    else this.#broadcastTimer = setTimeout(() => this.#broadcastNow(), wait);
  }

  #broadcastNow(): void {
    this.#broadcastTimer = null;
    if (!this.#io.canSend() || this.#broadcastRevision >= this.#revision) return;
    const proof = this.#chain.advance(false);
    // The epoch is spent and its successor not announced yet: the next track carries the state.
    if (!proof) return this.#scheduleTrack();
    this.#lastBroadcastAt = this.#io.now();
    this.#broadcastRevision = this.#revision;
    this.#io.broadcast(PK_EVENTS.state, { userId: this.userId, ...this.#payload(proof) });
    if (this.#chain.unannounced) this.#scheduleTrack();
  }

  #scheduleTrack(): void {
    if (!this.#io.canSend() || this.#trackTimer !== null) return;
    const wait = this.#budget.delayAt(this.#io.now());
    if (wait <= 0) this.#trackNow();
    else this.#trackTimer = setTimeout(() => this.#trackNow(), wait);
  }

  #trackNow(): void {
    this.#trackTimer = null;
    if (!this.#io.canSend()) return;
    this.#budget.record(this.#io.now());
    this.#trackedRevision = this.#revision;
    const proof = this.#chain.advance(true) as ChainProof;
    const next = this.#chain.nextAnchor();
    const meta = this.#payload(proof);
    if (next !== null) meta.next = next;
    this.ownTracks.add(proof.version, proof.proof);
    this.#io.track(meta);
    if (next !== null) this.#chain.published();
  }

  #clearTrackTimer(): void {
    if (this.#trackTimer !== null) clearTimeout(this.#trackTimer);
    this.#trackTimer = null;
  }
}
