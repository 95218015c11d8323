import { act, cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { createPresence } from '../../src/core/facade/createPresence.js';
import type { Presence, PresenceOptions, UserState } from '../../src/core/index.js';
import { createLoopbackClient, type LoopbackClient } from '../../src/server/loopback/index.js';

const worlds: LoopbackClient[] = [];
const presences: Presence<UserState>[] = [];
const joinCounts = new WeakMap<LoopbackClient, Map<string, number>>();

afterEach(async () => {
  cleanup();
  await Promise.all(presences.splice(0).map((p) => p.destroy().catch(() => undefined)));
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

/** A fresh in-page server with a real supabase-js client on it; closed after the test. */
export function createWorld(): LoopbackClient {
  const world = createLoopbackClient();
  // The hub's per-topic stats go with their room; count joins for the whole test with a tap.
  const joins = new Map<string, number>();
  world.hub.testing.onFrame((dir, _socket, f) => {
    if (dir === 'in' && f.event === 'phx_join') joins.set(f.topic, (joins.get(f.topic) ?? 0) + 1);
  });
  joinCounts.set(world, joins);
  worlds.push(world);
  return world;
}

/** Another user on the same hub, joined to `room` with `state`; destroyed after the test. */
export async function addUser<S extends UserState>(
  world: LoopbackClient,
  userId: string,
  room: string,
  state: Partial<S> = {},
  options: PresenceOptions = {},
): Promise<Presence<S>> {
  const presence = createPresence<S>({ ...options, client: world.createClient(), userId });
  presences.push(presence as Presence<UserState>);
  await presence.join(room, { initialState: state });
  return presence;
}

/** Lets pending promises, microtasks and the React work they cause settle. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** `phx_join` frames the hub received for a topic since the world was created. */
export function joinsOf(world: LoopbackClient, room: string): number {
  return joinCounts.get(world)?.get(`realtime:${room}`) ?? 0;
}
