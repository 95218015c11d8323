// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { isPresenceError } from '../../src/core/facade/PresenceError.js';
import type { PresenceOptions } from '../../src/core/index.js';
import type { LoopbackClient } from '../../src/server/loopback/index.js';
import {
  PresenceProvider,
  shallowEqual,
  useConnectionStatus,
  useOccupant,
  useOthers,
  usePresence,
  useSelf,
  useUserState,
  useWhereNow,
  useWhoNow,
} from '../../src/react/index.js';
import { addUser, createWorld } from './helpers.js';

type Mood = { mood: string; status: string };

function inLobby(
  world: LoopbackClient,
  initialState: Partial<Mood> = {},
  options: PresenceOptions = {},
) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <PresenceProvider
        client={world.client}
        userId="me"
        channel="lobby"
        initialState={initialState}
        options={options}
      >
        {children}
      </PresenceProvider>
    );
  };
}

/** Renders `hook` in the lobby and waits until we are subscribed. */
async function renderInLobby<T>(
  world: LoopbackClient,
  hook: () => T,
  initialState: Partial<Mood> = {},
  options: PresenceOptions = {},
) {
  const view = renderHook(() => ({ status: useConnectionStatus(), value: hook() }), {
    wrapper: inLobby(world, initialState, options),
  });
  await waitFor(() => expect(view.result.current.status).toBe('subscribed'));
  return view;
}

describe('usePresence', () => {
  it('starts from an empty idle room and then shows the joined room', async () => {
    const world = createWorld();
    await addUser(world, 'bob', 'lobby');
    const seen: string[] = [];
    const view = await renderInLobby(world, () => {
      const room = usePresence();
      seen.push(`${room.status}:${room.occupancy}`);
      return room;
    });
    expect(seen[0]).toBe('idle:0');
    await waitFor(() => expect(view.result.current.value.userIds).toEqual(['bob', 'me']));
    expect(view.result.current.value).toMatchObject({
      channelName: 'lobby',
      selfId: 'me',
      occupancy: 2,
    });
  });

  it('returns a selected slice', async () => {
    const world = createWorld();
    await addUser(world, 'bob', 'lobby');
    const view = await renderInLobby(world, () => usePresence((room) => room.occupancy));
    await waitFor(() => expect(view.result.current.value).toBe(2));
  });
});

describe('useSelf', () => {
  it('is null before the join, then our record with our initial state', async () => {
    const world = createWorld();
    const seen: unknown[] = [];
    const view = await renderInLobby(
      world,
      () => {
        const self = useSelf();
        seen.push(self);
        return self;
      },
      { mood: 'calm' },
    );
    expect(seen[0]).toBeNull();
    await waitFor(() => expect(view.result.current.value?.state).toEqual({ mood: 'calm' }));
    expect(view.result.current.value).toMatchObject({
      userId: 'me',
      isSelf: true,
      status: 'online',
    });
  });

  it('applies the selector to a present record only', async () => {
    const world = createWorld();
    const view = await renderInLobby(world, () => useSelf((self) => self.state.mood), {
      mood: 'calm',
    });
    await waitFor(() => expect(view.result.current.value).toBe('calm'));
  });
});

describe('useOthers', () => {
  it('lists everyone but us, sorted by id', async () => {
    const world = createWorld();
    await addUser(world, 'carol', 'lobby');
    await addUser(world, 'bob', 'lobby');
    const view = await renderInLobby(world, () => useOthers());
    await waitFor(() =>
      expect(view.result.current.value.map((o) => o.userId)).toEqual(['bob', 'carol']),
    );
    expect(view.result.current.value.every((o) => !o.isSelf)).toBe(true);
  });

  it('keeps the same array across renders while nobody changes', async () => {
    const world = createWorld();
    await addUser(world, 'bob', 'lobby');
    const view = await renderInLobby(world, () => useOthers());
    await waitFor(() => expect(view.result.current.value).toHaveLength(1));
    const before = view.result.current.value;
    view.rerender();
    expect(view.result.current.value).toBe(before);
  });

  it('follows leaves, and selects with an equality', async () => {
    const world = createWorld();
    await addUser(world, 'bob', 'lobby');
    const carol = await addUser(world, 'carol', 'lobby');
    const view = await renderInLobby(
      world,
      () => useOthers((o) => o.map((u) => u.userId), shallowEqual),
      {},
      { debounceMs: 0 },
    );
    await waitFor(() => expect(view.result.current.value).toEqual(['bob', 'carol']));
    await carol.leave('lobby');
    await waitFor(() => expect(view.result.current.value).toEqual(['bob']));
  });
});

describe('useOccupant', () => {
  it("returns that user's record, following their changes", async () => {
    const world = createWorld();
    const bob = await addUser<Mood>(world, 'bob', 'lobby', { mood: 'calm' });
    const view = await renderInLobby(world, () => useOccupant('bob'));
    await waitFor(() => expect(view.result.current.value?.state).toEqual({ mood: 'calm' }));
    await bob.setState('lobby', { mood: 'busy' });
    await waitFor(() => expect(view.result.current.value?.state).toEqual({ mood: 'busy' }));
    expect(view.result.current.value).toMatchObject({
      userId: 'bob',
      isSelf: false,
      status: 'online',
    });
  });

  it('is undefined for someone who is not here, and selects from a present record', async () => {
    const world = createWorld();
    await addUser<Mood>(world, 'bob', 'lobby', { mood: 'calm' });
    const view = await renderInLobby(world, () => ({
      nobody: useOccupant('nobody'),
      bobsMood: useOccupant('bob', (o) => o.state.mood),
    }));
    await waitFor(() => expect(view.result.current.value.bobsMood).toBe('calm'));
    expect(view.result.current.value.nobody).toBeUndefined();
  });
});

describe('useUserState', () => {
  it('gives our state and setters that merge and remove keys', async () => {
    const world = createWorld();
    const bob = await addUser(world, 'bob', 'lobby');
    const view = await renderInLobby(world, () => useUserState<Mood>(), { mood: 'calm' });
    const [, actions] = view.result.current.value;
    await act(() => actions.setState({ status: 'busy' }));
    expect(view.result.current.value[0]).toEqual({ mood: 'calm', status: 'busy' });
    await act(() => actions.removeState({ states: ['mood'] }));
    expect(view.result.current.value[0]).toEqual({ status: 'busy' });
    expect(view.result.current.value[1]).toBe(actions); // stable setters
    const bobsView = bob.getRoom('lobby')!.store;
    await waitFor(() =>
      expect(bobsView.getState().occupants.get('me')?.state).toEqual({ status: 'busy' }),
    );
  });

  it('rejects a non-string value with Agora’s error', async () => {
    const world = createWorld();
    const view = await renderInLobby(world, () => useUserState());
    const error = await view.result.current.value[1]
      .setState({ mood: 42 as unknown as string })
      .catch((e: unknown) => e);
    expect(isPresenceError(error) && error.code).toBe('INVALID_STATE_VALUE');
  });

  it("returns another user's state, or undefined when they are absent", async () => {
    const world = createWorld();
    const bob = await addUser<Mood>(world, 'bob', 'lobby', { mood: 'calm' });
    const view = await renderInLobby(world, () => ({
      bob: useUserState<Mood>('bob'),
      bobsMood: useUserState<Mood, string | undefined>('bob', (s) => s.mood),
      nobody: useUserState('nobody'),
    }));
    await waitFor(() => expect(view.result.current.value.bob).toEqual({ mood: 'calm' }));
    await bob.setState('lobby', { mood: 'busy' });
    await waitFor(() => expect(view.result.current.value.bobsMood).toBe('busy'));
    expect(view.result.current.value.nobody).toBeUndefined();
  });
});

describe('useWhoNow', () => {
  it('pages through the room with bookmarks, with states on request', async () => {
    const world = createWorld();
    for (const id of ['ann', 'bob', 'cat', 'dan']) await addUser(world, id, 'lobby', { mood: id });
    let page = '';
    const view = await renderInLobby(world, () =>
      useWhoNow({ page, pageSize: 2, includedState: true }),
    );
    await waitFor(() => expect(view.result.current.value.totalOccupancy).toBe(5));
    const first = view.result.current.value;
    expect(first.occupants).toEqual([
      { userId: 'ann', states: { mood: 'ann' }, statesCount: 1 },
      { userId: 'bob', states: { mood: 'bob' }, statesCount: 1 },
    ]);
    page = first.nextPage;
    view.rerender();
    expect(view.result.current.value.occupants.map((o) => o.userId)).toEqual(['cat', 'dan']);
    page = view.result.current.value.nextPage;
    view.rerender();
    expect(view.result.current.value.occupants.map((o) => o.userId)).toEqual(['me']);
    expect(view.result.current.value.nextPage).toBe('');
  });

  it('stays live and counts only when asked for neither ids nor states', async () => {
    const world = createWorld();
    const view = await renderInLobby(world, () => useWhoNow({ includedUserId: false }));
    await waitFor(() =>
      expect(view.result.current.value).toEqual({ totalOccupancy: 1, occupants: [], nextPage: '' }),
    );
    await addUser(world, 'bob', 'lobby');
    await waitFor(() => expect(view.result.current.value.totalOccupancy).toBe(2));
  });
});

describe('useWhereNow', () => {
  it('lists our own channels exactly', async () => {
    const world = createWorld();
    const view = await renderInLobby(world, () => useWhereNow('me'));
    await waitFor(() =>
      expect(view.result.current.value.data?.channels).toEqual([
        { channelName: 'lobby', channelType: 'MESSAGE' },
      ]),
    );
    expect(view.result.current.value).toMatchObject({ error: null, isFetching: false });
  });

  it('finds another user in the rooms we share, and maps the result with a selector', async () => {
    const world = createWorld();
    await addUser(world, 'bob', 'lobby');
    const view = await renderInLobby(world, () =>
      useWhereNow('bob', (r) => r.channels.map((c) => c.channelName)),
    );
    await waitFor(() => expect(view.result.current.value.data).toEqual(['lobby']));
  });

  it('looks again on refetch and keeps equal data identical', async () => {
    const world = createWorld();
    const view = await renderInLobby(world, () => useWhereNow('me'));
    await waitFor(() => expect(view.result.current.value.data?.totalChannel).toBe(1));
    const before = view.result.current.value.data;
    act(() => view.result.current.value.refetch());
    expect(view.result.current.value.isFetching).toBe(true);
    await waitFor(() => expect(view.result.current.value.isFetching).toBe(false));
    expect(view.result.current.value.data).toBe(before);
  });
});

describe('useConnectionStatus', () => {
  it('goes from idle to subscribed, and to reconnecting when our socket drops', async () => {
    const world = createWorld();
    const seen: string[] = [];
    const view = renderHook(
      () => {
        const status = useConnectionStatus();
        if (seen.at(-1) !== status) seen.push(status);
        return { status, online: useConnectionStatus((s) => s === 'subscribed') };
      },
      { wrapper: inLobby(world) },
    );
    await waitFor(() => expect(view.result.current.online).toBe(true));
    world.hub.testing.dropSocket(() => true);
    await waitFor(() => expect(seen).toContain('reconnecting'));
    await waitFor(() => expect(view.result.current.status).toBe('subscribed'), { timeout: 10_000 });
    expect(seen.slice(0, 3)).toEqual(['idle', 'connecting', 'subscribed']);
  });
});
