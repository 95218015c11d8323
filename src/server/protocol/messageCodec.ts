import { isJsonObject, parseJson, readRef } from './json.js';
import type { DecodeResult, Message, OutMessage, Vsn } from './types.js';

/** Builds a Message from its five parts, validating each one. */
function buildMessage(
  joinRef: unknown,
  ref: unknown,
  topic: unknown,
  event: unknown,
  payload: unknown,
): DecodeResult<Message> {
  const jr = readRef(joinRef);
  if (!jr.ok) return jr;
  const r = readRef(ref);
  if (!r.ok) return r;
  if (typeof topic !== 'string') return { ok: false, error: 'topic must be a string' };
  if (typeof event !== 'string') return { ok: false, error: 'event must be a string' };
  // Phoenix clients always send object payloads; a missing one is treated as {}.
  const body = payload === undefined || payload === null ? {} : payload;
  if (!isJsonObject(body)) return { ok: false, error: 'payload must be an object' };
  return { ok: true, value: { joinRef: jr.value, ref: r.value, topic, event, payload: body } };
}

/** Decodes a vsn 2.0.0 text frame: `[join_ref, ref, topic, event, payload]`. */
export function decodeV2Text(text: string): DecodeResult<Message> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const arr = parsed.value;
  if (!Array.isArray(arr) || arr.length !== 5)
    return { ok: false, error: 'expected a 5-element array' };
  return buildMessage(arr[0], arr[1], arr[2], arr[3], arr[4]);
}

/** Decodes a vsn 1.0.0 text frame: `{topic, event, payload, ref, join_ref?}`. */
export function decodeV1Text(text: string): DecodeResult<Message> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const obj = parsed.value;
  if (!isJsonObject(obj)) return { ok: false, error: 'expected an object' };
  return buildMessage(obj['join_ref'], obj['ref'], obj['topic'], obj['event'], obj['payload']);
}

/** Decodes a text frame for the socket's serializer version. */
export function decodeText(vsn: Vsn, text: string): DecodeResult<Message> {
  return vsn === '2.0.0' ? decodeV2Text(text) : decodeV1Text(text);
}

/**
 * Encodes a server message as text for `vsn`. `payloadJson` lets fan-out serialise a payload once
 * and reuse it for every recipient. v1 frames carry no `join_ref`, as Phoenix's V1 serializer.
 */
export function encodeText(vsn: Vsn, msg: OutMessage, payloadJson?: string): string {
  const payload = payloadJson ?? JSON.stringify(msg.payload ?? {});
  const topic = JSON.stringify(msg.topic);
  const event = JSON.stringify(msg.event);
  const ref = msg.ref === null ? 'null' : JSON.stringify(msg.ref);
  if (vsn === '1.0.0')
    return `{"topic":${topic},"event":${event},"payload":${payload},"ref":${ref}}`;
  const joinRef = msg.joinRef === null ? 'null' : JSON.stringify(msg.joinRef);
  return `[${joinRef},${ref},${topic},${event},${payload}]`;
}
