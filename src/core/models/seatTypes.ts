/**
 * The mic-seat model's contract. Its inputs are structural (the least it reads of a room, an
 * occupant and a presence), so the model stays independent of the engine's insides and a
 * simulated bot can drive it with a plain `createPresence` room.
 */

/** One tab or device of an occupant, as far as seats care: its state and when it last changed. */
export interface SeatConnection {
  readonly state: Readonly<Record<string, string>>;
  readonly updatedAt: number;
}

/** The least the seat model reads of an occupant (the engine's `Occupant` fits). */
export interface SeatOccupant {
  readonly userId: string;
  readonly state: Readonly<Record<string, string>>;
  readonly connections: readonly SeatConnection[];
}

/** The least the seat model reads of a room snapshot (the engine's `RoomState` fits). */
export interface SeatRoomState<O extends SeatOccupant = SeatOccupant> {
  readonly selfId: string;
  /** Sorted user ids, self included; a new array only when membership changes. */
  readonly userIds: readonly string[];
  readonly occupants: { get(userId: string): O | undefined };
}

/** The least the seat model needs of a joined room (the engine's `Room` fits). */
export interface SeatRoom<O extends SeatOccupant = SeatOccupant> {
  readonly channelName: string;
  readonly store: {
    getState(): SeatRoomState<O>;
    subscribe(listener: () => void): () => void;
  };
  subscribeUser(userId: string, listener: () => void): () => void;
  onBroadcast(event: string, handler: (payload: unknown) => void): () => void;
  sendBroadcast(event: string, payload: Record<string, unknown>): Promise<void>;
}

/** Writes our own state: the engine's `Presence` fits (`presence.setState(channel, patch)`). */
export interface SeatStateWriter {
  setState(channelName: string, state: Record<string, string>): Promise<void>;
}

/** Where a claim survives a reload: `sessionStorage` by default. */
export type SeatStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Options of {@link createMicSeats}. */
export interface MicSeatsOptions {
  /** Writes our seat keys; pass the `Presence` the room was joined with. */
  presence: SeatStateWriter;
  /** Number of seats, 1 … 256. */
  seatCount: number;
  /** The user who may lock, unlock and kick. Without one nobody may. */
  hostId?: string | undefined;
  /** A seat is `speaking` while its level is above this. @default 0.05 */
  speakingThreshold?: number;
  /** A level fades to 0 this long after its last update. @default 1000 */
  fadeMs?: number;
  /** Minimum gap between two level broadcasts of one speaker (4 per second). @default 250 */
  levelIntervalMs?: number;
  /** A claim resolves once it has stood unchallenged this long. @default 400 */
  settleMs?: number;
  /** A reload inside this window re-claims with the old claim time. @default 2000 */
  reclaimWithinMs?: number;
  /** Where our claim is kept across reloads; `null` keeps nothing. @default sessionStorage */
  storage?: SeatStorage | null;
}

/** One seat as every client derives it from the occupants' state. Immutable. */
export interface Seat<O extends SeatOccupant = SeatOccupant> {
  /** 0-based position. */
  readonly index: number;
  /** Who sits here, or `null` when the seat is empty (or locked). */
  readonly userId: string | null;
  readonly occupant: O | null;
  /** The occupant's mic is off (always `false` on an empty seat). */
  readonly muted: boolean;
  /** The host locked this seat: it takes no claims and holds nobody. */
  readonly locked: boolean;
  /** The level is above the threshold (never while muted). */
  readonly speaking: boolean;
  /** Last reported level, 0 … 1, fading to 0 one second after the last report. */
  readonly level: number;
}

/** What the seat model publishes; a new object on every change, unchanged seats kept. */
export interface MicSeatsSnapshot<O extends SeatOccupant = SeatOccupant> {
  readonly seats: readonly Seat<O>[];
  /** Our seat's index, or `null`. */
  readonly mySeat: number | null;
  /** We are the host (`hostId` is our user id). */
  readonly isHost: boolean;
}

/** The seat actions. Each returns a promise that rejects with a `PresenceError`. */
export interface MicSeatsActions {
  /** Claims a seat (moves us when seated). Rejects `SEAT_TAKEN`, `SEAT_LOCKED`, `INVALID_ARGUMENT`. */
  takeSeat(index: number): Promise<void>;
  /** Gives up our seat; resolves at once when we have none. */
  leaveSeat(): Promise<void>;
  /** Moves to another seat: the same claim as `takeSeat`, which also moves. */
  moveSeat(index: number): Promise<void>;
  /** Turns our mic off or on (kept with our claim, remembered while unseated). */
  setMuted(muted: boolean): Promise<void>;
  /** Reports our mic level 0 … 1 (the RTC SDK's volume): Broadcast only, ≤ 4 sends per second. */
  setSpeakingLevel(level: number): Promise<void>;
  /** Host only (`NOT_HOST`): the seat takes no claims and its occupant is freed. */
  lockSeat(index: number): Promise<void>;
  /** Host only (`NOT_HOST`). */
  unlockSeat(index: number): Promise<void>;
  /** Host only (`NOT_HOST`): frees the seat from its current claim. */
  kickSeat(index: number): Promise<void>;
}

/** A live seat model over one room (see {@link createMicSeats}). */
export interface MicSeats<O extends SeatOccupant = SeatOccupant> extends MicSeatsActions {
  readonly seatCount: number;
  readonly hostId: string | null;
  /** The current snapshot (cached: the same object until something changes). */
  getSnapshot(): MicSeatsSnapshot<O>;
  /** Calls `listener` after each change. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Calls `listener` after a change to seat `index` only (a new `seats[index]` object): one seat's
   * view wakes for its own seat, never for the others. `'mine'` follows our seat: it wakes when
   * we take, move to or leave a seat, and when our seat changes. Returns an unsubscribe function.
   */
  subscribeSeat(index: number | 'mine', listener: () => void): () => void;
  /** Stops listening to the room. Our claim stays in our state (the room still sees us seated). */
  destroy(): void;
}
