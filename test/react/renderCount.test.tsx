// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { memo } from 'react';
import { describe, expect, it } from 'vitest';
import type { LoopbackClient } from '../../src/server/loopback/index.js';
import {
  PresenceProvider,
  shallowEqual,
  useConnectionStatus,
  useOccupant,
  useOthers,
} from '../../src/react/index.js';
import { addUser, createWorld } from './helpers.js';

type Mood = { mood: string };
const USERS = ['ann', 'bob', 'cat', 'dan', 'eve'];

function track() {
  const renders = new Map<string, number>();
  const bump = (key: string) => renders.set(key, (renders.get(key) ?? 0) + 1);
  const Row = memo(function Row({ userId }: { userId: string }) {
    const occupant = useOccupant<Mood>(userId);
    bump(userId);
    return (
      <li>
        {userId}:{occupant?.state.mood}
      </li>
    );
  });
  function List() {
    const ids = useOthers((others) => others.map((o) => o.userId), shallowEqual);
    bump('list');
    return (
      <ul>
        {ids.map((id) => (
          <Row key={id} userId={id} />
        ))}
      </ul>
    );
  }
  function Status() {
    return <p>status:{useConnectionStatus()}</p>;
  }
  return { renders, List, Status, snapshot: () => new Map(renders) };
}

async function roomOf(world: LoopbackClient) {
  const users = [];
  for (const id of USERS) users.push(await addUser<Mood>(world, id, 'lobby', { mood: `${id}-1` }));
  return users;
}

function rendersSince(
  before: Map<string, number>,
  after: Map<string, number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, count] of after)
    if (count !== (before.get(key) ?? 0)) out[key] = count - (before.get(key) ?? 0);
  return out;
}

describe('render counts', () => {
  it("re-renders only the changed user's row when one user's state changes", async () => {
    const world = createWorld();
    const users = await roomOf(world);
    const { List, Status, snapshot } = track();
    render(
      <PresenceProvider client={world.client} userId="me" channel="lobby">
        <Status />
        <List />
      </PresenceProvider>,
    );
    for (const id of USERS) await screen.findByText(`${id}:${id}-1`);
    await screen.findByText('status:subscribed');
    const before = snapshot();
    await users[2]!.setState('lobby', { mood: 'cat-2' });
    await screen.findByText('cat:cat-2');
    const changed = rendersSince(before, snapshot());
    expect(Object.keys(changed)).toEqual(['cat']);
  });

  it('re-renders no row and not the list when we rejoin and nobody changed', async () => {
    const world = createWorld();
    await roomOf(world);
    const { List, Status, snapshot } = track();
    render(
      // Others turn `stale` if our reconnect outlasts `staleAfterMs`: a real, visible change.
      // This test is about the rejoin itself, so keep that out of it.
      <PresenceProvider
        client={world.client}
        userId="me"
        channel="lobby"
        options={{ staleAfterMs: 60_000 }}
      >
        <Status />
        <List />
      </PresenceProvider>,
    );
    for (const id of USERS) await screen.findByText(`${id}:${id}-1`);
    await screen.findByText('status:subscribed');
    const joinsBefore = world.hub.stats().topics['realtime:lobby']?.in.phx_join ?? 0;
    const before = snapshot();
    const mine = world.hub.testing
      .inspect()
      .sockets.find((s) => s.channels.some((c) => c.presenceKey === 'me'));
    expect(world.hub.testing.dropSocket(mine!.id)).toBe(1);
    await screen.findByText('status:reconnecting');
    await screen.findByText('status:subscribed', {}, { timeout: 10_000 });
    // The rejoin reached the server and its presence_state came back...
    expect(world.hub.stats().topics['realtime:lobby']?.in.phx_join).toBe(joinsBefore + 1);
    // ...and changed nothing on screen.
    expect(rendersSince(before, snapshot())).toEqual({});
    for (const id of USERS) expect(screen.getByText(`${id}:${id}-1`)).toBeTruthy();
  });
});
