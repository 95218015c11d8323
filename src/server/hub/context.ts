import type { JwtClaims } from './auth.js';
import type { Connection } from './connection.js';
import type { AverageRate, Limits, SlidingWindow } from './limits.js';
import type { PresenceTopic } from './presenceTopic.js';
import type { StatsCounters } from './statsCounters.js';
import type { TokenVerifier } from './tokenVerifier.js';
import type { AuthorizeFn, FrameTap, LogFn } from './types.js';

/** A join's `config`, with the client's lenient defaults applied (PROTOCOL.md §2.1). */
export interface ChannelConfig {
  self: boolean;
  ack: boolean;
  presenceEnabled: boolean;
  /** As sent; '' when missing. */
  presenceKey: string;
  private: boolean;
  postgresChanges: unknown[];
}

/** One joined channel on one socket. */
export interface Channel {
  readonly id: number;
  readonly conn: Connection;
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
  readonly presenceCalls: SlidingWindow;
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
  readonly connections: Map<string, Connection>;
  readonly rooms: Map<string, Room>;
  readonly stats: StatsCounters;
  readonly taps: Set<FrameTap>;
  readonly events: AverageRate;
  readonly presenceEvents: AverageRate;
  readonly verifier: TokenVerifier;
  nextId(): number;
}

/** The room key of a topic: private channels live apart from public ones of the same name. */
export function roomKey(topic: string, isPrivate: boolean): string {
  return isPrivate ? `private:${topic}` : topic;
}
