import { resolveProfile } from './profile.js';
import type { TypingSignal } from './typingSignal.js';
import type { Typer, TypingOccupant, TypingOptions, TypingRoom } from './typingTypes.js';

/** One user's tabs can each be typing; more than this many are a hostile sender's, not a user's. */
const MAX_TABS_PER_USER = 8;

interface Entry<O extends TypingOccupant> {
  typer: Typer<O>;
  /** Tab → our clock when its typing expires. */
  readonly tabs: Map<string, number>;
  timer: ReturnType<typeof setTimeout> | undefined;
  readonly unsubscribe: () => void;
}

/**
 * Others' side of typing: who is typing now, in the order they started. Signals count only from
 * users who are in the room (and not leaving), so a client cannot make up typers; each user's
 * entry follows their occupant record, so a leave drops them at once and a rename shows.
 */
export class TypingRoster<O extends TypingOccupant> {
  readonly #entries = new Map<string, Entry<O>>();
  #list: readonly Typer<O>[] = [];
  readonly #room: TypingRoom<O>;
  readonly #options: TypingOptions<O> & { timeoutMs: number };
  readonly #onChange: () => void;

  constructor(
    room: TypingRoom<O>,
    options: TypingOptions<O> & { timeoutMs: number },
    onChange: () => void,
  ) {
    this.#room = room;
    this.#options = options;
    this.#onChange = onChange;
  }

  get typers(): readonly Typer<O>[] {
    return this.#list;
  }

  receive(signal: TypingSignal): void {
    const { selfId, occupants } = this.#room.store.getState();
    if (signal.userId === selfId) return; // our own other tabs: typers are the others
    const occupant = occupants.get(signal.userId);
    if (occupant === undefined || occupant.status === 'leaving') return;
    if (signal.typing) this.#start(signal, occupant);
    else this.#stopTab(signal.userId, signal.tab);
  }

  destroy(): void {
    for (const entry of this.#entries.values()) this.#release(entry);
    this.#entries.clear();
  }

  #start(signal: TypingSignal, occupant: O): void {
    let entry = this.#entries.get(signal.userId);
    const isNew = entry === undefined;
    if (entry === undefined) {
      entry = this.#createEntry(signal.userId, occupant);
      this.#entries.set(signal.userId, entry);
    }
    if (!entry.tabs.has(signal.tab) && entry.tabs.size >= MAX_TABS_PER_USER) return;
    entry.tabs.set(signal.tab, Date.now() + this.#options.timeoutMs);
    this.#schedule(signal.userId, entry);
    // A keep-alive changes nothing anyone sees: no new snapshot, so no re-render or announcement.
    if (isNew) this.#publish();
  }

  #createEntry(userId: string, occupant: O): Entry<O> {
    return {
      typer: this.#typerOf(occupant, Date.now()),
      tabs: new Map(),
      timer: undefined,
      unsubscribe: this.#room.subscribeUser(userId, () => this.#occupantChanged(userId)),
    };
  }

  #typerOf(occupant: O, startedAt: number): Typer<O> {
    const profile = resolveProfile(occupant, this.#options.getProfile, this.#options);
    return { userId: occupant.userId, occupant, profile, startedAt };
  }

  #occupantChanged(userId: string): void {
    const entry = this.#entries.get(userId);
    if (entry === undefined) return;
    const occupant = this.#room.store.getState().occupants.get(userId);
    if (occupant === undefined || occupant.status === 'leaving') return this.#remove(userId);
    if (occupant === entry.typer.occupant) return;
    entry.typer = this.#typerOf(occupant, entry.typer.startedAt);
    this.#publish();
  }

  #stopTab(userId: string, tab: string): void {
    const entry = this.#entries.get(userId);
    if (entry === undefined || !entry.tabs.delete(tab)) return;
    if (entry.tabs.size === 0) this.#remove(userId);
  }

  #schedule(userId: string, entry: Entry<O>): void {
    clearTimeout(entry.timer);
    const next = Math.min(...entry.tabs.values());
    entry.timer = setTimeout(() => this.#expire(userId), Math.max(0, next - Date.now()));
  }

  #expire(userId: string): void {
    const entry = this.#entries.get(userId);
    if (entry === undefined) return;
    const now = Date.now();
    for (const [tab, expiresAt] of entry.tabs) if (expiresAt <= now) entry.tabs.delete(tab);
    if (entry.tabs.size === 0) this.#remove(userId);
    else this.#schedule(userId, entry);
  }

  #remove(userId: string): void {
    const entry = this.#entries.get(userId);
    if (entry === undefined) return;
    this.#release(entry);
    this.#entries.delete(userId);
    this.#publish();
  }

  #release(entry: Entry<O>): void {
    clearTimeout(entry.timer);
    entry.unsubscribe();
  }

  #publish(): void {
    this.#list = Array.from(this.#entries.values(), (entry) => entry.typer);
    this.#onChange();
  }
}
