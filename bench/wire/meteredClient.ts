/**
 * A real supabase-js client on the loopback hub whose connection is metered at the hub's edge
 * (every frame and byte each way, as a real socket would carry them) and, for the crowd, deaf:
 * it joins, tracks and broadcasts like any client, but the room's diffs and broadcasts are
 * dropped before delivery (and `presence_state` arrives empty), so a crowd of two hundred does
 * not cost two hundred full reconciles of the room in one process. What is counted is what the
 * server sent, deaf or not.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import {
  DEFAULT_ANON_KEY,
  loopbackFetch,
  loopbackTransport,
  type Hub,
  type SocketSink,
} from '../../src/server/loopback/index.js';
import { hearFrame } from '../../stories/support/deafTransport.js';
import type { WireMeter } from './WireMeter.js';

/** The sink the hub writes `user`'s frames to: counted, then passed on (or dropped if deaf). */
function meteredSink(sink: SocketSink, meter: WireMeter, user: string, deaf: boolean): SocketSink {
  return {
    sendText(text) {
      meter.frame(user, 'in', Buffer.byteLength(text));
      if (!deaf) return sink.sendText(text);
      const heard = hearFrame(text);
      if (heard.pass) sink.sendText(heard.data as string);
    },
    sendBinary(bytes) {
      meter.frame(user, 'in', bytes.byteLength);
      // Binary frames are broadcasts: room traffic a deaf client does not take.
      if (!deaf) sink.sendBinary(bytes);
    },
    close: (code, reason) => sink.close(code, reason),
  };
}

/** `hub` as one client's socket sees it: its connection metered both ways. */
function meteredHub(hub: Hub, meter: WireMeter, user: string, deaf: boolean): Hub {
  const connect: Hub['connect'] = async (params) => {
    const outcome = await hub.connect(params);
    if (!outcome.ok) return outcome;
    return {
      ok: true,
      open(sink) {
        const conn = outcome.open(meteredSink(sink, meter, user, deaf));
        return {
          id: conn.id,
          receive(data) {
            meter.frame(
              user,
              'out',
              typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength,
            );
            conn.receive(data);
          },
          closed: (code) => conn.closed(code),
          backlog: (bytes) => conn.backlog(bytes),
        };
      },
    };
  };
  return { ...hub, connect, testing: hub.testing, limits: hub.limits, jwtSecret: hub.jwtSecret };
}

let count = 0;

/** A supabase-js client for `user` on `hub`, metered by `meter`. */
export function meteredClient(
  hub: Hub,
  meter: WireMeter,
  user: string,
  deaf: boolean,
): SupabaseClient {
  count += 1;
  meter.opened(user);
  return createClient('http://loopback.localhost:54321', DEFAULT_ANON_KEY, {
    auth: {
      storageKey: `presence-kit-wire-${String(count)}`,
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
    },
    global: { fetch: loopbackFetch(hub) },
    realtime: { transport: loopbackTransport(meteredHub(hub, meter, user, deaf)) as never },
  });
}
