import type { JwtClaims } from './auth.js';
import type { AverageRate, Limits } from './limits.js';
import type { PresenceBudgets } from './presenceBudgets.js';
import type { PresenceTopic } from './presenceTopic.js';
import type { StatsCounters } from './statsCounters.js';
import type { TokenVerifier } from './tokenVerifier.js';
import type { OutMessage, Vsn } from '../protocol/types.js';
import type { AuthorizeFn, FrameTap, LogFn, SocketSink } from './types.js';

/** A join's `config`, with the client's lenient defaults applied (docs/protocol.md §2.1). */
export interface ChannelConfig {
  self: boolean;
  ack: boolean;
  presenceEnabled: boolean;
  /** As sent; '' when missing. */
  presenceKey: string;
  private: boolean;
}

/**
 * One client socket as the handlers see it (implemented by `Connection`, which also queues its
 * inbound frames). An interface here so the socket and its channels can name each other.
 */
export interface HubSocket {
  readonly id: string;
  readonly vsn: Vsn;
  readonly sink: SocketSink;
  /** The apikey the socket connected with; joins without an access token use it. */
  readonly token: string;
  readonly claims: JwtClaims;
  /** Joined channels by wire topic. */
  readonly channels: Map<string, Channel>;
  /** Client presence budgets by wire topic, kept across leave and rejoin. */
  readonly presenceBudgets: PresenceBudgets;
  /** When the socket last sent a frame (hub clock, ms). */
  readonly lastSeen: number;
  closed: boolean;
  /** Sends a message; `payloadJson` reuses an already serialised payload. */
  send(msg: OutMessage, payloadJson?: string): void;
  /** Fan-out send of a frame encoded once for every recipient; false if the socket is closed. */
  sendShared(frame: string | Uint8Array, msg: OutMessage): boolean;
}

/** One joined channel on one socket. */
export interface Channel {
  readonly id: number;
  readonly conn: HubSocket;
  /** Wire topic, `realtime:room`. */
  readonly topic: string;
  /** Topic name, `room`. */
  readonly name: string;
  readonly room: Room;
  readonly joinRef: string | null;
  readonly config: ChannelConfig;
  /** The resolved presence key (a fresh uuid when the join had none). */
  readonly presenceKey: string;
  token: string;
  claims: JwtClaims;
  canPresence: boolean;
  canBroadcast: boolean;
  /** Presence version this channel's `presence_state` covered. */
  presenceSeq: number;
  expiryTimer: ReturnType<typeof setTimeout> | null;
  closed: boolean;
}

/** The subscribers of one topic. Public and private channels of one name are separate rooms. */
export interface Room {
  /** `realtime:room` or `private:realtime:room`. */
  readonly key: string;
  readonly topic: string;
  readonly private: boolean;
  readonly channels: Set<Channel>;
  readonly presence: PresenceTopic;
  flushTimer: ReturnType<typeof setTimeout> | null;
}

/** Everything the hub's handlers share. */
export interface HubContext {
  readonly secret: string;
  readonly limits: Limits;
  readonly authorize: AuthorizeFn;
  readonly log: LogFn;
  readonly joinErrorDelayMs: number;
  readonly presenceFlushMs: number;
  readonly connections: Map<string, HubSocket>;
  readonly rooms: Map<string, Room>;
  readonly stats: StatsCounters;
  readonly taps: Set<FrameTap>;
  readonly events: AverageRate;
  readonly presenceEvents: AverageRate;
  readonly verifier: TokenVerifier;
  /** The hub's clock (ms since the epoch): every time the hub reads comes from here. */
  readonly now: () => number;
  nextId(): number;
}

/** The room key of a topic: private channels live apart from public ones of the same name. */
export function roomKey(topic: string, isPrivate: boolean): string {
  return isPrivate ? `private:${topic}` : topic;
}
