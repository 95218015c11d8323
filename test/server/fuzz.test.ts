import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANON_KEY,
  createHub,
  type Hub,
  type HubConnection,
} from '../../src/server/hub/index.js';
import { encodeBroadcastPush } from '../../src/server/protocol/index.js';
import { createLoopbackClient } from '../../src/server/loopback/index.js';
import { subscribe, waitFor } from './support/wait.js';

/** A seeded PRNG (mulberry32), so a failure replays. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = [
  '[null,"1","phoenix","heartbeat",{}]',
  '["6","6","realtime:fz","phx_join",{"config":{"presence":{"key":"k","enabled":true},"broadcast":{"self":true,"ack":true}}}]',
  '["6","7","realtime:fz","presence",{"type":"presence","event":"track","payload":{"a":1}}]',
  '["6","8","realtime:fz","broadcast",{"type":"broadcast","event":"e","payload":{"b":2}}]',
  '["6","9","realtime:fz","access_token",{"access_token":"x.y.z"}]',
  '["6","10","realtime:fz","phx_leave",{}]',
  // Client-chosen names that plain objects inherit: presence keys, topics, events, meta fields.
  '["7","7","realtime:fz","phx_join",{"config":{"presence":{"key":"__proto__","enabled":true}}}]',
  '["7","8","realtime:fz","presence",{"type":"presence","event":"track","payload":{"__proto__":{"x":1},"constructor":2}}]',
  '["8","8","realtime:constructor","phx_join",{"config":{"presence":{"key":"toString","enabled":true}}}]',
  '["8","9","realtime:constructor","presence",{"type":"presence","event":"track","payload":{}}]',
  '["6","11","realtime:fz","broadcast",{"type":"broadcast","event":"__proto__","payload":{}}]',
  '[null,"12","__proto__","hasOwnProperty",{}]',
];
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const ODD_VALUES = [
  null,
  0,
  -1,
  1e308,
  '',
  'realtime:',
  'phoenix',
  [],
  {},
  true,
  '\u0000',
  'x'.repeat(300),
  { __proto__: 1 },
  ...PROTO_NAMES,
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
];

function mutateText(text: string, r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  switch (Math.floor(r() * 5)) {
    case 0:
      return text.slice(0, Math.floor(r() * text.length));
    case 1: {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const keys = Object.keys(parsed);
      parsed[keys[Math.floor(r() * keys.length)]!] = pick(ODD_VALUES);
      return JSON.stringify(parsed);
    }
    case 2: {
      const parsed = JSON.parse(text) as unknown;
      return JSON.stringify(
        Array.isArray(parsed)
          ? [...parsed, pick(ODD_VALUES)]
          : { ...(parsed as object), extra: pick(ODD_VALUES) },
      );
    }
    case 3:
      return Array.from({ length: Math.floor(r() * 40) }, () =>
        String.fromCharCode(Math.floor(r() * 128)),
      ).join('');
    default:
      return text.replace(/"[a-z_]+"/, JSON.stringify(pick(ODD_VALUES)));
  }
}

function randomBinary(r: () => number): Uint8Array {
  const valid = encodeBroadcastPush({
    joinRef: '6',
    ref: '11',
    topic: 'realtime:fz',
    event: 'b',
    encoding: r() < 0.5 ? 'json' : 'binary',
    payload: new Uint8Array([123, 125]),
  })!;
  const bytes =
    r() < 0.5
      ? valid.slice(0, Math.floor(r() * valid.length))
      : Uint8Array.from({ length: Math.floor(r() * 64) }, () => Math.floor(r() * 256));
  if (bytes.length > 0 && r() < 0.5) bytes[0] = Math.floor(r() * 6);
  return bytes;
}

/** Throws `frames` hostile frames, then one oversize frame; returns replies seen and the close code. */
async function fuzzSocket(
  hub: Hub,
  vsn: string,
  seed: number,
  frames: number,
): Promise<{ received: number; closeCode: number }> {
  const outcome = await hub.connect({ apikey: DEFAULT_ANON_KEY, vsn });
  if (!outcome.ok) throw new Error(outcome.error);
  let received = 0;
  let closeCode = 0;
  let sentinelSeen = false;
  const conn = outcome.open({
    sendText: (text) => {
      received += 1;
      sentinelSeen ||= text.includes('"fuzz-sentinel"');
    },
    sendBinary: () => void received++,
    close: (code) => (closeCode = code),
  });
  const r = rng(seed);
  for (let i = 0; i < frames; i += 1) {
    const base = VALID[Math.floor(r() * VALID.length)]!;
    const text =
      vsn === '1.0.0' && r() < 0.5
        ? JSON.stringify(
            Object.fromEntries(
              ['join_ref', 'ref', 'topic', 'event', 'payload'].map((k, j) => [
                k,
                (JSON.parse(base) as unknown[])[j],
              ]),
            ),
          )
        : base;
    conn.receive(r() < 0.25 ? randomBinary(r) : r() < 0.15 ? text : mutateText(text, r));
  }
  // Sentinel: frames are handled in order, so its reply means every fuzzed frame was handled.
  conn.receive(
    vsn === '1.0.0'
      ? '{"join_ref":null,"ref":"fuzz-sentinel","topic":"phoenix","event":"heartbeat","payload":{}}'
      : '[null,"fuzz-sentinel","phoenix","heartbeat",{}]',
  );
  await waitFor(() => sentinelSeen, 'sentinel reply');
  conn.receive('x'.repeat(200_000));
  return { received, closeCode };
}

/** A socket joined to the fuzzed topic that never reads: its unsent bytes only grow. */
async function slowConsumer(hub: Hub): Promise<{ closeCode: () => number }> {
  const outcome = await hub.connect({ apikey: DEFAULT_ANON_KEY, vsn: '2.0.0' });
  if (!outcome.ok) throw new Error(outcome.error);
  let unsent = 0;
  let closeCode = 0;
  const grow = (n: number) => {
    unsent += n;
    conn?.backlog(unsent);
  };
  let conn: HubConnection | null = null;
  conn = outcome.open({
    sendText: (text) => grow(text.length),
    sendBinary: (bytes) => grow(bytes.byteLength),
    close: (code) => (closeCode = code),
  });
  conn.receive('["1","1","realtime:fz","phx_join",{"config":{"presence":{"enabled":true}}}]');
  return { closeCode: () => closeCode };
}

describe('fuzzing the hub', () => {
  it('survives thousands of random and mutated frames and still serves a well-behaved client', async () => {
    const errors: unknown[] = [];
    const hub = createHub({
      limits: { maxEventsPerSecond: 1e9, maxFrameSizeBytes: 100_000, maxBufferedBytes: 5_000 },
      // A handler that throws is caught and logged at 'error': that is a failure too.
      log: (level, message, details) => level === 'error' && errors.push({ message, details }),
    });
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      const slow = await slowConsumer(hub);
      const replies = await Promise.all([
        fuzzSocket(hub, '2.0.0', 1, 3000),
        fuzzSocket(hub, '1.0.0', 2, 2000),
        fuzzSocket(hub, '2.0.0', 3, 3000),
      ]);
      expect(replies.every((r) => r.received > 0 && r.closeCode === 1009)).toBe(true);
      expect(slow.closeCode()).toBe(1008);
      expect(hub.stats().sockets).toBe(0);
      expect(Object.keys(hub.stats().decodeErrors).length).toBeGreaterThan(3);
      const lb = createLoopbackClient({ hub });
      const channel = lb.client
        .channel('fz', { config: { presence: { key: 'good' } } })
        .on('presence', { event: 'sync' }, () => undefined);
      await subscribe(channel);
      expect(await channel.track({ fine: true })).toBe('ok');
      await waitFor(() => channel.presenceState()['good'], 'own presence');
      expect(Object.keys(hub.presenceState('fz'))).toEqual(['good']);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      await lb.close();
      expect(errors).toEqual([]);
    } finally {
      process.off('uncaughtException', onError);
      hub.close();
    }
  });
});
