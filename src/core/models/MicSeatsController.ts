import type { PresenceError } from '../facade/PresenceError.js';
import { SeatClaimant } from './SeatClaimant.js';
import { seatError } from './seatError.js';
import { SeatHost } from './SeatHost.js';
import { SeatListeners } from './SeatListeners.js';
import { SeatResolver } from './SeatResolver.js';
import type { ResolvedSeatOptions } from './seatOptions.js';
import { kickKey } from './seatState.js';
import { SeatStore } from './seatStorage.js';
import type { MicSeats, MicSeatsSnapshot, SeatOccupant, SeatRoom } from './seatTypes.js';
import { SeatSignals } from './SeatSignals.js';
import { watchOccupants } from './watchOccupants.js';

/** Runs an action, turning a synchronous throw into a rejection. */
function attempt(action: () => Promise<void>): Promise<void> {
  try {
    return action();
  } catch (error) {
    return Promise.reject(error as PresenceError);
  }
}

/** See {@link createMicSeats}. One per room and tab. */
export class MicSeatsController<O extends SeatOccupant> implements MicSeats<O> {
  readonly seatCount: number;
  readonly hostId: string | null;
  readonly #selfId: string;
  readonly #resolver: SeatResolver<O>;
  readonly #signals: SeatSignals<O>;
  readonly #claimant: SeatClaimant<O>;
  readonly #host: SeatHost<O>;
  readonly #listeners = new SeatListeners();
  readonly #stops: Array<() => void> = [];
  /** Re-checks of claims held through a reload (see `SeatResolver.updateUser`). */
  readonly #holds = new Map<string, ReturnType<typeof setTimeout>>();
  #busy = false;
  #again = false;
  readonly #room: SeatRoom<O>;

  constructor(room: SeatRoom<O>, options: ResolvedSeatOptions) {
    this.#room = room;
    this.seatCount = options.seatCount;
    this.hostId = options.hostId;
    const selfId = (this.#selfId = room.store.getState().selfId);
    const saved = new SeatStore(options.storage, room.channelName, selfId);
    this.#signals = new SeatSignals<O>(room, selfId, options, {
      admits: (userId) => this.#resolver.claimOf(userId) !== undefined,
      changed: (userId) => {
        this.#resolver.touch(userId);
        this.#changed();
      },
      markLeft: () => saved.markLeft(options.now()),
    });
    const levelOf = (userId: string) => this.#signals.levels.get(userId);
    const resolver = new SeatResolver<O>({
      ...options,
      selfId,
      holdMs: options.reclaimWithinMs,
      levelOf,
    });
    this.#resolver = resolver;
    const write = (patch: Record<string, string>) =>
      options.presence.setState(room.channelName, patch);
    const recheck = () => this.#changed();
    this.#claimant = new SeatClaimant<O>({ selfId, resolver, saved, options, write, recheck });
    this.#host = new SeatHost<O>({ resolver, saved, options, write });
    this.#stops.push(watchOccupants(room, (userId) => this.#onUser(userId)));
    this.#host.restore();
    this.#claimant.restore();
  }

  readonly getSnapshot = (): MicSeatsSnapshot<O> => this.#resolver.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => this.#listeners.subscribe(listener);

  readonly subscribeSeat = (index: number | 'mine', listener: () => void): (() => void) =>
    this.#listeners.subscribeSeat(index, listener);

  takeSeat(index: number): Promise<void> {
    return attempt(() => this.#claimFree(index, 'takeSeat'));
  }

  moveSeat(index: number): Promise<void> {
    return attempt(() => this.#claimFree(index, 'moveSeat'));
  }

  leaveSeat(): Promise<void> {
    return attempt(() => this.#claimant.leave());
  }

  setMuted(muted: boolean): Promise<void> {
    return attempt(() => {
      if (typeof muted !== 'boolean') {
        throw seatError('INVALID_ARGUMENT', 'setMuted', 'muted must be a boolean');
      }
      if (muted) this.#signals.levels.clear(this.#selfId);
      return this.#claimant.setMuted(muted);
    });
  }

  setSpeakingLevel(level: number): Promise<void> {
    return attempt(() => {
      const { mySeat, seats } = this.#resolver.snapshot;
      const silent = mySeat === null || (seats[mySeat]?.muted ?? true);
      this.#signals.report(level, silent);
      return Promise.resolve();
    });
  }

  lockSeat(index: number): Promise<void> {
    return this.#editHost('lockSeat', index, (draft, seat) => draft.locks.add(seat));
  }

  unlockSeat(index: number): Promise<void> {
    return this.#editHost('unlockSeat', index, (draft, seat) => draft.locks.delete(seat));
  }

  kickSeat(index: number): Promise<void> {
    return this.#editHost('kickSeat', index, (draft, seat) => {
      const winner = this.#resolver.winner(seat);
      if (winner !== null) draft.kicks.add(kickKey(seat, winner.at));
    });
  }

  destroy(): void {
    for (const stop of this.#stops.splice(0)) stop();
    for (const timer of this.#holds.values()) clearTimeout(timer);
    this.#holds.clear();
    this.#signals.destroy();
    this.#claimant.destroy();
    this.#listeners.clear();
  }

  #checkIndex(index: unknown, operation: string): number {
    const { seatCount } = this;
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < seatCount) {
      return index;
    }
    const reason = `seat index must be an integer in 0 … ${seatCount - 1}`;
    throw seatError('INVALID_ARGUMENT', operation, reason);
  }

  /** Refuses what is visibly refused (locked, taken) before writing anything. */
  #claimFree(index: number, operation: string): Promise<void> {
    const at = this.#checkIndex(index, operation);
    const seat = this.#resolver.snapshot.seats[at];
    if (seat === undefined || seat.userId === this.#selfId) return Promise.resolve();
    if (seat.locked) throw seatError('SEAT_LOCKED', operation, `seat ${at} is locked`);
    if (seat.userId !== null) throw seatError('SEAT_TAKEN', operation, `seat ${at} is taken`);
    return this.#claimant.claim(at, this.#claimant.nextAt(), operation);
  }

  #editHost(
    operation: string,
    index: number,
    edit: (draft: { locks: Set<number>; kicks: Set<string> }, seat: number) => void,
  ): Promise<void> {
    return attempt(() => {
      const seat = this.#checkIndex(index, operation);
      return this.#host.edit(operation, (draft) => edit(draft, seat));
    });
  }

  #onUser(userId: string): void {
    const occupant = this.#room.store.getState().occupants.get(userId);
    const wait = this.#resolver.updateUser(userId, occupant);
    // Most changes hold nothing: no timer to clear (clearTimeout is not free in a browser).
    const held = this.#holds.get(userId);
    if (held !== undefined) {
      clearTimeout(held);
      this.#holds.delete(userId);
    }
    if (wait !== null)
      this.#holds.set(
        userId,
        setTimeout(() => this.#onUser(userId), wait),
      );
    if (this.#resolver.claimOf(userId) === undefined) this.#signals.levels.clear(userId);
    this.#changed();
  }

  /** Publishes changes and settles our own claim; re-entrant writes loop here, not recurse. */
  #changed(): void {
    if (this.#busy) {
      this.#again = true;
      return;
    }
    this.#busy = true;
    try {
      do {
        this.#again = false;
        const before = this.#resolver.snapshot.mySeat;
        const changed = this.#resolver.flush();
        this.#listeners.publish(changed, before, this.#resolver.snapshot.mySeat);
        this.#claimant.reconcile();
      } while (this.#again);
    } finally {
      this.#busy = false;
    }
  }
}
