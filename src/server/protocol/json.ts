import type { DecodeResult, Json, JsonObject } from './types.js';

/** Parses JSON text without throwing. */
export function parseJson(text: string): DecodeResult<Json> {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch {
    return { ok: false, error: 'invalid JSON' };
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Phoenix refs are strings; numbers are tolerated, anything else is invalid. */
export function readRef(value: unknown): DecodeResult<string | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' && Number.isFinite(value))
    return { ok: true, value: String(value) };
  return { ok: false, error: 'ref must be a string or null' };
}

const encoder = new TextEncoder();

/** UTF-8 byte length of a string. */
export function utf8Length(text: string): number {
  return encoder.encode(text).byteLength;
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 without throwing; invalid sequences are an error. */
export function utf8Text(bytes: Uint8Array): DecodeResult<string> {
  try {
    return { ok: true, value: decoder.decode(bytes) };
  } catch {
    return { ok: false, error: 'invalid UTF-8' };
  }
}
