import { describe, expect, it } from 'vitest';
import {
  decodeBroadcastPush,
  decodeFrame,
  decodeV1Text,
  decodeV2Text,
  encodeText,
  encodeUserBroadcast,
} from '../../src/server/protocol/index.js';

const hex = (h: string) =>
  Uint8Array.from(
    h
      .replace(/\s/g, '')
      .match(/../g)!
      .map((b) => parseInt(b, 16)),
  );

describe('protocol codec', () => {
  it('decodes the example kind-3 frame of docs/protocol.md §1.2', () => {
    const bytes = hex(
      '03 01 02 0e 06 00 01 36 3130 7265616c74696d653a726f6f6d31 637572736f72 7b2278223a312c2279223a327d',
    );
    const result = decodeBroadcastPush(bytes);
    expect(
      result.ok && { ...result.value, payload: new TextDecoder().decode(result.value.payload) },
    ).toEqual({
      joinRef: '6',
      ref: '10',
      topic: 'realtime:room1',
      event: 'cursor',
      metadata: null,
      encoding: 'json',
      payload: '{"x":1,"y":2}',
    });
  });

  it('encodes the captured kind-4 frame and refuses fields over 255 bytes', () => {
    const payload = new TextEncoder().encode('{"x":1,"y":2}');
    const frame = encodeUserBroadcast({
      topic: 'realtime:room1',
      event: 'cursor',
      metadata: '',
      encoding: 'json',
      payload,
    });
    expect(frame).toEqual(
      hex('04 0e 06 00 01 7265616c74696d653a726f6f6d31 637572736f72 7b2278223a312c2279223a327d'),
    );
    expect(
      encodeUserBroadcast({
        topic: 'x'.repeat(256),
        event: 'e',
        metadata: '',
        encoding: 'binary',
        payload,
      }),
    ).toBeNull();
  });

  it('encodes v2 arrays with join_ref and v1 objects without it', () => {
    const msg = { joinRef: '6', ref: null, topic: 't', event: 'presence_state', payload: {} };
    expect(encodeText('2.0.0', msg)).toBe('["6",null,"t","presence_state",{}]');
    expect(JSON.parse(encodeText('1.0.0', msg))).toEqual({
      topic: 't',
      event: 'presence_state',
      payload: {},
      ref: null,
    });
  });

  it('returns typed errors for malformed frames instead of throwing', () => {
    expect(decodeV2Text('[1,2,3]')).toEqual({ ok: false, error: 'expected a 5-element array' });
    expect(decodeV2Text('{')).toEqual({ ok: false, error: 'invalid JSON' });
    expect(decodeV2Text('[null,null,5,"e",{}]')).toEqual({
      ok: false,
      error: 'topic must be a string',
    });
    expect(decodeV2Text('[null,null,"t","e",[]]')).toEqual({
      ok: false,
      error: 'payload must be an object',
    });
    expect(decodeV1Text('[]')).toEqual({ ok: false, error: 'expected an object' });
    expect(decodeBroadcastPush(hex('03 05 00 00 00 00 01 36'))).toEqual({
      ok: false,
      error: 'truncated frame',
    });
    expect(decodeBroadcastPush(hex('03 00 00 00 00 00 07'))).toEqual({
      ok: false,
      error: 'unknown payload encoding',
    });
    expect(decodeFrame('2.0.0', hex('00 01 02'))).toEqual({ ok: false, error: 'truncated frame' });
    expect(decodeFrame('1.0.0', hex('03 00 00 00 00 00 01'))).toEqual({
      ok: false,
      error: 'binary frames need vsn 2.0.0',
    });
  });
});
