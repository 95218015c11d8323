import { isJsonObject, utf8Length } from '../protocol/json.js';
import type { Message } from '../protocol/types.js';
import type { Channel, HubContext } from './context.js';
import { payloadByteLimit } from './limits.js';
import { reply, schedulePresenceFlush, shutdownChannel } from './rooms.js';

function track(ctx: HubContext, ch: Channel, msg: Message): void {
  const payload = msg.payload['payload'] ?? {};
  if (!isJsonObject(payload))
    return reply(ch, msg.ref, 'error', { reason: 'Presence track payload must be a map' });
  if (utf8Length(JSON.stringify(payload)) > payloadByteLimit(ctx.limits))
    return shutdownChannel(ctx, ch, 'Track message size exceeded');
  // An unchanged payload is answered ok with no diff (Phoenix's :no_payload_change).
  ctx.presenceEvents.add(1);
  if (ch.room.presence.track(ch.id, ch.presenceKey, payload) !== 'unchanged')
    schedulePresenceFlush(ctx, ch.room);
  reply(ch, msg.ref, 'ok', {});
}

/**
 * Handles a `presence` push (docs/protocol.md §3.1). Every call counts against the socket's budget
 * for the topic (kept across rejoins), and the call over it shuts the channel down with no reply.
 */
export function handlePresence(ctx: HubContext, ch: Channel, msg: Message): void {
  const event = msg.payload['event'];
  const kind = typeof event === 'string' ? event.toLowerCase() : '';
  ctx.stats.countPresence(ch.topic, kind);
  if (!ch.conn.presenceBudgets.hit(ch.topic))
    return shutdownChannel(ctx, ch, 'Client presence rate limit exceeded');
  if (ch.room.private && !ch.canPresence) return reply(ch, msg.ref, 'error', {});
  if (ctx.presenceEvents.perSecond() > ctx.limits.maxPresenceEventsPerSecond) {
    return shutdownChannel(ctx, ch, 'Too many presence messages per second');
  }
  if (kind === 'track') return track(ctx, ch, msg);
  if (kind !== 'untrack') return reply(ch, msg.ref, 'error', {});
  if (ch.room.presence.untrack(ch.id)) schedulePresenceFlush(ctx, ch.room);
  reply(ch, msg.ref, 'ok', {});
}
