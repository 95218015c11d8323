import { encodeText } from '../protocol/messageCodec.js';
import type { OutMessage, Vsn } from '../protocol/types.js';
import type { Channel, HubContext, HubSocket, Room } from './context.js';
import { roomKey } from './context.js';
import { PresenceTopic, buildDiff, type PresenceDiff } from './presenceTopic.js';

/** The room for a topic, created on first use. */
export function getRoom(ctx: HubContext, topic: string, isPrivate: boolean): Room {
  const key = roomKey(topic, isPrivate);
  let room = ctx.rooms.get(key);
  if (!room) {
    room = {
      key,
      topic,
      private: isPrivate,
      channels: new Set(),
      presence: new PresenceTopic(),
      flushTimer: null,
    };
    ctx.rooms.set(key, room);
    ctx.stats.openTopic(topic);
  }
  return room;
}

/** Encodes one message once per serializer version, for fan-out. */
export class FanoutEncoder {
  private readonly cache = new Map<Vsn, string>();
  private readonly payloadJson: string;
  constructor(readonly msg: OutMessage) {
    this.payloadJson = JSON.stringify(msg.payload);
  }
  text(vsn: Vsn): string {
    let text = this.cache.get(vsn);
    if (text === undefined) {
      text = encodeText(vsn, this.msg, this.payloadJson);
      this.cache.set(vsn, text);
    }
    return text;
  }
  /** Sends the shared text to `conn`; the caller counts the frames. False if it is closed. */
  sends(conn: HubSocket): boolean {
    return conn.sendShared(this.text(conn.vsn), this.msg);
  }
}

/** Subscribers per extra millisecond of presence coalescing, and the most it may add. */
const SUBSCRIBERS_PER_MS = 20;
const MAX_FLUSH_MS = 100;

/**
 * Queues a presence flush for the room; changes until then are coalesced into one diff. A flush
 * costs one frame per subscriber, so big rooms wait longer (1,000 subscribers: 50 ms) to bound
 * that cost at ~20 frames per ms whatever the room size (Phoenix.Presence merges diffs too).
 */
export function schedulePresenceFlush(ctx: HubContext, room: Room): void {
  if (room.flushTimer !== null || !room.presence.dirty) return;
  const scaled = Math.min(MAX_FLUSH_MS, room.channels.size / SUBSCRIBERS_PER_MS);
  room.flushTimer = setTimeout(
    () => flushPresence(ctx, room),
    Math.max(ctx.presenceFlushMs, scaled),
  );
}

function diffMessage(room: Room, diff: PresenceDiff): OutMessage {
  return { joinRef: null, ref: null, topic: room.topic, event: 'presence_diff', payload: diff };
}

/**
 * Sends the room's pending presence changes as one `presence_diff` to every subscriber (private
 * rooms: those allowed presence). A subscriber whose `presence_state` already covered some of the
 * changes gets only the rest.
 */
export function flushPresence(ctx: HubContext, room: Room): void {
  room.flushTimer = null;
  const ops = room.presence.takePending();
  const firstSeq = ops[0]?.seq;
  if (firstSeq === undefined) return;
  const sharedDiff = buildDiff(ops);
  const shared = sharedDiff ? new FanoutEncoder(diffMessage(room, sharedDiff)) : null;
  let delivered = 0;
  let sharedCount = 0;
  for (const ch of room.channels) {
    if (room.private && !ch.canPresence) continue;
    if (ch.presenceSeq < firstSeq) {
      if (shared?.sends(ch.conn)) sharedCount += 1;
      continue;
    }
    // Only a channel whose state already covered part of the batch needs a diff of its own.
    const own = buildDiff(ops, ch.presenceSeq);
    if (own) ch.conn.send(diffMessage(room, own));
    delivered += own ? 1 : 0;
  }
  if (shared && sharedCount > 0)
    ctx.stats.countOut(shared.msg.event, shared.msg.topic, sharedCount);
  ctx.presenceEvents.add(delivered + sharedCount);
}

/** Forgets a channel: timers, membership, presence (which queues a leave diff). */
export function removeChannel(ctx: HubContext, ch: Channel): void {
  if (ch.closed) return;
  ch.closed = true;
  if (ch.expiryTimer !== null) clearTimeout(ch.expiryTimer);
  if (ch.conn.channels.get(ch.topic) === ch) ch.conn.channels.delete(ch.topic);
  const room = ch.room;
  room.channels.delete(ch);
  if (room.presence.untrack(ch.id)) schedulePresenceFlush(ctx, room);
  if (room.channels.size === 0) {
    if (room.flushTimer !== null) clearTimeout(room.flushTimer);
    ctx.rooms.delete(room.key);
    ctx.stats.closeTopic(room.topic);
  }
}

/** Sends `phx_close` (ref = join_ref, as Phoenix) and forgets the channel. */
export function closeChannel(ctx: HubContext, ch: Channel): void {
  ch.conn.send({
    joinRef: ch.joinRef,
    ref: ch.joinRef,
    topic: ch.topic,
    event: 'phx_close',
    payload: {},
  });
  removeChannel(ctx, ch);
}

/** The real server's channel shutdown: a `system` error, then `phx_close` (docs/protocol.md §5.3). */
export function shutdownChannel(ctx: HubContext, ch: Channel, message: string): void {
  if (ch.closed) return;
  ctx.stats.countShutdown(message);
  ctx.log('info', 'channel shut down', { socket: ch.conn.id, topic: ch.topic, message });
  const payload = { extension: 'system', status: 'error', message, channel: ch.name };
  ch.conn.send({ joinRef: ch.joinRef, ref: null, topic: ch.topic, event: 'system', payload });
  closeChannel(ctx, ch);
}

/** Replies to a push. */
export function reply(
  ch: Pick<Channel, 'conn' | 'joinRef' | 'topic'>,
  ref: string | null,
  status: 'ok' | 'error',
  response: unknown,
): void {
  ch.conn.send({
    joinRef: ch.joinRef,
    ref,
    topic: ch.topic,
    event: 'phx_reply',
    payload: { status, response },
  });
}
