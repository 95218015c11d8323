import { SeatMarks } from './SeatMarks.js';
import { claimOf, hostStateOf, kickKey, NO_HOST_STATE } from './seatState.js';
import type { HostState } from './seatState.js';
import type { MicSeatsSnapshot, Seat, SeatOccupant } from './seatTypes.js';

/** A user's standing claim on a seat. */
export interface SeatedClaim<O extends SeatOccupant> {
  readonly userId: string;
  readonly occupant: O;
  readonly index: number;
  readonly at: number;
  readonly muted: boolean;
}

/** How a user's claim stands. */
export type ClaimOutcome = 'won' | 'taken' | 'locked' | 'kicked' | 'none';

/** What the resolver needs to know about the room and the levels. */
export interface ResolverInput {
  readonly seatCount: number;
  readonly hostId: string | null;
  readonly selfId: string;
  readonly threshold: number;
  /** How long a claim whose connection vanished is kept for its user (a reload). */
  readonly holdMs: number;
  readonly now: () => number;
  readonly levelOf: (userId: string) => number;
}

const NONE: readonly number[] = Object.freeze([]);

/** Earlier claim first; equal times by user id (UTF-16 order), so every client agrees. */
function beats<O extends SeatOccupant>(a: SeatedClaim<O>, b: SeatedClaim<O>): boolean {
  return a.at < b.at || (a.at === b.at && a.userId < b.userId);
}

/**
 * Derives the seats from the claims in occupants' state, incrementally: a user's change touches
 * the one or two seats their claim was and is on, so its cost does not grow with the room.
 */
export class SeatResolver<O extends SeatOccupant> {
  readonly #claims = new Map<string, SeatedClaim<O>>();
  readonly #candidates: Array<Set<string> | undefined> = [];
  #host: HostState = NO_HOST_STATE;
  #hostHeldSince: number | null = null;
  readonly #held = new Map<string, number>();
  readonly #dirty: SeatMarks;
  #seats: readonly Seat<O>[];
  /**
   * The seats again, unfrozen: each change copies this one, because V8 copies a frozen array on
   * its slow path (`slice()` of 8 frozen seats cost more than the rest of a change together).
   */
  readonly #draft: Seat<O>[] = [];
  #current: MicSeatsSnapshot<O>;
  readonly #input: ResolverInput;

  constructor(input: ResolverInput) {
    this.#input = input;
    this.#dirty = new SeatMarks(input.seatCount);
    for (let index = 0; index < input.seatCount; index += 1) {
      this.#draft.push(this.#build(index, null, undefined));
    }
    this.#seats = Object.freeze(this.#draft.slice());
    this.#current = Object.freeze({ seats: this.#seats, mySeat: null, isHost: this.isHost });
  }

  get isHost(): boolean {
    return this.#input.hostId !== null && this.#input.hostId === this.#input.selfId;
  }

  get snapshot(): MicSeatsSnapshot<O> {
    return this.#current;
  }

  get hostState(): HostState {
    return this.#host;
  }

  /**
   * Re-reads one user's claim (and, for the host, the locks and kicks). A claim that vanishes
   * while its user is still here (a reload replaced the connection that carried it) is held for
   * `holdMs`, so the seat does not flicker while the new page re-claims it; returns how long
   * until such a hold should be re-checked, else `null`.
   */
  updateUser(userId: string, occupant: O | undefined): number | null {
    const time = this.#input.now();
    const hostWait = userId === this.#input.hostId ? this.#updateHost(occupant, time) : null;
    const claim = claimOf(occupant, this.#input.seatCount, time);
    const before = this.#claims.get(userId);
    if (occupant !== undefined && claim === undefined && before !== undefined) {
      const since = this.#held.get(userId) ?? time;
      const wait = since + this.#input.holdMs - time;
      if (wait > 0) {
        this.#held.set(userId, since);
        this.#place({ ...before, occupant });
        return wait;
      }
    }
    this.#held.delete(userId);
    if (occupant === undefined || claim === undefined || claim.index === null) {
      if (before !== undefined) this.#drop(before);
      return hostWait;
    }
    if (before !== undefined && before.index !== claim.index) this.#drop(before);
    const { index, at, muted } = claim;
    this.#place({ userId, occupant, index, at, muted });
    return hostWait;
  }

  /** A user's level changed: their seat may need a new snapshot. */
  touch(userId: string): void {
    const claim = this.#claims.get(userId);
    if (claim !== undefined) this.#dirty.mark(claim.index);
  }

  /** The standing claim of a user, if they claim a seat. */
  claimOf(userId: string): SeatedClaim<O> | undefined {
    return this.#claims.get(userId);
  }

  /** Whether someone still claims seat `index` with claim time `at` (a kick worth keeping). */
  hasClaim(index: number, at: number): boolean {
    for (const id of this.#candidates[index] ?? [])
      if (this.#claims.get(id)?.at === at) return true;
    return false;
  }

  /** How a user's claim stands right now. */
  outcome(userId: string): ClaimOutcome {
    const claim = this.#claims.get(userId);
    if (claim === undefined) return 'none';
    if (this.#host.locks.has(claim.index)) return 'locked';
    if (this.#kicked(claim.index, claim)) return 'kicked';
    return this.winner(claim.index) === claim ? 'won' : 'taken';
  }

  /** The claim holding a seat: the best claim not kicked, none on a locked seat. */
  winner(index: number): SeatedClaim<O> | null {
    if (this.#host.locks.has(index)) return null;
    let best: SeatedClaim<O> | null = null;
    for (const id of this.#candidates[index] ?? []) {
      const claim = this.#claims.get(id);
      if (claim === undefined || this.#kicked(index, claim)) continue;
      if (best === null || beats(claim, best)) best = claim;
    }
    return best;
  }

  /**
   * Rebuilds the touched seats; returns the indices of the seats that changed (none: the snapshot
   * is the same object).
   */
  flush(): readonly number[] {
    const dirty = this.#dirty.list;
    if (dirty.length === 0) return NONE;
    const changed: number[] = [];
    for (let at = 0; at < dirty.length; at += 1) {
      const index = dirty[at] as number;
      const previous = this.#draft[index];
      const next = this.#build(index, this.winner(index), previous);
      if (next === previous) continue;
      this.#draft[index] = next;
      changed.push(index);
    }
    this.#dirty.reset();
    if (changed.length === 0) return NONE;
    this.#seats = Object.freeze(this.#draft.slice());
    this.#current = Object.freeze({
      seats: this.#seats,
      mySeat: this.#mySeat(changed),
      isHost: this.isHost,
    });
    return changed;
  }

  /** Our seat after `changed` were rebuilt: only they can have gained or lost us. */
  #mySeat(changed: readonly number[]): number | null {
    const { selfId } = this.#input;
    const before = this.#current.mySeat;
    if (before !== null && !changed.includes(before)) return before;
    for (const index of changed) if (this.#seats[index]?.userId === selfId) return index;
    return null;
  }

  #updateHost(occupant: O | undefined, time: number): number | null {
    const host = hostStateOf(occupant, this.#input.seatCount, time);
    if (occupant !== undefined && host === NO_HOST_STATE && this.#host !== NO_HOST_STATE) {
      this.#hostHeldSince ??= time;
      const wait = this.#hostHeldSince + this.#input.holdMs - time;
      if (wait > 0) return wait;
    }
    this.#hostHeldSince = null;
    if (host === this.#host || (host.at === this.#host.at && host.at !== 0)) return null;
    this.#host = host;
    for (let index = 0; index < this.#input.seatCount; index += 1) this.#dirty.mark(index);
    return null;
  }

  /** Whether the host kicked this claim; no key is built while nobody is kicked (most changes). */
  #kicked(index: number, claim: SeatedClaim<O>): boolean {
    const { kicks } = this.#host;
    return kicks.size > 0 && kicks.has(kickKey(index, claim.at));
  }

  #place(claim: SeatedClaim<O>): void {
    this.#claims.set(claim.userId, claim);
    let set = this.#candidates[claim.index];
    if (set === undefined) this.#candidates[claim.index] = set = new Set();
    set.add(claim.userId);
    this.#dirty.mark(claim.index);
  }

  #drop(claim: SeatedClaim<O>): void {
    this.#claims.delete(claim.userId);
    this.#candidates[claim.index]?.delete(claim.userId);
    this.#dirty.mark(claim.index);
  }

  /** Seat `index` held by `claim`: `previous` itself when nothing shown changed (no new object). */
  #build(index: number, claim: SeatedClaim<O> | null, previous: Seat<O> | undefined): Seat<O> {
    const locked = this.#host.locks.has(index);
    const userId = claim?.userId ?? null;
    const occupant = claim?.occupant ?? null;
    const muted = claim?.muted ?? false;
    const level = claim === null || muted ? 0 : this.#input.levelOf(claim.userId);
    const speaking = level > this.#input.threshold;
    if (
      previous !== undefined &&
      previous.userId === userId &&
      previous.occupant === occupant &&
      previous.muted === muted &&
      previous.locked === locked &&
      previous.level === level
    ) {
      return previous;
    }
    return Object.freeze({ index, userId, occupant, muted, locked, speaking, level });
  }
}
