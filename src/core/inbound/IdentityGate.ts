import type { PresenceConnection, UserState } from '../types.js';
import type { RemoteConnectionState } from './validatePayload.js';

/** Connections held back at once; beyond it, new ones are refused (a flood of metas). */
const MAX_HELD = 10_000;

/**
 * Checks that settle within this window (ms) are shown in one commit: a `presence_state` of a
 * thousand signed metas is a few store notifications, not a thousand.
 */
const SETTLE_WINDOW_MS = 16;

/** What the gate needs from the reconciler that owns it. */
export interface IdentityGateDeps<S extends UserState> {
  /** Keep connections that fail the check hidden, instead of showing them unverified. */
  require: boolean;
  /** Resolves whether the meta is signed by a session attested for the key it is tracked under. */
  check(userId: string, value: RemoteConnectionState<S>): Promise<boolean>;
  /** Runs writes as one committed batch (a check settles outside any frame). */
  batch(write: () => void): void;
  /**
   * The check of `ref` settled: show `record` (`null`: refused, stays hidden), and drop the shown
   * connections in `retire`, which left while it was held (see `deferLeave`).
   */
  settle(
    userId: string,
    ref: string,
    record: PresenceConnection<S> | null,
    retire: readonly string[],
  ): void;
}

/**
 * Opens one room's identity gate, wired to the room's batch and its `settle`. Verified identity's
 * plugin brings it (see `PresenceIdentity.gate`), so an app without it ships no gate.
 */
export type OpenIdentityGate<S extends UserState> = (
  deps: Pick<IdentityGateDeps<S>, 'batch' | 'settle'>,
) => IdentityGate<S>;

interface Held<S extends UserState> {
  userId: string;
  record: PresenceConnection<S>;
  retire: string[];
}

/**
 * Verified identity on the receiving side: a connection that joins is held back (not in the
 * store) until the async check of its meta settles, then shown with `verified` set, or kept
 * hidden with `require`. Broadcasts keep held connections current. When a shown connection
 * re-tracks, its old ref leaves at once; it stays shown until its successor settles, so a
 * verified user never flickers out and back.
 */
export class IdentityGate<S extends UserState> {
  readonly #held = new Map<string, Held<S>>();
  #settled: [string, boolean][] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #deps: IdentityGateDeps<S>;

  constructor(deps: IdentityGateDeps<S>) {
    this.#deps = deps;
  }

  /** Holds a joined connection back while its identity is checked. False when over the bound. */
  admit(userId: string, value: RemoteConnectionState<S>, record: PresenceConnection<S>): boolean {
    const ref = record.presenceRef as string;
    if (this.#held.size >= MAX_HELD && !this.#held.has(ref)) return false;
    this.#held.set(ref, { userId, record, retire: [] });
    const done = (ok: boolean) => {
      this.#settled.push([ref, ok]);
      this.#timer ??= setTimeout(() => this.#flush(), SETTLE_WINDOW_MS);
    };
    this.#deps.check(userId, value).then(done, () => done(false));
    return true;
  }

  /** Held connections of `userId` labelled `connectionId`. */
  heldOf(userId: string, connectionId: string): PresenceConnection<S>[] {
    const out: PresenceConnection<S>[] = [];
    for (const entry of this.#held.values())
      if (entry.userId === userId && entry.record.connectionId === connectionId)
        out.push(entry.record);
    return out;
  }

  /** A proven broadcast changed a held connection. */
  update(record: PresenceConnection<S>): void {
    const entry = this.#held.get(record.presenceRef as string);
    if (entry) entry.record = record;
  }

  /**
   * The held connection `ref` left before its check settled: forgets it, and returns it with the
   * shown connections it was to retire (the caller passes them on, or drops them).
   */
  leave(ref: string): { record: PresenceConnection<S>; retire: string[] } | undefined {
    const entry = this.#held.get(ref);
    this.#held.delete(ref);
    return entry && { record: entry.record, retire: entry.retire };
  }

  /**
   * The shown connection `ref` left; if a successor with its label is held (a re-track), keep it
   * shown until that one settles. True when deferred.
   */
  deferLeave(userId: string, connectionId: string, ref: string): boolean {
    for (const entry of this.#held.values()) {
      if (entry.userId !== userId || entry.record.connectionId !== connectionId) continue;
      entry.retire.push(ref);
      return true;
    }
    return false;
  }

  /** Forgets every held connection (their checks settle into nothing). */
  clear(): void {
    this.#held.clear();
    this.#settled = [];
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #flush(): void {
    this.#timer = null;
    const settled = this.#settled;
    this.#settled = [];
    this.#deps.batch(() => {
      for (const [ref, ok] of settled) this.#settle(ref, ok);
    });
  }

  #settle(ref: string, ok: boolean): void {
    const entry = this.#held.get(ref);
    if (!entry) return;
    this.#held.delete(ref);
    const shown = ok || !this.#deps.require ? { ...entry.record, verified: ok } : null;
    this.#deps.settle(entry.userId, ref, shown, entry.retire);
  }
}
