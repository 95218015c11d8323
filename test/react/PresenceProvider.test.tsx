// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { createPresence } from '../../src/core/facade/createPresence.js';
import {
  PresenceProvider,
  useConnectionStatus,
  usePresence,
  useSelf,
  useUserState,
} from '../../src/react/index.js';
import { addUser, createWorld, flush, joinsOf } from './helpers.js';

function Status() {
  const status = useConnectionStatus();
  const mood = useSelf((self) => self.state.mood);
  return (
    <p>
      status:{status} mood:{mood ?? 'none'}
    </p>
  );
}

describe('PresenceProvider', () => {
  it('joins the channel once and shows us with our initial state', async () => {
    const world = createWorld();
    render(
      <PresenceProvider
        client={world.client}
        userId="me"
        channel="lobby"
        initialState={{ mood: 'calm' }}
      >
        <Status />
      </PresenceProvider>,
    );
    await screen.findByText('status:subscribed mood:calm');
    expect(world.client.getChannels()).toHaveLength(1);
    expect(joinsOf(world, 'lobby')).toBe(1);
  });

  it('opens exactly one channel and sends one join under StrictMode', async () => {
    const world = createWorld();
    const view = render(
      <StrictMode>
        <PresenceProvider client={world.client} userId="me" channel="lobby">
          <Status />
        </PresenceProvider>
      </StrictMode>,
    );
    await screen.findByText(/status:subscribed/);
    expect(world.client.getChannels()).toHaveLength(1);
    expect(joinsOf(world, 'lobby')).toBe(1);
    expect(world.hub.stats().channels).toBe(1);
    view.unmount();
    await waitFor(() => expect(world.hub.stats().channels).toBe(0));
    expect(world.client.getChannels()).toHaveLength(0);
  });

  it('joins a given presence once under StrictMode', async () => {
    const world = createWorld();
    const presence = createPresence({ client: world.client, userId: 'me' });
    const view = render(
      <StrictMode>
        <PresenceProvider presence={presence} channel="lobby">
          <Status />
        </PresenceProvider>
      </StrictMode>,
    );
    await screen.findByText(/status:subscribed/);
    expect(world.client.getChannels()).toHaveLength(1);
    expect(joinsOf(world, 'lobby')).toBe(1);
    view.unmount();
    await waitFor(() => expect(world.hub.stats().channels).toBe(0));
    await presence.destroy();
  });

  it('leaves the room on unmount, so others see us go', async () => {
    const world = createWorld();
    const bob = await addUser(world, 'bob', 'lobby', {}, { debounceMs: 0 });
    const view = render(
      <PresenceProvider client={world.client} userId="me" channel="lobby">
        <Status />
      </PresenceProvider>,
    );
    const bobsRoom = bob.getRoom('lobby')!;
    await waitFor(() => expect(bobsRoom.store.getState().occupants.has('me')).toBe(true));
    view.unmount();
    await waitFor(() => expect(world.client.getChannels()).toHaveLength(0));
    await waitFor(() => expect(bobsRoom.store.getState().occupants.has('me')).toBe(false));
  });

  it('joins and leaves on a presence it was given, without destroying it', async () => {
    const world = createWorld();
    const presence = createPresence({ client: world.client, userId: 'me' });
    const view = render(
      <PresenceProvider presence={presence} channel="lobby">
        <Status />
      </PresenceProvider>,
    );
    await screen.findByText(/status:subscribed/);
    expect(presence.getRoom('lobby')).toBeDefined();
    view.unmount();
    await waitFor(() => expect(world.client.getChannels()).toHaveLength(0));
    expect(presence.getRoom('lobby')).toBeUndefined();
    // Still usable: the provider only gave back its own join.
    await presence.join('elsewhere');
    expect(presence.getRoom('elsewhere')?.store.getState().status).toBe('subscribed');
    await presence.destroy();
  });

  it('moves to another room when the channel prop changes', async () => {
    const world = createWorld();
    const view = render(
      <PresenceProvider client={world.client} userId="me" channel="one">
        <Status />
      </PresenceProvider>,
    );
    await screen.findByText(/status:subscribed/);
    view.rerender(
      <PresenceProvider client={world.client} userId="me" channel="two">
        <Status />
      </PresenceProvider>,
    );
    await waitFor(() =>
      expect(world.client.getChannels().map((c) => c.topic)).toEqual(['realtime:two']),
    );
    await screen.findByText(/status:subscribed/);
    expect(joinsOf(world, 'one')).toBe(1);
    expect(joinsOf(world, 'two')).toBe(1);
  });

  it('keeps the room through a remount in one commit, without a rejoin', async () => {
    const world = createWorld();
    const seen: string[] = [];
    function Probe() {
      const status = useConnectionStatus();
      seen.push(status);
      return <p>status:{status}</p>;
    }
    const app = (key: string) => (
      <PresenceProvider key={key} client={world.client} userId="me" channel="lobby">
        <Probe />
      </PresenceProvider>
    );
    const view = render(app('a'));
    await screen.findByText('status:subscribed');
    seen.length = 0;
    view.rerender(app('b')); // a new provider instance replaces the old one
    await flush();
    // The new instance starts empty (`idle`) like any first render, then has the same room back.
    expect(seen.at(-1)).toBe('subscribed');
    expect(seen).not.toContain('connecting');
    expect(joinsOf(world, 'lobby')).toBe(1);
    expect(world.client.getChannels()).toHaveLength(1);
  });

  it('shares one join between two providers of the same user and channel', async () => {
    const world = createWorld();
    const view = render(
      <>
        <PresenceProvider client={world.client} userId="me" channel="lobby">
          <Status />
        </PresenceProvider>
        <PresenceProvider client={world.client} userId="me" channel="lobby">
          <Status />
        </PresenceProvider>
      </>,
    );
    await waitFor(() => expect(screen.getAllByText(/status:subscribed/)).toHaveLength(2));
    expect(joinsOf(world, 'lobby')).toBe(1);
    view.unmount();
    await waitFor(() => expect(world.client.getChannels()).toHaveLength(0));
  });

  it('applies a setState made in a child effect before the provider connected', async () => {
    const world = createWorld();
    function SetOnMount() {
      const [, { setState }] = useUserState();
      useEffect(() => void setState({ mood: 'eager' }), [setState]);
      return null;
    }
    render(
      <PresenceProvider client={world.client} userId="me" channel="lobby">
        <SetOnMount />
        <Status />
      </PresenceProvider>,
    );
    await screen.findByText('status:subscribed mood:eager');
  });

  it('shows a join the engine refused before it had a room as an error', async () => {
    const world = createWorld();
    function Failure() {
      const status = useConnectionStatus();
      const code = usePresence((room) => room.lastError?.code ?? 'none');
      return (
        <p>
          {status}:{code}
        </p>
      );
    }
    render(
      <PresenceProvider client={world.client} userId="me" channel="">
        <Failure />
      </PresenceProvider>,
    );
    await screen.findByText('error:INVALID_ARGUMENT');
    expect(world.client.getChannels()).toHaveLength(0);
  });

  it('tells you when a hook is used outside a provider', () => {
    const spy = console.error;
    console.error = () => undefined; // React logs the thrown render error
    try {
      expect(() => render(<Status />)).toThrow(/inside <PresenceProvider>/);
    } finally {
      console.error = spy;
    }
  });

  it('never joins for a provider that unmounted while an earlier leave was in flight', async () => {
    const world = createWorld();
    const presence = createPresence({ client: world.client, userId: 'me' });
    // Hold the first leave open, as a slow network would.
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const leave = presence.leave.bind(presence);
    presence.leave = async (channel: string) => {
      await gate;
      return leave(channel);
    };
    const app = (
      <PresenceProvider presence={presence} channel="lobby">
        <Status />
      </PresenceProvider>
    );
    const first = render(app);
    await screen.findByText(/status:subscribed/);
    first.unmount();
    await flush(); // the first leave starts, and hangs
    const second = render(app); // its join must wait for the first leave
    await flush();
    second.unmount();
    await flush();
    openGate();
    await waitFor(() => expect(world.client.getChannels()).toHaveLength(0));
    await flush();
    expect(joinsOf(world, 'lobby')).toBe(1);
    expect(presence.getRoom('lobby')).toBeUndefined();
    await presence.destroy();
  });

  it('leaks no channel after 1,000 mount/unmount cycles', async () => {
    const world = createWorld();
    const presence = createPresence({ client: world.client, userId: 'given' });
    const app = (i: number) =>
      i % 2 === 0 ? (
        <PresenceProvider client={world.client} userId="me" channel="lobby">
          <Status />
        </PresenceProvider>
      ) : (
        <PresenceProvider presence={presence} channel="lobby">
          <Status />
        </PresenceProvider>
      );
    for (let i = 0; i < 1000; i += 1) {
      const view = render(app(i));
      // Mostly unmount while the join is still on its way; now and then once it is in.
      if (i % 50 === 0) await screen.findByText(/status:subscribed/);
      else await flush();
      view.unmount();
      await flush();
    }
    await waitFor(() => expect(world.client.getChannels()).toHaveLength(0));
    await waitFor(() => expect(world.hub.stats().channels).toBe(0));
    expect(world.hub.testing.inspect().sockets.flatMap((s) => s.channels)).toEqual([]);
    expect(presence.getRoom('lobby')).toBeUndefined();
    await presence.destroy();
  }, 60_000); // a thousand real joins and leaves: give a busy CI room
});
