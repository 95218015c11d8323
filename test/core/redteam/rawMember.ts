import { DEFAULT_ANON_KEY } from '../../../src/server/hub/auth.js';
import type { Hub } from '../../../src/server/hub/types.js';
import { tick } from '../helpers/loopback.js';

/**
 * A hostile member on a bare hub socket (no supabase-js, so no client-side checks): it joins one
 * topic under a presence key of its choice, tracks any meta and broadcasts anything.
 */
export interface RawMember {
  /** Tracks `meta` under the member's key. */
  track(meta: Record<string, unknown>): void;
  /** Broadcasts `payload` as event `event` (a vsn 2.0.0 text push). */
  broadcast(event: string, payload: unknown): void;
  /** Every text frame the member received, parsed. */
  frames: unknown[][];
}

let refs = 0;

/** Opens a socket on `hub` and joins `room` with presence under `key`; settles on fake time. */
export async function rawMember(hub: Hub, room: string, key: string): Promise<RawMember> {
  const outcome = await hub.connect({ apikey: DEFAULT_ANON_KEY, vsn: '2.0.0' });
  if (!outcome.ok) throw new Error(outcome.error);
  const frames: unknown[][] = [];
  const conn = outcome.open({
    sendText: (text) => void frames.push(JSON.parse(text) as unknown[]),
    sendBinary: () => undefined,
    close: () => undefined,
  });
  const topic = `realtime:${room}`;
  const join = String(++refs);
  const send = (event: string, payload: unknown) =>
    conn.receive(JSON.stringify([join, String(++refs), topic, event, payload]));
  send('phx_join', { config: { presence: { key, enabled: false }, broadcast: { self: false } } });
  await tick(20);
  return {
    frames,
    track: (meta) => send('presence', { type: 'presence', event: 'track', payload: meta }),
    broadcast: (event, payload) => send('broadcast', { type: 'broadcast', event, payload }),
  };
}
