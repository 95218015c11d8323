import type { Message } from '../protocol/types.js';
import { joinErrorReason, type JwtClaims } from './auth.js';
import type { Channel, ChannelConfig, HubContext, HubSocket } from './context.js';
import { scheduleExpiry } from './expiry.js';
import { joinToken, parseJoinConfig, postgresChangesReply } from './joinConfig.js';
import { topicTooLong } from './limits.js';
import { permissions } from './permissions.js';
import { closeChannel, getRoom, reply } from './rooms.js';
import { uuid } from './ids.js';

const PREFIX = 'realtime:';

/** Longest join_ref kept (realtime-js sends short decimal counters; binary frames carry 255 bytes). */
const MAX_JOIN_REF_LENGTH = 255;

/** The `reason` of a join refused for its join_ref's length. */
const JOIN_REF_TOO_LONG = `InvalidJoinRef: join_ref must be at most ${MAX_JOIN_REF_LENGTH} characters`;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function refuse(
  ctx: HubContext,
  conn: HubSocket,
  msg: Message,
  reason: string,
): Promise<void> {
  ctx.log('info', 'join refused', { socket: conn.id, topic: msg.topic, reason });
  // The real server sleeps before every join error (CHANNEL_ERROR_BACKOFF_MS); tests skip it.
  if (ctx.joinErrorDelayMs > 0) await sleep(ctx.joinErrorDelayMs);
  reply({ conn, joinRef: msg.joinRef, topic: msg.topic }, msg.ref, 'error', { reason });
}

function createChannel(
  ctx: HubContext,
  conn: HubSocket,
  msg: Message,
  config: ChannelConfig,
  token: string,
  claims: JwtClaims,
  presenceKey: string,
): Channel {
  return {
    id: ctx.nextId(),
    conn,
    topic: msg.topic,
    name: msg.topic.slice(PREFIX.length),
    room: getRoom(ctx, msg.topic, config.private),
    joinRef: msg.joinRef,
    config,
    presenceKey,
    token,
    claims,
    canPresence: true,
    canBroadcast: true,
    presenceSeq: 0,
    expiryTimer: null,
    closed: false,
  };
}

/** The `reason` of a join refused for its presence key's length. */
export function presenceKeyTooLong(max: number): string {
  return `PresenceKeyTooLong: presence key must be at most ${String(max)} characters`;
}

/** The `reason` of a join whose policy binds the key to the token's `sub` and whose key differs. */
export const PRESENCE_KEY_NOT_SUB = "PresenceKeyMismatch: presence key must equal the token's sub";

/** The channel's presence key: as sent, else the sub when bound to it, else a fresh uuid. Null:
 * refused, the policy binds the key to a sub it does not equal. */
function presenceKeyFor(
  config: ChannelConfig,
  claims: JwtClaims,
  keyIsSub: boolean,
): string | null {
  if (!keyIsSub) return config.presenceKey === '' ? uuid() : config.presenceKey;
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '') return null;
  return config.presenceKey === '' || config.presenceKey === sub ? sub : null;
}

/** Replies ok (echoing postgres_changes bindings) and, with presence enabled, pushes `presence_state`. */
function confirmJoin(ctx: HubContext, ch: Channel, msg: Message): void {
  reply(ch, msg.ref, 'ok', { postgres_changes: postgresChangesReply(msg.payload) });
  if (!ch.config.presenceEnabled || !ch.canPresence) return;
  const snapshot = ch.room.presence.snapshot();
  ch.presenceSeq = snapshot.seq;
  ctx.presenceEvents.add(1);
  // The state object is only built for taps; the wire gets the cached JSON.
  const payload: unknown = ctx.taps.size > 0 ? JSON.parse(snapshot.json) : null;
  const state = {
    joinRef: ch.joinRef,
    ref: null,
    topic: ch.topic,
    event: 'presence_state',
    payload,
  };
  ch.conn.send(state, snapshot.json);
}

/** The checks a join passes before its token: topic, its length, channel limit, key length. Null: passed. */
function precheck(ctx: HubContext, conn: HubSocket, msg: Message, config: ChannelConfig) {
  // Phoenix has no route for other topics.
  if (!msg.topic.startsWith(PREFIX)) return 'unmatched topic';
  if (msg.topic === PREFIX) return 'TopicNameRequired: You must provide a topic name';
  // The channel keeps its join_ref and echoes it on every frame of its own.
  if ((msg.joinRef?.length ?? 0) > MAX_JOIN_REF_LENGTH) return JOIN_REF_TOO_LONG;
  if (msg.topic.length - PREFIX.length > ctx.limits.maxTopicLength)
    return `TopicNameTooLong: ${topicTooLong(ctx.limits.maxTopicLength)}`;
  const existing = conn.channels.get(msg.topic);
  // A second join of a joined topic closes the first (Phoenix; happens after reconnects, §2.5).
  if (existing) closeChannel(ctx, existing);
  if (conn.channels.size >= ctx.limits.maxChannelsPerClient)
    return 'ChannelRateLimitReached: Too many channels';
  if (config.presenceKey.length > ctx.limits.maxPresenceKeyLength)
    return presenceKeyTooLong(ctx.limits.maxPresenceKeyLength);
  return null;
}

/**
 * Handles `phx_join` (docs/protocol.md §2): topic checks, duplicate join, channel limit, key length,
 * token and private-channel policy, then the ok reply and `presence_state`.
 */
export async function joinChannel(ctx: HubContext, conn: HubSocket, msg: Message): Promise<void> {
  const config = parseJoinConfig(msg.payload);
  const early = precheck(ctx, conn, msg, config);
  if (early !== null) return refuse(ctx, conn, msg, early);
  const name = msg.topic.slice(PREFIX.length);
  const token = joinToken(msg.payload, conn.token);
  const check = await ctx.verifier.verify(token);
  if (!check.ok) return refuse(ctx, conn, msg, joinErrorReason(check));
  const can = await permissions(ctx, check.claims, name, config.private);
  if (!can.read)
    return refuse(
      ctx,
      conn,
      msg,
      `Unauthorized: You do not have permissions to read from this Channel topic: ${name}`,
    );
  const key = presenceKeyFor(config, check.claims, can.keyIsSub);
  if (key === null) return refuse(ctx, conn, msg, PRESENCE_KEY_NOT_SUB);
  if (conn.closed) return;
  const ch = createChannel(ctx, conn, msg, config, token, check.claims, key);
  ch.canPresence = can.presence;
  ch.canBroadcast = can.broadcast;
  conn.channels.set(ch.topic, ch);
  ch.room.channels.add(ch);
  ctx.stats.countJoin(ch.topic);
  confirmJoin(ctx, ch, msg);
  scheduleExpiry(ctx, ch);
}
