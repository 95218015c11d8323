import { ActiveSenders } from './ActiveSenders.js';
import { CursorReceivers } from './CursorReceivers.js';
import { CursorRoster } from './CursorRoster.js';
import { CursorSender } from './CursorSender.js';
import { CURSOR_EVENT, decodeCursorSignal, encodeCursorSignal } from './cursorSignal.js';
import {
  CURSOR_DEFAULTS,
  type Cursor,
  type CursorOccupant,
  type CursorPosition,
  type CursorRoom,
  type CursorSnapshot,
  type CursorsModel,
} from './cursorTypes.js';
import { KeyedSubscribers } from './KeyedSubscribers.js';
import { Subscribers } from './Subscribers.js';

/** Checked options of the cursor model. */
export interface CursorSettings {
  readonly messagesPerSecond: number;
  readonly minIntervalMs: number;
}

/** The cursor model behind `createCursors`: others' cursors in, ours out at the room's pace. */
export class CursorsController<O extends CursorOccupant> implements CursorsModel<O> {
  readonly #room: CursorRoom<O>;
  readonly #settings: CursorSettings;
  readonly #all = new Subscribers();
  readonly #byUser = new KeyedSubscribers<string>();
  readonly #active = new ActiveSenders();
  readonly #receivers = new CursorReceivers();
  readonly #roster: CursorRoster<O>;
  readonly #sender: CursorSender;
  readonly #stop: (() => void)[];
  #snapshot: CursorSnapshot;
  #occupants: unknown;
  #status: string | undefined;
  readonly #tab = Math.random().toString(36).slice(2, 12);
  #expiry: { at: number; timer: ReturnType<typeof setTimeout> } | undefined;
  #destroyed = false;

  constructor(room: CursorRoom<O>, settings: CursorSettings) {
    this.#room = room;
    this.#settings = settings;
    this.#snapshot = { userIds: [], sendIntervalMs: settings.minIntervalMs };
    this.#occupants = room.store.getState().occupants;
    this.#roster = new CursorRoster(room, (userId, joined) => {
      if (joined) this.#refresh(true);
      this.#byUser.notify(userId);
    });
    this.#sender = new CursorSender(
      (position) => {
        const userId = room.store.getState().selfId;
        return room.sendBroadcast(
          CURSOR_EVENT,
          encodeCursorSignal({ userId, tab: this.#tab, position }),
        );
      },
      () => (this.#refresh(false), this.#snapshot.sendIntervalMs),
    );
    // Listening from creation: a bot that only moves still has to count the others.
    this.#stop = [
      room.onBroadcast(CURSOR_EVENT, (payload) => this.#receive(payload)),
      room.store.subscribe(() => this.#roomChanged()),
    ];
    this.#refresh(false);
    this.#status = room.store.getState().status;
    if (this.#status === undefined || this.#status === 'subscribed') this.#ask();
  }

  readonly getSnapshot = (): CursorSnapshot => this.#snapshot;

  readonly getCursor = (userId: string): Cursor<O> | undefined => this.#roster.get(userId);

  readonly subscribe = (listener: () => void): (() => void) => this.#all.subscribe(listener);

  readonly subscribeCursor = (userId: string, listener: () => void): (() => void) =>
    this.#byUser.subscribe(userId, listener);

  readonly move = (position: CursorPosition): void => {
    if (!this.#destroyed) this.#sender.move(position);
  };

  readonly destroy = (): void => {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#sender.destroy();
    for (const stop of this.#stop) stop();
    clearTimeout(this.#expiry?.timer);
    this.#roster.destroy();
    this.#active.clear();
    this.#all.clear();
    this.#byUser.clear();
  };

  #receive(payload: unknown): void {
    const signal = decodeCursorSignal(payload);
    // Someone new asks for the cursors at rest: ours goes out again at our usual pace. Asks
    // count from anyone (the asker may not be in our view of the room yet); they cost a repeat.
    if (signal === 'ask') return this.#sender.repeat();
    const occupant = signal === undefined ? undefined : this.#roster.memberOf(signal.userId);
    if (signal === undefined || occupant === undefined) return;
    // Counted first, so a newcomer's cursor and the longer interval make one snapshot.
    this.#active.heard(signal.userId, Date.now());
    this.#roster.receive(signal, occupant);
    this.#refresh(false);
  }

  /**
   * Broadcast keeps nothing: cursors at rest reach a model made later, or one back from a
   * reconnect, only when asked for. Sent on each subscribe (a room handed over while joining,
   * as a provider's is, could not send before).
   */
  #ask(): void {
    const ask = { userId: this.#room.store.getState().selfId, tab: this.#tab, ask: true };
    this.#room.sendBroadcast(CURSOR_EVENT, ask).catch(() => {});
  }

  #roomChanged(): void {
    const { occupants, status } = this.#room.store.getState();
    if (status !== this.#status) {
      this.#status = status;
      if (status === 'subscribed') this.#ask();
    }
    // A new table: someone came, went or opened a tab (the interval counts connections).
    if (occupants === this.#occupants) return;
    this.#occupants = occupants;
    this.#refresh(false);
  }

  /** Re-reads the room; a new snapshot (and a wake-up) only when something in it changed. */
  #refresh(joined: boolean): void {
    const now = Date.now();
    const { messagesPerSecond, minIntervalMs } = this.#settings;
    // A member moving at a slow pace still counts between two of their sends.
    const windowMs = Math.max(CURSOR_DEFAULTS.activeMs, 2 * this.#snapshot.sendIntervalMs);
    const movers = 1 + this.#active.count(now, windowMs);
    const state = this.#room.store.getState();
    // Recounted at most once an interval: the interval grows with the room, so walking it costs
    // about messagesPerSecond occupant visits a second, whatever its size.
    const receivers = this.#receivers.count(state, now, this.#snapshot.sendIntervalMs);
    const interval = Math.max(minIntervalMs, (1000 * movers * receivers) / messagesPerSecond);
    this.#watchExpiry(now, this.#active.nextExpiry(windowMs));
    if (!joined && interval === this.#snapshot.sendIntervalMs) return;
    this.#snapshot = { userIds: this.#roster.userIds, sendIntervalMs: interval };
    this.#all.notify();
  }

  /** Movers stop counting without a signal: a timer wakes us when the next one does. */
  #watchExpiry(now: number, at: number | undefined): void {
    if (at === this.#expiry?.at) return;
    clearTimeout(this.#expiry?.timer);
    this.#expiry =
      at === undefined
        ? undefined
        : { at, timer: setTimeout(() => this.#refresh(false), at - now) };
  }
}
