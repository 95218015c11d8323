import { encodeUserBroadcast } from '../protocol/binaryCodec.js';
import type { JwtClaims } from './auth.js';
import type { HubContext } from './context.js';
import { roomKey } from './context.js';
import { broadcastMessage, fanout } from './fanout.js';
import { permissions } from './permissions.js';

/** A REST broadcast to deliver. `payload` bytes mean an octet-stream body. */
export interface RestMessage {
  topic: string;
  event: string;
  isPrivate: boolean;
  payload: unknown;
  id?: string | undefined;
}

/**
 * Delivers a REST broadcast to every subscriber (there is no sender to exclude). JSON goes out as
 * text; binary as kind 4 encoding 0 to vsn 2.0.0 sockets only. Private topics need the policy's
 * `broadcast`; refused messages are skipped, the request still succeeds.
 */
export async function restBroadcast(
  ctx: HubContext,
  claims: JwtClaims,
  m: RestMessage,
): Promise<void> {
  const topic = `realtime:${m.topic}`;
  if (m.isPrivate && !(await permissions(ctx, claims, m.topic, true)).broadcast) return;
  const room = ctx.rooms.get(roomKey(topic, m.isPrivate));
  if (!room) {
    ctx.events.add(1);
    return;
  }
  const json = broadcastMessage(
    topic,
    m.event,
    m.payload,
    m.id === undefined ? undefined : { id: m.id },
  );
  const bytes = m.payload instanceof Uint8Array ? m.payload : null;
  const binary = bytes
    ? encodeUserBroadcast({
        topic,
        event: m.event,
        metadata: '',
        encoding: 'binary',
        payload: bytes,
      })
    : null;
  const delivered = fanout(ctx, room, null, true, {
    text: bytes ? null : json,
    binary,
    binaryTap: json,
  });
  ctx.events.add(1 + delivered);
}
