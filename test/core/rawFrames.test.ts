import { describe, expect, it, vi } from 'vitest';
import type { RealtimeChannel } from '@supabase/supabase-js';
import type { PresenceRoom } from '../../src/core/channel/PresenceRoom.js';
import { SupabaseView } from '../../src/core/queries/SupabaseView.js';
import type { SupabasePresenceEvent } from '../../src/core/types.js';
import { worldPerTest, settled, tick } from './helpers/loopback.js';

const world = worldPerTest();

/** Hands a decoded frame to the channel's Phoenix channel, as the socket does. */
function feed(channel: RealtimeChannel, event: string, payload: unknown): void {
  const ph = (
    channel as unknown as {
      channelAdapter: {
        channel: { joinRef(): string; trigger(e: string, p: unknown, r: null, j: string): void };
      };
    }
  ).channelAdapter.channel;
  ph.trigger(event, payload, null, ph.joinRef());
}

describe('raw presence frames in a live room', () => {
  it('builds the Supabase view only while someone listens', async () => {
    const build = vi.spyOn(SupabaseView, 'metas');
    const alice = world.person('alice');
    const room = await settled(alice.presence.join('room'));
    await settled(world.person('bob').presence.join('room'));
    await tick(200);
    expect(room.store.getState().occupancy).toBe(2);
    expect(build).not.toHaveBeenCalled();
    const heard: SupabasePresenceEvent[] = [];
    const off = room.onSupabasePresence('join', (payload) => heard.push(payload));
    room.onSupabasePresence('sync', (payload) => heard.push(payload));
    await settled(world.person('carol').presence.join('room'));
    await tick(200);
    const join = heard.find((e) => e.event === 'join');
    expect(join).toMatchObject({ event: 'join', key: 'carol', currentPresences: [] });
    const meta = join?.event === 'join' ? (join.newPresences[0] as Record<string, unknown>) : {};
    expect(meta).toHaveProperty('presence_ref');
    expect(meta).not.toHaveProperty('phx_ref');
    expect(heard.some((e) => e.event === 'sync')).toBe(true);
    off();
    build.mockClear();
    await settled(world.person('dave').presence.join('room'));
    await tick(200);
    expect(build).not.toHaveBeenCalled();
  });

  it('ignores a repeated join and a leave of an unknown ref without touching the store', async () => {
    const alice = world.person('alice');
    const room = await settled(alice.presence.join('room'));
    await settled(world.person('bob').presence.join('room'));
    await tick(200);
    const bobMetas = (room as PresenceRoom).frames.metas.get('bob') ?? [];
    expect(bobMetas).toHaveLength(1);
    const before = room.store.getState();
    const heard = alice.events.length;
    feed(room.channel, 'presence_diff', { joins: { bob: { metas: bobMetas } }, leaves: {} });
    feed(room.channel, 'presence_diff', {
      joins: {},
      leaves: { bob: { metas: [{ phx_ref: 'unknown' }] } },
    });
    await tick(100);
    expect(room.store.getState()).toBe(before);
    expect(alice.events.length).toBe(heard);
    expect(Object.keys(room.presenceState()).sort()).toEqual(['alice', 'bob']);
  });
});
