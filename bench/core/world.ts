/**
 * Real supabase-js channels on the in-page loopback server, for the core benchmark.
 *
 * Every channel is joined for real (phx_join, reply, server `presence_state`), so the kit's Room
 * is bound exactly as in production. Frames under test are then fed to the channel's underlying
 * Phoenix channel with `trigger(event, payload, null, joinRef)` — what the socket does after it
 * decoded a frame — with the channel's current join ref, for the kit and the peer alike.
 */
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { createPresence } from '../../src/core/index.js';
import type { Presence, PresenceOptions, Room } from '../../src/core/index.js';
import { createLoopbackClient } from '../../src/server/loopback/index.js';

/** The parts of `@supabase/phoenix`'s Channel the benchmark touches. */
export interface PhoenixChannel {
  topic: string;
  state: string;
  joinRef(): string;
  trigger(event: string, payload: unknown, ref?: string | null, joinRef?: string | null): void;
  bindings: { event: string; ref: number; callback: (...args: unknown[]) => unknown }[];
}

interface PhoenixPresence {
  state: Record<string, unknown>;
  pendingDiffs: unknown[];
  joinRef: string | null;
}

/** The Phoenix channel under a supabase-js channel (`channel.channelAdapter.channel`). */
export function phoenixOf(channel: RealtimeChannel): PhoenixChannel {
  return (channel as unknown as { channelAdapter: { channel: PhoenixChannel } }).channelAdapter
    .channel;
}

/** The Phoenix Presence under a supabase-js channel (what `presenceState()` clones). */
export function phoenixPresenceOf(channel: RealtimeChannel): PhoenixPresence {
  return (channel as unknown as { presence: { presenceAdapter: { presence: PhoenixPresence } } })
    .presence.presenceAdapter.presence;
}

/** Feeds one decoded frame to a channel the way the socket does. */
export function feed(channel: RealtimeChannel, event: string, payload: unknown): void {
  const ph = phoenixOf(channel);
  ph.trigger(event, payload, null, ph.joinRef());
}

export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function until(check: () => boolean, what: string, maxMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > maxMs) throw new Error(`bench setup: ${what} not within ${maxMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

export const SELF_ID = 'bench-self';

export function createWorld() {
  const lb = createLoopbackClient();
  const presences: Presence[] = [];
  const clients: SupabaseClient[] = [];
  let topics = 0;

  function client(): SupabaseClient {
    const c = lb.createClient() as unknown as SupabaseClient;
    clients.push(c);
    return c;
  }

  return {
    /** A kit (`createPresence`) on its own supabase-js client. */
    kit(options: PresenceOptions = {}): { presence: Presence; client: SupabaseClient } {
      const c = client();
      const presence = createPresence({ client: c, userId: SELF_ID, ...options });
      presences.push(presence);
      return { presence, client: c };
    },

    /**
     * Joins a kit room for real and waits until it is quiet: subscribed, its own track echoed back
     * by the server and applied.
     */
    async kitRoom(presence: Presence, name: string): Promise<Room> {
      const room = await presence.join(name, { initialState: { name: 'Me', status: 'online' } });
      await until(
        () => room.store.getState().self?.connections[0]?.presenceRef != null,
        'self track',
      );
      await tick();
      return room;
    },

    /**
     * Starts a kit join whose server `presence_state` is held back, so the first `presence_state`
     * the room sees is the one the benchmark feeds (a real first sync after join). Resolves once
     * the channel is joined and the server's echo of our own track sits in Phoenix's pending diffs
     * (Phoenix buffers diffs until a `presence_state` arrives).
     */
    async coldKitRoom(
      presence: Presence,
      c: SupabaseClient,
      name: string,
    ): Promise<{ channel: RealtimeChannel; joined: Promise<Room> }> {
      const joined = presence.join(name, { initialState: { name: 'Me', status: 'online' } });
      const channel = c.getChannels().find((ch) => ch.topic === `realtime:${name}`);
      if (!channel) throw new Error(`bench setup: no channel for ${name}`);
      // Hold back the server's presence_state by swapping the callbacks of its bindings once
      // (Phoenix Presence's and the kit's raw one; property writes on plain binding records: the
      // channel object is untouched).
      const bindings = phoenixOf(channel).bindings.filter((b) => b.event === 'presence_state');
      if (bindings.length === 0) throw new Error('bench setup: no presence_state binding');
      let held = false;
      for (const binding of bindings) {
        const original = binding.callback;
        binding.callback = () => {
          held = true;
          binding.callback = original;
        };
      }
      const ph = phoenixOf(channel);
      await until(
        () => held && ph.state === 'joined' && phoenixPresenceOf(channel).pendingDiffs.length > 0,
        'cold room join',
      );
      return { channel, joined };
    },

    /**
     * A plain supabase-js channel. `onSync` given: the pattern Supabase's docs teach
     * (`on('presence', { event: 'sync' }, () => channel.presenceState())`); omitted: a bare
     * channel with presence enabled and no presence listener (what supabase-js costs by itself).
     */
    async channel(onSync?: (channel: RealtimeChannel) => void): Promise<RealtimeChannel> {
      topics += 1;
      const ch = client().channel(`peer-${String(topics)}`, {
        config: { presence: { key: `peer-${String(topics)}`, enabled: true } },
      });
      if (onSync) ch.on('presence', { event: 'sync' }, () => onSync(ch));
      let subscribed = false;
      ch.subscribe((status) => {
        if (status === 'SUBSCRIBED') subscribed = true;
      });
      await until(
        () => subscribed && phoenixPresenceOf(ch).joinRef === phoenixOf(ch).joinRef(),
        'peer channel join',
      );
      await tick();
      return ch;
    },

    async close(): Promise<void> {
      await Promise.all(presences.map((p) => p.destroy()));
      await Promise.all(clients.map((c) => c.removeAllChannels()));
      lb.hub.close();
    },
  };
}

export type World = ReturnType<typeof createWorld>;
