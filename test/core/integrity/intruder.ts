import type { RealtimeChannel } from '@supabase/supabase-js';
import type { World } from '../helpers/loopback.js';
import { until } from '../helpers/loopback.js';

/** A broadcast the intruder heard. */
export interface Heard {
  event: string;
  payload: Record<string, unknown>;
}

/** A raw supabase-js client in the room: what any holder of the anon key can run. */
export interface Intruder {
  channel: RealtimeChannel;
  /** Every broadcast it heard (the kit's `pk:` events included). */
  heard: Heard[];
  send(event: string, payload: Record<string, unknown>): Promise<unknown>;
  /** The first meta it sees under `key`, without Supabase's `presence_ref`. */
  metaOf(key: string): Record<string, unknown>;
  /** Tracks `meta` under its own presence key. */
  track(meta: Record<string, unknown>): Promise<unknown>;
}

/**
 * Joins `room` with a bare supabase-js channel, presence on under `key` (nothing is tracked
 * until `track`), listening to every broadcast.
 */
export async function intruder(world: World, room: string, key = 'mallory'): Promise<Intruder> {
  const channel = world.rawClient().channel(room, { config: { presence: { key, enabled: true } } });
  const heard: Heard[] = [];
  channel.on('broadcast', { event: '*' }, (message: Record<string, unknown>) => {
    heard.push({
      event: String(message.event),
      payload: message.payload as Record<string, unknown>,
    });
  });
  channel.subscribe();
  await until(() => channel.state === 'joined');
  return {
    channel,
    heard,
    send: (event, payload) => channel.send({ type: 'broadcast', event, payload }),
    metaOf: (userKey) => {
      const meta = channel.presenceState()[userKey]?.[0] as Record<string, unknown> | undefined;
      if (!meta) throw new Error(`the intruder sees no meta under ${userKey}`);
      const { presence_ref: _ref, ...rest } = meta;
      return rest;
    },
    track: (meta) => channel.track(meta),
  };
}
