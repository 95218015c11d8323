import type { OutMessage, Vsn } from '../protocol/types.js';
import type { JwtClaims } from './auth.js';
import type { Limits } from './limits.js';
import type { PresenceMap } from './presenceTopic.js';
import type { RestRequest, RestResponse } from './restTypes.js';

/** Where the hub writes to one client connection. Implemented by each host. */
export interface SocketSink {
  sendText(text: string): void;
  sendBinary(bytes: Uint8Array): void;
  /** Closes the transport. Code 1006 means "drop without a close frame" (simulated network loss). */
  close(code: number, reason: string): void;
}

/** What a policy may be asked to allow on a private channel. */
export type AuthorizeAction = 'read' | 'presence' | 'broadcast';

/**
 * A policy's answer: `true` allows, `false` denies. `'sub'` allows and binds the channel's presence
 * key to the token's `sub` claim: a join under another key is refused (`PresenceKeyMismatch`), a
 * join without a key gets the sub as its key, and a later token with another sub shuts the
 * channel down. Supabase's RLS cannot bind the key; this lets the local server model an app that
 * wants "only as yourself".
 */
export type AuthorizeResult = boolean | 'sub';

/**
 * Stands in for Realtime's RLS policies on private channels. `topic` is the channel name without
 * `realtime:`. The default allows everything to role `authenticated`.
 * @example authorize: ({ claims, action }) => claims.role === 'authenticated' && (action === 'presence' ? 'sub' : true)
 */
export type AuthorizeFn = (request: {
  claims: JwtClaims;
  topic: string;
  action: AuthorizeAction;
}) => AuthorizeResult | Promise<AuthorizeResult>;

/** Log levels of {@link LogFn}. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A logger. The hub logs drops of bad input at 'debug' and refusals at 'info'. */
export type LogFn = (level: LogLevel, message: string, details?: Record<string, unknown>) => void;

/** A frame as seen by the {@link FrameTap}: decoded, in Message shape. Binary broadcasts appear as
 * event `broadcast` with payload `{type:'broadcast', event, payload}` (payload bytes as Uint8Array). */
export type TappedFrame = OutMessage;

/** Observes every decoded frame in and out. `socketId` is the connection's id. */
export type FrameTap = (direction: 'in' | 'out', socketId: string, frame: TappedFrame) => void;

/** Options of {@link createHub}. */
export interface HubOptions {
  /** HS256 secret for the apikey and access tokens. @default DEFAULT_JWT_SECRET */
  jwtSecret?: string;
  /** Limits over the real defaults. */
  limits?: Partial<Limits>;
  /** Private-channel policy. @default role === 'authenticated' */
  authorize?: AuthorizeFn;
  /** Where the hub logs. @default no logging */
  log?: LogFn;
  /** A frame tap installed from the start (tests; see {@link HubTestHooks.onFrame}). */
  onFrame?: FrameTap;
  /** Delay before refusing an upgrade (real server: 2000). @default 0 */
  refusalDelayMs?: number;
  /** Delay before a join error reply (real server: 5000). @default 0 */
  joinErrorDelayMs?: number;
  /** Presence diffs per topic are coalesced and flushed after this many ms. @default 10 */
  presenceFlushMs?: number;
  /** Close sockets that sent nothing for this long (Phoenix: 60 s); 0 disables. @default 60000 */
  idleTimeoutMs?: number;
  /**
   * The hub's clock in ms since the epoch: token expiry, rate windows and idle checks read it, so
   * tests can move time without waiting. Timers still run on real time and re-check this clock
   * when they fire. @default Date.now
   */
  now?: () => number;
}

/** Counters of frames by event name. */
export type EventCounts = Record<string, number>;

/** Counters kept per topic. `presence` counts inbound presence calls by their `event` (track/untrack). */
export interface TopicCounters {
  in: EventCounts;
  out: EventCounts;
  presence: { track: number; untrack: number };
}

/** A snapshot of the hub's counters and live sizes; see {@link Hub.stats}. */
export interface HubStats {
  sockets: number;
  channels: number;
  /** Frames received, by event (`phx_join`, `presence`, `broadcast`, `heartbeat`, ...). */
  framesIn: EventCounts;
  /** Frames sent, by event (`phx_reply`, `presence_state`, `presence_diff`, `broadcast`, `system`, ...). */
  framesOut: EventCounts;
  /** Per wire topic (`realtime:room`) that has a room now; a room's counters go with it. */
  topics: Record<string, TopicCounters>;
  /** Frames that failed to decode, by error. */
  decodeErrors: EventCounts;
  /** Channel shutdowns, by system message. */
  shutdowns: EventCounts;
  /** REST requests, by status code. */
  rest: EventCounts;
  /** Sockets the server closed, by reason (`slow consumer`, `message too big`, `idle timeout`, ...). */
  closes: EventCounts;
  /** Tenant-wide events per second, 60 s average. */
  eventsPerSecond: number;
  /** Tenant-wide presence events per second, 60 s average. */
  presenceEventsPerSecond: number;
}

/** One live channel, as listed by {@link HubTestHooks.inspect}. */
export interface ChannelInfo {
  topic: string;
  joinRef: string | null;
  private: boolean;
  presenceKey: string;
  presenceEnabled: boolean;
  role: string;
}

/** A snapshot of live state; see {@link HubTestHooks.inspect}. */
export interface HubInspection {
  sockets: { id: string; vsn: Vsn; role: string; channels: ChannelInfo[] }[];
  /** Per topic key (`realtime:room`, or `private:realtime:room`): subscriber socket ids and presence. */
  topics: Record<string, { subscribers: string[]; presence: PresenceMap }>;
}

/** The result of {@link Hub.connect}. */
export type ConnectOutcome =
  | { ok: true; open(sink: SocketSink): HubConnection }
  | { ok: false; status: number; error: string };

/** A connection's inbound side, given to its host. */
export interface HubConnection {
  readonly id: string;
  /** Feeds one inbound frame (text, or binary bytes). */
  receive(data: string | Uint8Array): void;
  /** Tells the hub the transport closed. */
  closed(code?: number): void;
  /**
   * Tells the hub how many bytes wait unsent to this client. Over `Limits.maxBufferedBytes` the
   * hub closes the socket (1008) as a slow consumer, so one client that stops reading cannot make
   * the server buffer for it without end. Hosts call it after writing.
   */
  backlog(bytes: number): void;
}

/** The transport-free Realtime server core. */
export interface Hub {
  /** Checks an upgrade's apikey; on success `open` registers the socket. */
  connect(params: { apikey: string | null; vsn?: string | null }): Promise<ConnectOutcome>;
  /** Serves a REST request (broadcast endpoints, health). */
  handleRest(request: RestRequest): Promise<RestResponse>;
  /** Counters and sizes. */
  stats(): HubStats;
  /** Presence state of a topic name (`room`, not `realtime:room`), as `presence_state` sends it. */
  presenceState(name: string, options?: { private?: boolean }): PresenceMap;
  /** Socket ids currently connected. */
  socketIds(): string[];
  /** Closes all sockets and timers. */
  close(): void;
  readonly limits: Readonly<Limits>;
  readonly jwtSecret: string;
  /** Test hooks (taps, snapshots, simulated faults); not for production use. */
  readonly testing: HubTestHooks;
}

/** What a {@link HubTestHooks.dropSocket} predicate sees about a socket. */
export interface SocketInfo {
  id: string;
  vsn: Vsn;
  role: string;
  topics: string[];
}

/** Test hooks of a {@link Hub}, kept off its production interface. */
export interface HubTestHooks {
  /** Live sockets, channels and presence. */
  inspect(): HubInspection;
  /** Zeroes the counters (not live sizes). */
  resetStats(): void;
  /** Adds a frame tap; returns its remover. */
  onFrame(tap: FrameTap): () => void;
  /** Drops sockets (by id or predicate) as a network loss would; returns how many. @default code 1006 */
  dropSocket(target: string | ((info: SocketInfo) => boolean), code?: number): number;
}
