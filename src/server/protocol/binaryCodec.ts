import { isJsonObject, parseJson, utf8Bytes, utf8Text } from './json.js';
import type {
  BroadcastPush,
  DecodeResult,
  JsonObject,
  PayloadEncoding,
  UserBroadcast,
} from './types.js';

/** Binary frame kinds realtime-js uses (docs/protocol.md §1.2). */
export const KIND_USER_BROADCAST_PUSH = 3;
export const KIND_USER_BROADCAST = 4;

const PUSH_HEADER = 7;
const BROADCAST_HEADER = 5;

function encodingOf(byte: number | undefined): PayloadEncoding | null {
  if (byte === 0) return 'binary';
  if (byte === 1) return 'json';
  return null;
}

/** Reads `lengths.length` UTF-8 strings laid end to end from `offset`. */
function readStrings(bytes: Uint8Array, offset: number, lengths: number[]): DecodeResult<string[]> {
  const out: string[] = [];
  let at = offset;
  for (const len of lengths) {
    if (at + len > bytes.byteLength) return { ok: false, error: 'truncated frame' };
    const text = utf8Text(bytes.subarray(at, at + len));
    if (!text.ok) return text;
    out.push(text.value);
    at += len;
  }
  return { ok: true, value: out };
}

function parseMetadata(text: string): DecodeResult<JsonObject | null> {
  if (text === '') return { ok: true, value: null };
  const parsed = parseJson(text);
  if (!parsed.ok || !isJsonObject(parsed.value))
    return { ok: false, error: 'metadata must be a JSON object' };
  return { ok: true, value: parsed.value };
}

/** Decodes a kind-3 frame (client → server). Never throws on hostile input. */
export function decodeBroadcastPush(bytes: Uint8Array): DecodeResult<BroadcastPush> {
  if (bytes.byteLength < PUSH_HEADER) return { ok: false, error: 'truncated frame' };
  if (bytes[0] !== KIND_USER_BROADCAST_PUSH)
    return { ok: false, error: `unsupported binary kind ${String(bytes[0])}` };
  const encoding = encodingOf(bytes[6]);
  if (encoding === null) return { ok: false, error: 'unknown payload encoding' };
  const lengths = [bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0, bytes[4] ?? 0, bytes[5] ?? 0];
  const strings = readStrings(bytes, PUSH_HEADER, lengths);
  if (!strings.ok) return strings;
  const [joinRef = '', ref = '', topic = '', event = '', meta = ''] = strings.value;
  const metadata = parseMetadata(meta);
  if (!metadata.ok) return metadata;
  const headerEnd = PUSH_HEADER + lengths.reduce((a, b) => a + b, 0);
  return {
    ok: true,
    value: {
      joinRef: joinRef === '' ? null : joinRef,
      ref: ref === '' ? null : ref,
      topic,
      event,
      metadata: metadata.value,
      encoding,
      payload: bytes.subarray(headerEnd),
    },
  };
}

/** Writes a header byte array followed by the given parts. */
function assemble(header: number[], parts: Uint8Array[]): Uint8Array {
  const total = header.length + parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  out.set(header, 0);
  let at = header.length;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/**
 * Encodes a kind-4 frame (server → client). Returns null if topic, event or metadata exceed the
 * format's 255-byte length fields, since such a frame cannot be represented.
 */
export function encodeUserBroadcast(msg: UserBroadcast): Uint8Array | null {
  const topic = utf8Bytes(msg.topic);
  const event = utf8Bytes(msg.event);
  const meta = utf8Bytes(msg.metadata);
  if (topic.byteLength > 255 || event.byteLength > 255 || meta.byteLength > 255) return null;
  const enc = msg.encoding === 'json' ? 1 : 0;
  return assemble(
    [KIND_USER_BROADCAST, topic.byteLength, event.byteLength, meta.byteLength, enc],
    [topic, event, meta, msg.payload],
  );
}

/** Encodes a kind-3 frame, as realtime-js does; null if a field exceeds 255 bytes. For tests and tools. */
export function encodeBroadcastPush(
  msg: Omit<BroadcastPush, 'metadata'> & { metadata?: string },
): Uint8Array | null {
  const fields = [msg.joinRef ?? '', msg.ref ?? '', msg.topic, msg.event, msg.metadata ?? ''].map(
    utf8Bytes,
  );
  if (fields.some((f) => f.byteLength > 255)) return null;
  const enc = msg.encoding === 'json' ? 1 : 0;
  return assemble(
    [KIND_USER_BROADCAST_PUSH, ...fields.map((f) => f.byteLength), enc],
    [...fields, msg.payload],
  );
}

/** Decodes a kind-4 frame, as realtime-js does. For tests and tools. */
export function decodeUserBroadcast(bytes: Uint8Array): DecodeResult<UserBroadcast> {
  if (bytes.byteLength < BROADCAST_HEADER || bytes[0] !== KIND_USER_BROADCAST)
    return { ok: false, error: 'not a kind-4 frame' };
  const encoding = encodingOf(bytes[4]);
  if (encoding === null) return { ok: false, error: 'unknown payload encoding' };
  const lengths = [bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0];
  const strings = readStrings(bytes, BROADCAST_HEADER, lengths);
  if (!strings.ok) return strings;
  const [topic = '', event = '', metadata = ''] = strings.value;
  const headerEnd = BROADCAST_HEADER + lengths.reduce((a, b) => a + b, 0);
  return {
    ok: true,
    value: { topic, event, metadata, encoding, payload: bytes.subarray(headerEnd) },
  };
}
