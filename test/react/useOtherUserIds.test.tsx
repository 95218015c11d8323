// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { memo } from 'react';
import { describe, expect, it } from 'vitest';
import { createLoopbackClient } from '../../src/server/loopback/index.js';
import {
  PresenceProvider,
  createPresenceContext,
  useOccupant,
  useOtherUserIds,
  useUserState,
  type UserStateActions,
} from '../../src/react/index.js';
import { CROWD_LIMITS, crowd } from './crowd.js';
import { addUser, createWorld, flush } from './helpers.js';

type Mood = { mood: string };

function counted() {
  const renders = new Map<string, number>();
  const bump = (key: string) => renders.set(key, (renders.get(key) ?? 0) + 1);
  const Row = memo(function Row({ userId }: { userId: string }) {
    const mood = useOccupant<Mood, string | undefined>(userId, (o) => o.state.mood);
    bump(userId);
    return (
      <li>
        {userId}:{mood}
      </li>
    );
  });
  let lastIds: readonly string[] = [];
  // `from`/`to` render a window of rows, as a virtualised list does at 10,000.
  function List({ from = 0, to = Infinity }: { from?: number; to?: number }) {
    const ids = useOtherUserIds();
    lastIds = ids;
    bump('list');
    return (
      <ul>
        <li>count:{ids.length}</li>
        {ids.slice(from, to).map((id) => (
          <Row key={id} userId={id} />
        ))}
      </ul>
    );
  }
  let actions: UserStateActions<Mood> | null = null;
  function Me() {
    const [mine, set] = useUserState<Mood>();
    actions = set;
    return <p>me:{mine.mood}</p>;
  }
  return {
    renders,
    List,
    Me,
    ids: () => lastIds,
    me: () => actions!,
    count: (key: string) => renders.get(key) ?? 0,
  };
}

describe('useOtherUserIds', () => {
  it('lists the others sorted, without us, and re-renders the list only on membership', async () => {
    const world = createWorld();
    await addUser<Mood>(world, 'cat', 'lobby', { mood: 'cat-1' });
    const ann = await addUser<Mood>(world, 'ann', 'lobby', { mood: 'ann-1' });
    const view = counted();
    render(
      <PresenceProvider
        client={world.client}
        userId="bob"
        channel="lobby"
        initialState={{ mood: 'b' }}
      >
        <view.Me />
        <view.List />
      </PresenceProvider>,
    );
    await screen.findByText('cat:cat-1');
    await screen.findByText('me:b');
    expect(view.ids()).toEqual(['ann', 'cat']);
    const first = view.ids();
    const listRenders = view.count('list');

    await ann.setState('lobby', { mood: 'ann-2' });
    await screen.findByText('ann:ann-2');
    await view.me().setState({ mood: 'b2' });
    await screen.findByText('me:b2');
    await flush();
    expect(view.count('list')).toBe(listRenders);
    expect(view.ids()).toBe(first);

    await addUser<Mood>(world, 'bea', 'lobby', { mood: 'bea-1' });
    await screen.findByText('bea:bea-1');
    expect(view.ids()).toEqual(['ann', 'bea', 'cat']);
    expect(view.count('list')).toBe(listRenders + 1);
  });

  it('renders no list and one row for a state change at 10,000 occupants', async () => {
    const world = createLoopbackClient({ hubOptions: { limits: CROWD_LIMITS } });
    try {
      const members = await crowd(world, 'big', 10_000);
      const view = counted();
      render(
        <PresenceProvider client={world.client} userId="me" channel="big">
          <view.List from={4300} to={4350} />
        </PresenceProvider>,
      );
      await screen.findByText('count:10000', {}, { timeout: 15_000 });
      await screen.findByText('u04321:u04321-1');
      const listRenders = view.count('list');
      const rowRenders = view.count('u04321');
      const otherRow = view.count('u04301');
      const ids = view.ids();

      members[4320]!.track({ mood: 'changed' });
      await screen.findByText('u04321:changed');
      await flush();
      expect(view.count('list')).toBe(listRenders);
      expect(view.ids()).toBe(ids);
      expect(view.count('u04321')).toBe(rowRenders + 1);
      expect(view.count('u04301')).toBe(otherRow);
      expect(otherRow).toBeGreaterThan(0);
    } finally {
      await world.close();
    }
  }, 60_000);

  it('is part of the typed bindings', async () => {
    const world = createWorld();
    await addUser<Mood>(world, 'ann', 'typed', { mood: 'a' });
    const typed = createPresenceContext<Mood>();
    function Ids() {
      return <p>ids:{typed.useOtherUserIds().join(',')}</p>;
    }
    render(
      <typed.PresenceProvider client={world.client} userId="me" channel="typed">
        <Ids />
      </typed.PresenceProvider>,
    );
    await waitFor(() => expect(screen.getByText('ids:ann')).toBeTruthy());
  });
});
