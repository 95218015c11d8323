// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPresence } from '../../src/core/index.js';
import type { Presence } from '../../src/core/index.js';
import { createLoopbackClient, type LoopbackClient } from '../../src/server/loopback/index.js';
import {
  PresenceProvider,
  useConnectionStatus,
  usePresence,
  useRejoin,
  useUserState,
} from '../../src/react/index.js';

const TOO_MANY = 'Too many messages per second';
const worlds: LoopbackClient[] = [];
const presences: Presence[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(presences.splice(0).map((p) => p.destroy()));
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

/** A tenant of 5 events per second (60 s average) that a flood has just pushed over. */
async function floodedWorld(): Promise<LoopbackClient> {
  const world = createLoopbackClient({ hubOptions: { limits: { maxEventsPerSecond: 5 } } });
  worlds.push(world);
  const flooder = world.createClient().channel('flood');
  await new Promise<void>((resolve) =>
    flooder.subscribe((status) => status === 'SUBSCRIBED' && resolve()),
  );
  for (let i = 0; i < 400 && flooder.state === 'joined'; i += 1)
    void flooder.send({ type: 'broadcast', event: 'spam', payload: { i } });
  await act(async () => {
    while ((world.hub.stats().shutdowns[TOO_MANY] ?? 0) === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
  });
  return world;
}

function Controls() {
  const status = useConnectionStatus();
  const code = usePresence((room) => room.lastError?.code ?? 'none');
  const [mine, { setState }] = useUserState<{ mood: string }>();
  const rejoin = useRejoin();
  return (
    <>
      <p>
        {status}:{code}:{mine.mood}
      </p>
      <button onClick={() => void setState({ mood: String(Number(mine.mood ?? 0) + 1) })}>
        change
      </button>
      <button onClick={() => void rejoin()}>rejoin</button>
    </>
  );
}

describe('after the server shut the room down', () => {
  it('shows closed, and useRejoin() brings the same room back with our state', async () => {
    const world = await floodedWorld();
    const bob = createPresence({ client: world.createClient(), userId: 'bob' });
    presences.push(bob);
    const bobRoom = await bob.join('calm');
    render(
      <PresenceProvider
        client={world.client}
        userId="ann"
        channel="calm"
        initialState={{ mood: '1' }}
        options={{ autoRejoin: false }}
      >
        <Controls />
      </PresenceProvider>,
    );
    await screen.findByText('subscribed:none:1');
    // Our next change is more traffic on the flooded tenant: the room is shut down.
    act(() => screen.getByText('change').click());
    await screen.findByText('closed:CHANNEL_SHUTDOWN:2');
    act(() => screen.getByText('change').click()); // kept while closed
    await screen.findByText('closed:CHANNEL_SHUTDOWN:3');

    act(() => screen.getByText('rejoin').click());
    await screen.findByText(/^subscribed:.*:3$/, {}, { timeout: 10_000 });
    await act(async () => {
      while (bobRoom.store.getState().occupants.get('ann')?.state.mood !== '3')
        await new Promise((resolve) => setTimeout(resolve, 5));
    });
  });

  it('comes back by itself after a rate-limit shutdown', async () => {
    const world = await floodedWorld();
    render(
      <PresenceProvider
        client={world.client}
        userId="ann"
        channel="calm"
        initialState={{ mood: '1' }}
      >
        <Controls />
      </PresenceProvider>,
    );
    await screen.findByText('subscribed:none:1');
    act(() => screen.getByText('change').click());
    await screen.findByText('closed:CHANNEL_SHUTDOWN:2');
    // Backoff starts at 0.5–1 s.
    await screen.findByText(/^subscribed:.*:2$/, {}, { timeout: 10_000 });
    expect(world.hub.stats().shutdowns[TOO_MANY]).toBeGreaterThanOrEqual(2);
  });
});
