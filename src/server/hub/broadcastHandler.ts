import { parseJson, utf8Text } from '../protocol/json.js';
import { encodeUserBroadcast } from '../protocol/binaryCodec.js';
import type { BroadcastPush, Message } from '../protocol/types.js';
import type { Channel, HubContext, HubSocket } from './context.js';
import { broadcastMessage, fanout, type Delivery } from './fanout.js';
import { payloadByteLimit } from './limits.js';
import { reply, shutdownChannel } from './rooms.js';
import { utf8Length } from '../protocol/json.js';

/** True once tenant-wide traffic is over `maxEventsPerSecond` (60 s average). */
export function eventsExceeded(ctx: HubContext): boolean {
  return ctx.events.perSecond() > ctx.limits.maxEventsPerSecond;
}

/** Checks policy, size and rate; answers the sender as the real server does when refusing. */
function admit(ctx: HubContext, ch: Channel, ref: string | null, size: number): boolean {
  if (ch.room.private && !ch.canBroadcast) {
    if (ch.config.ack) reply(ch, ref, 'error', {});
    return false;
  }
  if (size > payloadByteLimit(ctx.limits)) {
    // The real server answers with a bare string here, not a {reason} object.
    if (ch.config.ack) reply(ch, ref, 'error', 'payload_size_exceeded');
    return false;
  }
  if (eventsExceeded(ctx)) {
    // Every channel that would carry the traffic shuts down.
    for (const member of [...ch.room.channels])
      shutdownChannel(ctx, member, 'Too many messages per second');
    return false;
  }
  return true;
}

function deliver(ctx: HubContext, ch: Channel, ref: string | null, delivery: Delivery): void {
  const delivered = fanout(ctx, ch.room, ch, ch.config.self, delivery);
  ctx.events.add(1 + delivered);
  if (ch.config.ack) reply(ch, ref, 'ok', {});
}

/** A text `broadcast` push (vsn 1.0.0, or a v2 client sending JSON): delivered as JSON text. */
export function handleJsonBroadcast(ctx: HubContext, ch: Channel, msg: Message): void {
  const event = msg.payload['event'];
  // realtime-js lower-cases every incoming event name to match its bindings: a number or null
  // there throws inside each subscriber's socket handler (on Node, an uncaught exception).
  if (typeof event !== 'string') {
    ctx.stats.countDecodeError('broadcast event is not a string');
    if (ch.config.ack) reply(ch, msg.ref, 'error', { reason: 'event must be a string' });
    return;
  }
  const size = utf8Length(JSON.stringify(msg.payload));
  if (!admit(ctx, ch, msg.ref, size)) return;
  const text = broadcastMessage(ch.topic, event, msg.payload['payload'] ?? {});
  deliver(ctx, ch, msg.ref, { text, binary: null, binaryTap: text });
}

/** Reads a kind-3 payload: JSON must parse, so no recipient's decoder can choke on it. */
function readPayload(push: BroadcastPush): { ok: true; value: unknown } | { ok: false } {
  if (push.encoding === 'binary') return { ok: true, value: push.payload };
  const text = utf8Text(push.payload);
  if (!text.ok) return { ok: false };
  const parsed = parseJson(text.value);
  return parsed.ok ? parsed : { ok: false };
}

/** A kind-3 binary push: kind 4 to vsn 2.0.0 sockets, JSON text to vsn 1.0.0 ones (if JSON). */
export function handleBinaryBroadcast(ctx: HubContext, conn: HubSocket, push: BroadcastPush): void {
  const ch = conn.channels.get(push.topic);
  if (!ch) {
    reply({ conn, joinRef: null, topic: push.topic }, push.ref, 'error', {
      reason: 'unmatched topic',
    });
    return;
  }
  const payload = readPayload(push);
  if (!payload.ok) {
    ctx.stats.countDecodeError('invalid broadcast JSON');
    return;
  }
  if (!admit(ctx, ch, push.ref, push.payload.byteLength)) return;
  const binary = encodeUserBroadcast({
    topic: ch.topic,
    event: push.event,
    metadata: '',
    encoding: push.encoding,
    payload: push.payload,
  });
  const json = broadcastMessage(ch.topic, push.event, payload.value);
  const text = push.encoding === 'json' ? json : null;
  deliver(ctx, ch, push.ref, { text, binary, binaryTap: json });
}
