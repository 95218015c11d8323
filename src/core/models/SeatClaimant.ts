import type { PresenceError } from '../facade/PresenceError.js';
import { PendingClaim } from './PendingClaim.js';
import { seatError } from './seatError.js';
import type { SeatResolver } from './SeatResolver.js';
import type { ResolvedSeatOptions } from './seatOptions.js';
import { claimPatch } from './seatState.js';
import type { SeatClaim } from './seatState.js';
import type { SeatStore } from './seatStorage.js';
import type { SeatOccupant } from './seatTypes.js';

const ignore = (): void => {};

/** What the claimant needs from the seat model around it. */
export interface ClaimantContext<O extends SeatOccupant> {
  readonly selfId: string;
  readonly resolver: SeatResolver<O>;
  readonly saved: SeatStore;
  readonly options: ResolvedSeatOptions;
  /** Writes our own state keys. */
  readonly write: (patch: Record<string, string>) => Promise<void>;
  /** Asks the model to re-check (a settle window ended). */
  readonly recheck: () => void;
}

/**
 * Our own side of the seats in this tab: the claim we wrote last, the one waiting to stand, our
 * mute, and the rule that a lost claim is withdrawn (so it cannot win later, when the seat's
 * holder leaves, behind everyone's back).
 */
export class SeatClaimant<O extends SeatOccupant> {
  /** The claim this tab wrote last (`index: null` after a leave). */
  #local: SeatClaim | null = null;
  #pending: PendingClaim | null = null;
  #muted = false;
  #lastAt = 0;
  readonly #ctx: ClaimantContext<O>;

  constructor(ctx: ClaimantContext<O>) {
    this.#ctx = ctx;
  }

  /** Whether this tab's own claim (as written) is seated. */
  get claimsSeat(): boolean {
    return this.#local !== null && this.#local.index !== null;
  }

  /** A claim time after every earlier one of ours, even within one millisecond. */
  nextAt(): number {
    this.#lastAt = Math.max(this.#ctx.options.now(), this.#lastAt + 1);
    return this.#lastAt;
  }

  /** Writes a claim and resolves once it stands; rejects when it loses. */
  claim(index: number, at: number, operation: string): Promise<void> {
    this.#supersede();
    const pending = new PendingClaim(index, at, operation);
    this.#pending = pending;
    this.#ctx.saved.write({ index, at, muted: this.#muted });
    this.#writeClaim({ index, at, muted: this.#muted }).catch((error: PresenceError) => {
      if (this.#pending === pending) this.#pending = null;
      pending.reject(error);
    });
    this.#ctx.recheck();
    return pending.promise;
  }

  leave(): Promise<void> {
    this.#supersede();
    const seated = this.#ctx.resolver.claimOf(this.#ctx.selfId) !== undefined;
    if (!seated && !this.claimsSeat) return Promise.resolve();
    this.#ctx.saved.clear();
    return this.#writeClaim({ index: null, at: this.nextAt(), muted: this.#muted });
  }

  /** Mute travels with the claim: the claim is rewritten as it stands, with the new mic. */
  setMuted(muted: boolean): Promise<void> {
    this.#muted = muted;
    const standing = this.#ctx.resolver.claimOf(this.#ctx.selfId);
    const local = this.#local;
    const base =
      standing !== undefined && (local === null || standing.at >= local.at) ? standing : local;
    const claim = { index: base?.index ?? null, at: base?.at ?? this.nextAt(), muted };
    if (claim.index !== null) this.#ctx.saved.write({ index: claim.index, at: claim.at, muted });
    return this.#writeClaim(claim);
  }

  /** After each change: settle, or withdraw, our claim. */
  reconcile(): void {
    const { resolver, selfId } = this.#ctx;
    const standing = resolver.claimOf(selfId);
    const local = this.#local;
    if (local === null || local.index === null) return;
    if (standing === undefined || standing.index !== local.index || standing.at !== local.at) {
      // Another tab of ours claimed later: its claim is ours now; this tab's is history.
      if (standing !== undefined && standing.at > local.at) {
        this.#supersede();
        this.#local = null;
      }
      return;
    }
    const outcome = resolver.outcome(selfId);
    const pending = this.#pending?.at === local.at ? this.#pending : null;
    if (outcome === 'won') {
      if (pending?.settled) {
        this.#pending = null;
        pending.resolve();
      } else pending?.startSettling(this.#ctx.options.settleMs, this.#ctx.recheck);
      return;
    }
    // Lost to an earlier claim, a lock or a kick.
    this.#pending = null;
    const code = outcome === 'locked' ? 'SEAT_LOCKED' : 'SEAT_TAKEN';
    const reason = `seat ${local.index} went to another claim`;
    pending?.reject(seatError(code, pending.operation, reason));
    this.#ctx.saved.clear();
    this.#writeClaim({ index: null, at: this.nextAt(), muted: this.#muted }).catch(ignore);
  }

  /** A reload re-claims the stored seat: with its old claim time when it was quick. */
  restore(): void {
    const { saved, options } = this.#ctx;
    const stored = saved.read();
    if (stored === null) return;
    if (stored.index >= options.seatCount) return saved.clear();
    this.#muted = stored.muted;
    const away = stored.leftAt === undefined ? Infinity : options.now() - stored.leftAt;
    // A quick reload keeps its place in line; a late return queues like any new claim.
    const at = away <= options.reclaimWithinMs ? stored.at : this.nextAt();
    this.#lastAt = Math.max(this.#lastAt, at);
    this.claim(stored.index, at, 'takeSeat').catch(ignore);
  }

  destroy(): void {
    if (this.claimsSeat) this.#ctx.saved.markLeft(this.#ctx.options.now());
    this.#pending?.reject(
      seatError('OPERATION_FAILED', this.#pending.operation, 'the seat model was destroyed'),
    );
    this.#pending = null;
  }

  #writeClaim(claim: SeatClaim): Promise<void> {
    this.#local = claim;
    return this.#ctx.write(claimPatch(claim));
  }

  /** A newer action of ours replaces a claim still waiting to stand. */
  #supersede(): void {
    const pending = this.#pending;
    this.#pending = null;
    pending?.reject(
      seatError('OPERATION_FAILED', pending.operation, 'replaced by a later seat action'),
    );
  }
}
