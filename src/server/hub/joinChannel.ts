import type { Message } from '../protocol/types.js';
import { joinErrorReason, type JwtClaims } from './auth.js';
import type { Channel, ChannelConfig, HubContext, HubSocket } from './context.js';
import { scheduleExpiry } from './expiry.js';
import { joinToken, parseJoinConfig, postgresChangesReply } from './joinConfig.js';
import { SlidingWindow } from './limits.js';
import { permissions } from './permissions.js';
import { closeChannel, getRoom, reply } from './rooms.js';
import { uuid } from './ids.js';

const PREFIX = 'realtime:';

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
): Channel {
  return {
    id: ctx.nextId(),
    conn,
    topic: msg.topic,
    name: msg.topic.slice(PREFIX.length),
    room: getRoom(ctx, msg.topic, config.private),
    joinRef: msg.joinRef,
    config,
    presenceKey: config.presenceKey === '' ? uuid() : config.presenceKey,
    token,
    claims,
    canPresence: true,
    canBroadcast: true,
    presenceCalls: new SlidingWindow(
      ctx.limits.clientPresenceMaxCalls,
      ctx.limits.clientPresenceWindowMs,
      ctx.now,
    ),
    presenceSeq: 0,
    expiryTimer: null,
    closed: false,
  };
}

/** The `reason` of a join refused for its presence key's length. */
export function presenceKeyTooLong(max: number): string {
  return `PresenceKeyTooLong: presence key must be at most ${String(max)} characters`;
}

/** Replies ok (echoing postgres_changes bindings) and, with presence enabled, pushes `presence_state`. */
function confirmJoin(ctx: HubContext, ch: Channel, ref: string | null): void {
  reply(ch, ref, 'ok', { postgres_changes: postgresChangesReply(ch.config.postgresChanges) });
  if (!ch.config.presenceEnabled || !ch.canPresence) return;
  const snapshot = ch.room.presence.snapshot();
  ch.presenceSeq = snapshot.seq;
  ctx.presenceEvents.add(1);
  // The state object is only built for taps; the wire gets the cached JSON.
  const payload: unknown = ctx.taps.size > 0 ? JSON.parse(snapshot.json) : null;
  const msg = { joinRef: ch.joinRef, ref: null, topic: ch.topic, event: 'presence_state', payload };
  ch.conn.send(msg, snapshot.json);
}

/**
 * Handles `phx_join` (PROTOCOL.md §2): topic checks, duplicate join, channel limit, token and
 * private-channel policy, then the ok reply and `presence_state`.
 */
export async function joinChannel(ctx: HubContext, conn: HubSocket, msg: Message): Promise<void> {
  // Phoenix has no route for other topics.
  if (!msg.topic.startsWith(PREFIX)) return refuse(ctx, conn, msg, 'unmatched topic');
  const name = msg.topic.slice(PREFIX.length);
  if (name === '')
    return refuse(ctx, conn, msg, 'TopicNameRequired: You must provide a topic name');
  const existing = conn.channels.get(msg.topic);
  // A second join of a joined topic closes the first (Phoenix; happens after reconnects, §2.5).
  if (existing) closeChannel(ctx, existing);
  if (conn.channels.size >= ctx.limits.maxChannelsPerClient)
    return refuse(ctx, conn, msg, 'ChannelRateLimitReached: Too many channels');
  const config = parseJoinConfig(msg.payload);
  if (config.presenceKey.length > ctx.limits.maxPresenceKeyLength)
    return refuse(ctx, conn, msg, presenceKeyTooLong(ctx.limits.maxPresenceKeyLength));
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
  if (conn.closed) return;
  const ch = createChannel(ctx, conn, msg, config, token, check.claims);
  ch.canPresence = can.presence;
  ch.canBroadcast = can.broadcast;
  conn.channels.set(ch.topic, ch);
  ch.room.channels.add(ch);
  ctx.stats.countJoin(ch.topic);
  confirmJoin(ctx, ch, msg.ref);
  scheduleExpiry(ctx, ch);
}
