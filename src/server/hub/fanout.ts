import type { OutMessage } from '../protocol/types.js';
import type { Channel, HubContext, Room } from './context.js';
import { FanoutEncoder } from './rooms.js';

/** A broadcast ready to deliver: a JSON form for text sockets and, optionally, a kind-4 frame. */
export interface Delivery {
  /** `[null,null,topic,"broadcast",{event,payload,type}]`; null when text sockets cannot get it. */
  text: OutMessage | null;
  /** Kind-4 bytes for vsn 2.0.0 sockets; null to send them `text` instead. */
  binary: Uint8Array | null;
  /** How the binary frame appears to stats and taps. */
  binaryTap: OutMessage;
}

/** Builds the JSON broadcast message (docs/protocol.md §4.2). */
export function broadcastMessage(
  topic: string,
  event: unknown,
  payload: unknown,
  meta?: Record<string, unknown>,
): OutMessage {
  const body: Record<string, unknown> = { event, payload, type: 'broadcast' };
  if (meta) body['meta'] = meta;
  return { joinRef: null, ref: null, topic, event: 'broadcast', payload: body };
}

/**
 * Sends a delivery to every subscriber of the room, skipping `sender` unless `self`. Frames carry
 * join_ref null, so one encoding serves every socket of a version: the loop allocates nothing per
 * recipient. Returns the delivery count.
 */
export function fanout(
  ctx: HubContext,
  room: Room,
  sender: Channel | null,
  self: boolean,
  delivery: Delivery,
): number {
  const encoder = delivery.text ? new FanoutEncoder(delivery.text) : null;
  const { binary, binaryTap } = delivery;
  let binaryCount = 0;
  let textCount = 0;
  for (const ch of room.channels) {
    if (ch === sender && !self) continue;
    const conn = ch.conn;
    if (binary && conn.vsn === '2.0.0') {
      if (conn.sendShared(binary, binaryTap)) binaryCount += 1;
    } else if (encoder?.sends(conn)) textCount += 1;
  }
  if (binaryCount > 0) ctx.stats.countOut(binaryTap.event, binaryTap.topic, binaryCount);
  if (encoder && textCount > 0) ctx.stats.countOut(encoder.msg.event, encoder.msg.topic, textCount);
  return binaryCount + textCount;
}
