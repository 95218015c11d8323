import { sameState } from '../model/stateObject.js';
import type { FrozenState } from '../model/stateObject.js';
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
 * One connection's own state and how it goes out. Every change bumps the version and is
 * broadcast at once (at most one `pk:state` per `broadcastThrottleMs`, trailing send for the last
 * change); presence `track` carries the newest full state under the {@link TrackBudget}, with a
 * trailing track so the last change always lands in presence for late joiners.
 */
export class Outbox<S extends UserState> {
  private version = 0;
  private updatedAt: number;
  private readonly joinedAt: number;
  private trackedVersion = -1;
  private broadcastVersion = 0;
  private lastBroadcastAt = Number.NEGATIVE_INFINITY;
  private broadcastTimer: ReturnType<typeof setTimeout> | null = null;
  private trackTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly budget: TrackBudget;

  constructor(
    readonly userId: string,
    readonly connectionId: string,
    private state: FrozenState<S>,
    private readonly io: OutboxIO,
    private readonly options: OutboxOptions,
  ) {
    this.budget = new TrackBudget(options.trackBudget.maxCalls, options.trackBudget.windowMs);
    this.joinedAt = this.updatedAt = io.now();
  }

  /** The current local state. */
  get current(): FrozenState<S> {
    return this.state;
  }

  /** Our connection record as the store shows it. */
  connection(): PresenceConnection<S> {
    return {
      connectionId: this.connectionId,
      presenceRef: null,
      state: this.state,
      version: this.version,
      updatedAt: this.updatedAt,
      joinedAt: this.joinedAt,
    };
  }

  /** Replaces the state; returns false (and sends nothing) when the content is unchanged. */
  replace(next: FrozenState<S>): boolean {
    if (sameState(this.state, next)) return false;
    this.state = next;
    this.version += 1;
    this.updatedAt = Math.max(this.io.now(), this.updatedAt);
    this.scheduleBroadcast();
    this.scheduleTrack();
    return true;
  }

  /** A (re)join succeeded: new server window, so reset the budget and track at once. */
  subscribed(): void {
    this.clearTrackTimer();
    this.budget.reset();
    this.trackNow();
  }

  /** The channel dropped: pending sends wait for the next `subscribed()`, which re-tracks. */
  disconnected(): void {
    this.clearTrackTimer();
    if (this.broadcastTimer !== null) clearTimeout(this.broadcastTimer);
    this.broadcastTimer = null;
  }

  /** A newcomer joined: re-send our state, but only if presence does not already carry it. */
  resendIfLagging(): void {
    if (this.trackedVersion < this.version) {
      this.broadcastVersion = Math.min(this.broadcastVersion, this.trackedVersion);
      this.scheduleBroadcast();
    }
  }

  /** Tells the room we leave on purpose, before the channel goes (so others see REMOTE_LEAVE). */
  announceLeave(): void {
    if (this.io.canSend())
      this.io.broadcast(PK_EVENTS.leave, { userId: this.userId, connectionId: this.connectionId });
  }

  /** Stops all timers. */
  dispose(): void {
    this.disconnected();
  }

  /** The meta `track` sends. */
  meta(): PresenceMeta {
    return {
      connectionId: this.connectionId,
      version: this.version,
      state: { ...this.state },
      updatedAt: this.updatedAt,
      joinedAt: this.joinedAt,
    };
  }

  private scheduleBroadcast(): void {
    if (!this.io.canSend() || this.broadcastTimer !== null) return;
    const wait = this.lastBroadcastAt + this.options.broadcastThrottleMs - this.io.now();
    if (wait <= 0) this.broadcastNow();
    else this.broadcastTimer = setTimeout(() => this.broadcastNow(), wait);
  }

  private broadcastNow(): void {
    this.broadcastTimer = null;
    if (!this.io.canSend() || this.broadcastVersion >= this.version) return;
    this.lastBroadcastAt = this.io.now();
    this.broadcastVersion = this.version;
    this.io.broadcast(PK_EVENTS.state, { userId: this.userId, ...this.meta() });
  }

  private scheduleTrack(): void {
    if (!this.io.canSend() || this.trackTimer !== null) return;
    const wait = this.budget.delayAt(this.io.now());
    if (wait <= 0) this.trackNow();
    else this.trackTimer = setTimeout(() => this.trackNow(), wait);
  }

  private trackNow(): void {
    this.trackTimer = null;
    if (!this.io.canSend()) return;
    this.budget.record(this.io.now());
    this.trackedVersion = this.version;
    this.io.track(this.meta());
  }

  private clearTrackTimer(): void {
    if (this.trackTimer !== null) clearTimeout(this.trackTimer);
    this.trackTimer = null;
  }
}
