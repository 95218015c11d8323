import { decodeFrame } from '../protocol/decodeFrame.js';
import { parseJson, utf8Length, utf8Text } from '../protocol/json.js';
import type { BroadcastPush, Message } from '../protocol/types.js';
import { handleAccessToken } from './accessToken.js';
import { handleBinaryBroadcast, handleJsonBroadcast } from './broadcastHandler.js';
import type { HubContext, HubSocket } from './context.js';
import { joinChannel } from './joinChannel.js';
import { handlePresence } from './presenceHandler.js';
import { closeChannel, removeChannel, reply } from './rooms.js';

function frameBytes(data: string | Uint8Array, max: number): number {
  if (typeof data !== 'string') return data.byteLength;
  // UTF-8 is at most 3 bytes per UTF-16 unit: skip the exact count when it cannot matter.
  return data.length * 3 <= max ? data.length : utf8Length(data);
}

/** Closes a socket from the server side and forgets it. */
export function closeConnection(
  ctx: HubContext,
  conn: HubSocket,
  code: number,
  reason: string,
): void {
  if (conn.closed) return;
  ctx.log('info', 'socket closed by the server', { socket: conn.id, code, reason });
  ctx.stats.countClose(reason);
  dropConnection(ctx, conn);
  conn.sink.close(code, reason);
}

/** Forgets a socket whose transport is gone; its presence leaves as on socket loss. */
export function dropConnection(ctx: HubContext, conn: HubSocket): void {
  if (conn.closed) return;
  conn.closed = true;
  for (const ch of [...conn.channels.values()]) removeChannel(ctx, ch);
  ctx.connections.delete(conn.id);
}

function tapIn(
  ctx: HubContext,
  conn: HubSocket,
  msg: Message | BroadcastPush,
  event: string,
  payload: unknown,
): void {
  ctx.stats.countIn(event, msg.topic);
  for (const tap of ctx.taps)
    tap('in', conn.id, { joinRef: msg.joinRef, ref: msg.ref, topic: msg.topic, event, payload });
}

/** Taps see JSON payloads parsed; the parse is skipped when nobody taps. */
function tapPayload(ctx: HubContext, push: BroadcastPush): unknown {
  if (ctx.taps.size === 0 || push.encoding === 'binary') return push.payload;
  const text = utf8Text(push.payload);
  const parsed = text.ok ? parseJson(text.value) : text;
  return parsed.ok ? parsed.value : push.payload;
}

function handleMessage(ctx: HubContext, conn: HubSocket, msg: Message): void | Promise<void> {
  if (msg.event === 'phx_join') return joinChannel(ctx, conn, msg);
  if (msg.topic === 'phoenix' && msg.event === 'heartbeat')
    return reply({ conn, joinRef: null, topic: 'phoenix' }, msg.ref, 'ok', {});
  const ch = conn.channels.get(msg.topic);
  if (!ch) {
    const target = { conn, joinRef: msg.joinRef, topic: msg.topic };
    // A leave for a channel already gone (e.g. after a join timeout) is simply acknowledged.
    if (msg.event === 'phx_leave') return reply(target, msg.ref, 'ok', {});
    return reply({ ...target, joinRef: null }, msg.ref, 'error', { reason: 'unmatched topic' });
  }
  switch (msg.event) {
    case 'phx_leave':
      reply(ch, msg.ref, 'ok', {});
      return closeChannel(ctx, ch);
    case 'presence':
      return handlePresence(ctx, ch, msg);
    case 'broadcast':
      return handleJsonBroadcast(ctx, ch, msg);
    case 'access_token':
      return handleAccessToken(ctx, ch, msg);
    default:
      ctx.log('debug', 'unknown event dropped', {
        socket: conn.id,
        topic: msg.topic,
        event: msg.event,
      });
  }
}

/**
 * Handles one inbound frame: size check, decode (never throws), then dispatch by event. Returns a
 * promise only when the handler must wait (token checks), so the socket queues what follows.
 */
export function handleFrame(
  ctx: HubContext,
  conn: HubSocket,
  data: string | Uint8Array,
): void | Promise<void> {
  if (frameBytes(data, ctx.limits.maxFrameSizeBytes) > ctx.limits.maxFrameSizeBytes) {
    return closeConnection(ctx, conn, 1009, 'message too big');
  }
  const decoded = decodeFrame(conn.vsn, data);
  if (!decoded.ok) {
    ctx.stats.countDecodeError(decoded.error);
    ctx.log('debug', 'undecodable frame dropped', { socket: conn.id, error: decoded.error });
    return;
  }
  const frame = decoded.value;
  if (frame.kind === 'broadcast') {
    const { push } = frame;
    tapIn(ctx, conn, push, 'broadcast', {
      type: 'broadcast',
      event: push.event,
      payload: tapPayload(ctx, push),
    });
    return handleBinaryBroadcast(ctx, conn, push);
  }
  tapIn(ctx, conn, frame.message, frame.message.event, frame.message.payload);
  return handleMessage(ctx, conn, frame.message);
}
