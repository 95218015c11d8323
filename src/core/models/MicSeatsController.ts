import type { PresenceError } from '../facade/PresenceError.js';
import { PendingClaim } from './PendingClaim.js';
import { seatError } from './seatError.js';
import { editHostState, type HostDraft } from './seatHostEdit.js';
import { SeatResolver } from './SeatResolver.js';
import {
  claimPatch,
  encodeHostState,
  kickKey,
  parseHostState,
  SEAT_STATE_KEYS,
} from './seatState.js';
import type { HostState, SeatClaim } from './seatState.js';
import { SeatStore } from './seatStorage.js';
import type { MicSeats, MicSeatsSnapshot, SeatOccupant, SeatRoom } from './seatTypes.js';
import type { ResolvedSeatOptions } from './seatOptions.js';
import { SeatSignals } from './SeatSignals.js';
import { watchOccupants } from './watchOccupants.js';

const ignore = (): void => {};

/** See {@link createMicSeats}. One per room and tab. */
export class MicSeatsController<O extends SeatOccupant> implements MicSeats<O> {
  readonly seatCount: number;
  readonly hostId: string | null;
  private readonly selfId: string;
  private readonly resolver: SeatResolver<O>;
  private readonly signals: SeatSignals<O>;
  private readonly saved: SeatStore;
  private readonly listeners = new Set<() => void>();
  private readonly stops: Array<() => void> = [];
  /** Re-checks of claims held through a reload (see `SeatResolver.updateUser`). */
  private readonly holds = new Map<string, ReturnType<typeof setTimeout>>();
  /** The claim this tab wrote last (`index: null` after a leave). */
  private local: SeatClaim | null = null;
  private muted = false;
  private lastAt = 0;
  private pending: PendingClaim | null = null;
  private hostWritten: HostState | null = null;
  private busy = false;
  private again = false;

  constructor(
    private readonly room: SeatRoom<O>,
    private readonly options: ResolvedSeatOptions,
  ) {
    this.seatCount = options.seatCount;
    this.hostId = options.hostId;
    this.selfId = room.store.getState().selfId;
    this.signals = new SeatSignals<O>(room, this.selfId, options, {
      admits: (userId) => this.resolver.claimOf(userId) !== undefined,
      changed: (userId) => {
        this.resolver.touch(userId);
        this.changed();
      },
      markLeft: () => this.saved.markLeft(options.now()),
    });
    this.resolver = new SeatResolver<O>({
      ...options,
      selfId: this.selfId,
      holdMs: options.reclaimWithinMs,
      levelOf: (userId) => this.signals.levels.get(userId),
    });
    this.saved = new SeatStore(options.storage, room.channelName, this.selfId);
    this.stops.push(watchOccupants(room, (userId) => this.onUser(userId)));
    this.restore();
  }

  readonly getSnapshot = (): MicSeatsSnapshot<O> => this.resolver.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  takeSeat(index: number): Promise<void> {
    return this.attempt(() => this.claimFree(index, 'takeSeat'));
  }

  moveSeat(index: number): Promise<void> {
    return this.attempt(() => this.claimFree(index, 'moveSeat'));
  }

  leaveSeat(): Promise<void> {
    return this.attempt(() => {
      this.supersede();
      const seated = this.resolver.claimOf(this.selfId) !== undefined;
      if (!seated && (this.local === null || this.local.index === null)) return Promise.resolve();
      this.saved.clear();
      return this.writeClaim({ index: null, at: this.nextAt(), muted: this.muted });
    });
  }

  setMuted(muted: boolean): Promise<void> {
    return this.attempt(() => {
      if (typeof muted !== 'boolean')
        throw seatError('INVALID_ARGUMENT', 'setMuted', 'muted must be a boolean');
      this.muted = muted;
      if (muted) this.signals.levels.clear(this.selfId);
      const standing = this.resolver.claimOf(this.selfId);
      const base =
        standing !== undefined && (this.local === null || standing.at >= this.local.at)
          ? standing
          : this.local;
      const claim = { index: base?.index ?? null, at: base?.at ?? this.nextAt(), muted };
      if (claim.index !== null) this.saved.write({ index: claim.index, at: claim.at, muted });
      return this.writeClaim(claim);
    });
  }

  setSpeakingLevel(level: number): Promise<void> {
    return this.attempt(() => {
      const seat = this.resolver.snapshot.mySeat;
      const muted = seat === null || (this.resolver.snapshot.seats[seat]?.muted ?? true);
      this.signals.report(level, muted);
      return Promise.resolve();
    });
  }

  lockSeat(index: number): Promise<void> {
    return this.editHost('lockSeat', index, (draft, seat) => draft.locks.add(seat));
  }

  unlockSeat(index: number): Promise<void> {
    return this.editHost('unlockSeat', index, (draft, seat) => draft.locks.delete(seat));
  }

  kickSeat(index: number): Promise<void> {
    return this.editHost('kickSeat', index, (draft, seat) => {
      const winner = this.resolver.winner(seat);
      if (winner !== null) draft.kicks.add(kickKey(seat, winner.at));
    });
  }

  destroy(): void {
    for (const stop of this.stops.splice(0)) stop();
    for (const timer of this.holds.values()) clearTimeout(timer);
    this.holds.clear();
    this.signals.destroy();
    if (this.local?.index != null) this.saved.markLeft(this.options.now());
    this.pending?.reject(seatError('OPERATION_FAILED', 'takeSeat', 'the seat model was destroyed'));
    this.pending = null;
    this.listeners.clear();
  }

  /** Runs an action, turning a synchronous throw into a rejection. */
  private attempt(action: () => Promise<void>): Promise<void> {
    try {
      return action();
    } catch (error) {
      return Promise.reject(error as PresenceError);
    }
  }

  private checkIndex(index: unknown, operation: string): number {
    if (
      typeof index === 'number' &&
      Number.isInteger(index) &&
      index >= 0 &&
      index < this.seatCount
    ) {
      return index;
    }
    throw seatError(
      'INVALID_ARGUMENT',
      operation,
      `seat index must be an integer in 0 … ${this.seatCount - 1}`,
    );
  }

  private claimFree(index: number, operation: string): Promise<void> {
    const seat = this.resolver.snapshot.seats[
      this.checkIndex(index, operation)
    ] as MicSeatsSnapshot<O>['seats'][number];
    if (seat.locked) throw seatError('SEAT_LOCKED', operation, `seat ${seat.index} is locked`);
    if (seat.userId === this.selfId) return Promise.resolve();
    if (seat.userId !== null)
      throw seatError('SEAT_TAKEN', operation, `seat ${seat.index} is taken`);
    return this.claim({ index: seat.index, at: this.nextAt(), muted: this.muted });
  }

  /** Writes a claim and waits for it to stand (or lose). */
  private claim(claim: SeatClaim & { index: number }): Promise<void> {
    this.supersede();
    const pending = new PendingClaim(claim.index, claim.at);
    this.pending = pending;
    this.saved.write({ index: claim.index, at: claim.at, muted: claim.muted });
    this.writeClaim(claim).catch((error: PresenceError) => {
      if (this.pending === pending) this.pending = null;
      pending.reject(error);
    });
    this.changed();
    return pending.promise;
  }

  private writeClaim(claim: SeatClaim): Promise<void> {
    this.local = claim;
    return this.options.presence.setState(this.room.channelName, claimPatch(claim));
  }

  /** A newer action of ours replaces a claim still waiting to stand. */
  private supersede(): void {
    const reason = 'replaced by a later seat action';
    this.pending?.reject(seatError('OPERATION_FAILED', 'takeSeat', reason));
    this.pending = null;
  }

  private nextAt(): number {
    this.lastAt = Math.max(this.options.now(), this.lastAt + 1);
    return this.lastAt;
  }

  private editHost(
    operation: string,
    index: number,
    edit: (draft: HostDraft, seat: number) => void,
  ): Promise<void> {
    return this.attempt(() => {
      const seat = this.checkIndex(index, operation);
      if (!this.resolver.isHost)
        throw seatError('NOT_HOST', operation, 'only the host may do this');
      const seen = this.resolver.hostState;
      const base =
        this.hostWritten !== null && this.hostWritten.at >= seen.at ? this.hostWritten : seen;
      const next = editHostState(
        base,
        this.options.now(),
        (i, at) => this.resolver.hasClaim(i, at),
        (draft) => edit(draft, seat),
      );
      return this.writeHost(next);
    });
  }

  private writeHost(host: HostState): Promise<void> {
    this.hostWritten = host;
    const value = encodeHostState(host);
    this.saved.writeHost(value);
    return this.options.presence.setState(this.room.channelName, { [SEAT_STATE_KEYS.host]: value });
  }

  private onUser(userId: string): void {
    const occupant = this.room.store.getState().occupants.get(userId);
    const wait = this.resolver.updateUser(userId, occupant);
    clearTimeout(this.holds.get(userId));
    if (wait === null) this.holds.delete(userId);
    else
      this.holds.set(
        userId,
        setTimeout(() => this.onUser(userId), wait),
      );
    if (this.resolver.claimOf(userId) === undefined) this.signals.levels.clear(userId);
    this.changed();
  }

  /** Publishes changes and settles our own claim; re-entrant writes loop here, not recurse. */
  private changed(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.again = false;
        if (this.resolver.flush()) for (const listener of [...this.listeners]) listener();
        this.reconcileSelf();
      } while (this.again);
    } finally {
      this.busy = false;
    }
  }

  private reconcileSelf(): void {
    const standing = this.resolver.claimOf(this.selfId);
    const local = this.local;
    if (local === null || local.index === null) return;
    if (standing === undefined || standing.index !== local.index || standing.at !== local.at) {
      // Another tab of ours claimed later: its claim is ours now; this tab's is history.
      if (standing !== undefined && standing.at > local.at) {
        this.supersede();
        this.local = null;
      }
      return;
    }
    const outcome = this.resolver.outcome(this.selfId);
    const pending = this.pending?.at === local.at ? this.pending : null;
    if (outcome === 'won') {
      if (pending?.settled) {
        this.pending = null;
        pending.resolve();
      } else pending?.startSettling(this.options.settleMs, () => this.changed());
      return;
    }
    // Lost (an earlier claim, a lock or a kick): withdraw, so the claim cannot come back later.
    const code = outcome === 'locked' ? 'SEAT_LOCKED' : 'SEAT_TAKEN';
    this.pending = null;
    pending?.reject(seatError(code, 'takeSeat', `seat ${local.index} went to another claim`));
    this.saved.clear();
    this.writeClaim({ index: null, at: this.nextAt(), muted: this.muted }).catch(ignore);
  }

  private restore(): void {
    this.restoreHost();
    const saved = this.saved.read();
    if (saved === null) return;
    if (saved.index >= this.seatCount) return this.saved.clear();
    this.muted = saved.muted;
    const now = this.options.now();
    const recent = saved.leftAt !== undefined && now - saved.leftAt <= this.options.reclaimWithinMs;
    // A quick reload keeps its place in line; a late return queues like any new claim.
    const at = recent ? saved.at : this.nextAt();
    this.lastAt = Math.max(this.lastAt, at);
    this.claim({ index: saved.index, at, muted: saved.muted }).catch(ignore);
  }

  /** A host's reload keeps the locks and kicks (they live in the host's own state). */
  private restoreHost(): void {
    if (!this.resolver.isHost) return;
    const value = this.saved.readHost();
    const host =
      value === null ? undefined : parseHostState(value, this.seatCount, this.options.now());
    if (host !== undefined) this.writeHost(host).catch(ignore);
  }
}
