import { act, cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import { createPresence } from '../../src/core/index.js';
import type { Presence, PresenceOptions, Room, UserState } from '../../src/core/index.js';
import { PresenceProvider } from '../../src/react/index.js';
import { createLoopbackClient, type LoopbackClient } from '../../src/server/loopback/index.js';

/** Advances fake time, and lets React commit what the frames it delivers cause. */
export async function tick(ms = 50): Promise<void> {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

/** Advances fake time in small steps until `promise` settles; returns its outcome. */
export async function settled<T>(promise: Promise<T>, maxMs = 30_000): Promise<T> {
  let done = false;
  const mark = () => (done = true);
  promise.then(mark, mark);
  for (let waited = 0; !done && waited < maxMs; waited += 10) await tick(10);
  if (!done) throw new Error(`promise did not settle within ${maxMs} ms of fake time`);
  return promise;
}

/** One simulated user: a real supabase-js client on the loopback hub, joined to the room. */
export interface SimUser {
  presence: Presence;
  room: Room;
}

/**
 * A fresh loopback hub per test on fake timers, with helpers to add simulated users and to render
 * components inside a `<PresenceProvider>` of our own ("me"). Everything is torn down after each test.
 */
export function roomPerTest(channel = 'room') {
  let world: LoopbackClient | undefined;
  const presences: Presence[] = [];
  beforeEach(async () => {
    vi.useFakeTimers();
    world = createLoopbackClient();
    // WebCrypto (the JWT check) does not run on fake timers: verify the key once for real, and
    // every later check hits the hub's cache.
    await world.hub.connect({ apikey: world.anonKey, vsn: '2.0.0' });
  });
  afterEach(async () => {
    cleanup();
    await settled(Promise.all(presences.splice(0).map((p) => p.destroy().catch(() => {}))));
    await settled(world!.close());
    world = undefined;
    vi.useRealTimers();
  });
  const hub = () => world!.hub;
  return {
    hub,
    /** Presence calls (track/untrack) the hub received on the room so far. */
    presenceCalls: () => hub().stats().topics[`realtime:${channel}`]?.in.presence ?? 0,
    /** Joins `userId` (a new tab when the id repeats) with `state`. */
    async user(
      userId: string,
      state: UserState = {},
      options: PresenceOptions = {},
    ): Promise<SimUser> {
      const presence = createPresence({ ...options, client: world!.createClient(), userId });
      presences.push(presence);
      const room = await settled(presence.join(channel, { initialState: state }));
      return { presence, room };
    },
    /** Renders `ui` for user "me" (with `state`) in the room, then lets the join settle. */
    async render(
      ui: ReactNode,
      state: UserState = {},
      userId = 'me',
      options: PresenceOptions = {},
    ) {
      const view = render(
        <PresenceProvider
          client={world!.createClient()}
          userId={userId}
          channel={channel}
          initialState={state}
          options={options}
        >
          {ui}
        </PresenceProvider>,
      );
      await tick(300);
      return view;
    },
  };
}
