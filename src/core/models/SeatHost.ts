import { seatError } from './seatError.js';
import { editHostState, type HostDraft } from './seatHostEdit.js';
import type { SeatResolver } from './SeatResolver.js';
import type { ResolvedSeatOptions } from './seatOptions.js';
import { encodeHostState, parseHostState, SEAT_STATE_KEYS } from './seatState.js';
import type { HostState } from './seatState.js';
import type { SeatStore } from './seatStorage.js';
import type { SeatOccupant } from './seatTypes.js';

const ignore = (): void => {};

/** What the host side needs from the seat model around it. */
export interface HostContext<O extends SeatOccupant> {
  readonly resolver: SeatResolver<O>;
  readonly saved: SeatStore;
  readonly options: ResolvedSeatOptions;
  readonly write: (patch: Record<string, string>) => Promise<void>;
}

/** The host's locks and kicks: written into the host's own state, so late joiners see them. */
export class SeatHost<O extends SeatOccupant> {
  /** What we wrote last: newer than the store until our own write comes back. */
  #written: HostState | null = null;
  readonly #ctx: HostContext<O>;

  constructor(ctx: HostContext<O>) {
    this.#ctx = ctx;
  }

  /** Applies `edit` to the newest host state and writes it; `NOT_HOST` for anyone else. */
  edit(operation: string, edit: (draft: HostDraft) => void): Promise<void> {
    const { resolver, options } = this.#ctx;
    if (!resolver.isHost) throw seatError('NOT_HOST', operation, 'only the host may do this');
    const seen = resolver.hostState;
    const base = this.#written !== null && this.#written.at >= seen.at ? this.#written : seen;
    const stillClaimed = (index: number, at: number) => resolver.hasClaim(index, at);
    return this.#write(editHostState(base, options.now(), stillClaimed, edit));
  }

  /** A host's reload keeps the locks and kicks it had. */
  restore(): void {
    if (!this.#ctx.resolver.isHost) return;
    const value = this.#ctx.saved.readHost();
    const { seatCount, now } = this.#ctx.options;
    const host = value === null ? undefined : parseHostState(value, seatCount, now());
    if (host !== undefined) this.#write(host).catch(ignore);
  }

  #write(host: HostState): Promise<void> {
    this.#written = host;
    const value = encodeHostState(host);
    this.#ctx.saved.writeHost(value);
    return this.#ctx.write({ [SEAT_STATE_KEYS.host]: value });
  }
}
