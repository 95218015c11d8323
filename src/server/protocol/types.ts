/** Any JSON value, as parsed from a frame. */
export type Json = null | boolean | number | string | Json[] | JsonObject;

/** A JSON object (Phoenix payloads are always objects). */
export interface JsonObject {
  [key: string]: Json;
}

/** Serializer versions the server speaks, chosen by the `vsn` query parameter. */
export type Vsn = '1.0.0' | '2.0.0';

/** A Phoenix message, the common shape of v1 objects and v2 arrays. */
export interface Message {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: JsonObject;
}

/** A kind-3 "user broadcast push" binary frame, decoded (docs/protocol.md §1.2). */
export interface BroadcastPush {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  /** The user event (`channel.send({ event })`). */
  event: string;
  /** Parsed metadata (`{"persist": ...}`) or null when absent. */
  metadata: JsonObject | null;
  /** 'json' means `payload` holds UTF-8 JSON text; 'binary' means raw bytes. */
  encoding: PayloadEncoding;
  payload: Uint8Array;
}

/** Encoding byte of kinds 3 and 4: 0 = binary, 1 = JSON. */
export type PayloadEncoding = 'binary' | 'json';

/** A kind-4 "user broadcast" frame (server to client). */
export interface UserBroadcast {
  topic: string;
  event: string;
  /** Metadata JSON text, or '' for none. */
  metadata: string;
  encoding: PayloadEncoding;
  payload: Uint8Array;
}

/** A decoded inbound frame: a JSON message or a binary broadcast push. */
export type InboundFrame =
  { kind: 'message'; message: Message } | { kind: 'broadcast'; push: BroadcastPush };

/** Result of decoding untrusted input: never throws, always one of these. */
export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** A message the server sends; `payload` is any JSON-serialisable value. */
export interface OutMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}
