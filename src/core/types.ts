/**
 * The public contract of the presence engine. `src/react` builds on these types only, so the
 * engine's insides can change without touching the hooks. Agora RTM names are kept where Agora
 * users will look for them (`whoNow`, `statesCount`, `eventType`, ...).
 */
import type { RealtimeChannel } from '@supabase/supabase-js';
import type { StoreApi } from 'zustand/vanilla';
import type { PresenceError } from './facade/PresenceError.js';

/** Agora-style temporary user state: at most 32 string pairs per user per channel. */
export type UserState = Record<string, string>;

/** Agora's channel types. Presence runs the same on both; the value is echoed in events. */
export type ChannelType = 'MESSAGE' | 'STREAM';

/** Where our own channel subscription stands. */
export type ConnectionStatus =
  'idle' | 'connecting' | 'subscribed' | 'reconnecting' | 'closed' | 'error';

/**
 * How sure we are that an occupant is there: `online` (seen in presence), `stale` (our own socket
 * is reconnecting, so we cannot tell), `leaving` (gone from presence, inside the flap debounce).
 */
export type OccupantStatus = 'online' | 'stale' | 'leaving';

/** One tab or device of a user: one presence meta on the channel. */
export interface PresenceConnection<S extends UserState = UserState> {
  /**
   * Random id the kit gives each join; carried in the meta and in state broadcasts. A label,
   * not an identity: anyone can copy it into a meta of their own.
   */
  readonly connectionId: string;
  /**
   * Supabase's `phx_ref` for the current meta: the server-assigned identity of a remote
   * connection. `null` on our own connection before its meta came back.
   */
  readonly presenceRef: string | null;
  readonly state: Readonly<S>;
  /**
   * The sender's hash-chain position (see the README's threat model): it grows with every send
   * and cannot be forged, so the higher version wins on receipt.
   */
  readonly version: number;
  /** Sender's clock (ms) at the last change, clamped to ours; picks the newest connection's state. */
  readonly updatedAt: number;
  readonly joinedAt: number;
  /** Set on this tab's own connection only (the one `setState` writes). */
  readonly local?: true;
  /**
   * With verified identity on (`verifiedIdentity()`): whether the meta was signed by a session
   * the app's backend attested for this presence key.
   */
  readonly verified?: boolean;
}

/** A user in a room, with all their connections folded into one record. Immutable. */
export interface Occupant<S extends UserState = UserState> {
  readonly userId: string;
  readonly isSelf: boolean;
  readonly status: OccupantStatus;
  /**
   * State of the most recently updated connection. For ourselves (`isSelf`) always this tab's
   * own connection: other connections under our key (other tabs, or anyone tracking under it)
   * are listed in `connections` but never change it.
   */
  readonly state: Readonly<S>;
  readonly statesCount: number;
  readonly connections: readonly PresenceConnection<S>[];
  readonly joinedAt: number;
  /** With verified identity on: every connection shown is `verified`. */
  readonly verified?: boolean;
}

/** Read-only, structurally shared map of occupants: an update copies one path of a 32-way trie, O(log N). */
export interface OccupantTable<S extends UserState = UserState> extends Iterable<Occupant<S>> {
  readonly size: number;
  get(userId: string): Occupant<S> | undefined;
  has(userId: string): boolean;
}

/** The room model kept in the zustand store. Unchanged parts keep their identity. */
export interface RoomState<S extends UserState = UserState> {
  readonly channelName: string;
  readonly status: ConnectionStatus;
  readonly selfId: string;
  readonly self: Occupant<S> | null;
  readonly occupants: OccupantTable<S>;
  /** Sorted user ids; a new array only when membership changes. */
  readonly userIds: readonly string[];
  /** Distinct users present, self included. */
  readonly occupancy: number;
  readonly lastError: PresenceError | null;
}

/** Agora `PresenceEventType`: what a `PresenceEvent` reports. */
export type PresenceEventType =
  | 'SNAPSHOT'
  | 'INTERVAL'
  | 'REMOTE_JOIN'
  | 'REMOTE_LEAVE'
  | 'REMOTE_TIMEOUT'
  | 'REMOTE_STATE_CHANGED';

/** Agora's `UserState` record as returned by queries and events. */
export interface UserStateRecord<S extends UserState = UserState> {
  userId: string;
  states: S;
  statesCount: number;
}

/** Batched changes delivered in interval mode (Agora `IntervalDetail`). */
export interface IntervalDetail<S extends UserState = UserState> {
  join: { users: string[]; userCount: number };
  leave: { users: string[]; userCount: number };
  timeout: { users: string[]; userCount: number };
  userStateList: UserStateRecord<S>[];
  totalOccupancy: number;
}

/** Agora `PresenceEvent`. */
export interface PresenceEvent<S extends UserState = UserState> {
  eventType: PresenceEventType;
  channelType: ChannelType;
  channelName: string;
  /** The user the event is about; `''` for SNAPSHOT and INTERVAL. */
  publisher: string;
  /** Full state after the change (REMOTE_STATE_CHANGED), else `{}`. */
  stateChanged: Partial<S>;
  interval: IntervalDetail<S> | null;
  snapshot: UserStateRecord<S>[] | null;
  timestamp: number;
}

/** Options of `whoNow` (Agora `PresenceOptions` of `getOnlineUsers`). */
export interface WhoNowOptions {
  /** @default true */
  includedUserId?: boolean;
  /** @default false */
  includedState?: boolean;
  /** Bookmark from a previous `nextPage`. */
  page?: string;
  /** @default 50 */
  pageSize?: number;
}

/** Agora `WhoNowResponse`: one page of occupants plus the whole room's count. */
export interface WhoNowResult<S extends UserState = UserState> {
  totalOccupancy: number;
  occupants: UserStateRecord<S>[];
  /** Bookmark for the next page, `''` when this is the last. */
  nextPage: string;
}

/** Agora `WhereNowResponse`: the channels a user is in. */
export interface WhereNowResult {
  totalChannel: number;
  channels: { channelName: string; channelType: ChannelType }[];
}

/** Options of `join` (Agora `subscribe`/`join` options that apply to presence). */
export interface JoinOptions<S extends UserState = UserState> {
  /** Receive presence events for this channel. @default true */
  withPresence?: boolean;
  initialState?: Partial<S>;
  channelType?: ChannelType;
}

/** Supabase's `presenceState()` shape: key → metas with `presence_ref`. */
export type SupabasePresenceState = Record<
  string,
  Array<Record<string, unknown> & { presence_ref: string }>
>;

/** The payload of a Supabase-style presence callback (see `Room.onSupabasePresence`). */
export type SupabasePresenceEvent =
  | { event: 'sync' }
  | { event: 'join'; key: string; newPresences: unknown[]; currentPresences: unknown[] }
  | { event: 'leave'; key: string; leftPresences: unknown[]; currentPresences: unknown[] };

/** One joined channel. Everything the hooks read goes through here. */
export interface Room<S extends UserState = UserState> {
  readonly channelName: string;
  readonly channelType: ChannelType;
  /** The zustand vanilla store holding the room model. */
  readonly store: StoreApi<RoomState<S>>;
  /** The underlying supabase-js channel (one per room). */
  readonly channel: RealtimeChannel;
  /** Supabase's view, built on demand (O(N)); never called on a diff. */
  presenceState(): SupabasePresenceState;
  /** Supabase-style `sync`/`join`/`leave` listeners. Returns an unsubscribe function. */
  onSupabasePresence(
    event: 'sync' | 'join' | 'leave',
    handler: (payload: SupabasePresenceEvent) => void,
  ): () => void;
  /** Listen to a Broadcast event on this room's channel (not the kit's own `pk:` events). */
  onBroadcast(event: string, handler: (payload: unknown) => void): () => void;
  /** Send a Broadcast event on this room's channel. */
  sendBroadcast(event: string, payload: Record<string, unknown>): Promise<void>;
  /** Calls `listener` only when that user's occupant record changes identity. */
  subscribeUser(userId: string, listener: () => void): () => void;
  /**
   * After the server shut the channel down (`status` `closed`, `lastError` `CHANNEL_SHUTDOWN`),
   * joins again on a fresh channel, the token made current first; resolves once subscribed and
   * synced. Rate-limit shutdowns rejoin by themselves (see `PresenceOptions.autoRejoin`); call
   * this for the rest, e.g. from a "Reconnect" button. Our state, including `setState` calls made
   * while closed, goes out with the rejoin. Resolves at once while the room is not closed; rejects
   * with `NOT_CONNECTED` after `leave()`.
   */
  rejoin(): Promise<void>;
}
