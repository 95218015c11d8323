import { act, cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { createPresence } from '../../src/core/facade/createPresence.js';
import type { Presence, PresenceOptions, UserState } from '../../src/core/types.js';
import { createLoopbackClient, type LoopbackClient } from '../../src/server/loopback/index.js';

const worlds: LoopbackClient[] = [];
const presences: Presence<UserState>[] = [];

afterEach(async () => {
  cleanup();
  await Promise.all(presences.splice(0).map((p) => p.destroy().catch(() => undefined)));
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

/** A fresh in-page server with a real supabase-js client on it; closed after the test. */
export function createWorld(): LoopbackClient {
  const world = createLoopbackClient();
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

/** The hub's count of `phx_join` frames for a topic. */
export function joinsOf(world: LoopbackClient, room: string): number {
  return world.hub.stats().topics[`realtime:${room}`]?.in.phx_join ?? 0;
}
