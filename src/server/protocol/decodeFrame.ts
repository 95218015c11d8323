import { decodeBroadcastPush } from './binaryCodec.js';
import { decodeText } from './messageCodec.js';
import type { DecodeResult, InboundFrame, Vsn } from './types.js';

/**
 * Decodes one inbound WebSocket frame for a socket speaking `vsn`. Text frames are JSON messages;
 * binary frames are kind-3 broadcast pushes (vsn 2.0.0 only). Never throws.
 */
export function decodeFrame(vsn: Vsn, data: string | Uint8Array): DecodeResult<InboundFrame> {
  if (typeof data === 'string') {
    const msg = decodeText(vsn, data);
    return msg.ok ? { ok: true, value: { kind: 'message', message: msg.value } } : msg;
  }
  if (vsn !== '2.0.0') return { ok: false, error: 'binary frames need vsn 2.0.0' };
  const push = decodeBroadcastPush(data);
  return push.ok ? { ok: true, value: { kind: 'broadcast', push: push.value } } : push;
}
