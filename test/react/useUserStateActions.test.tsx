// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  PresenceProvider,
  useUserState,
  useUserStateActions,
  type UserStateActions,
} from '../../src/react/index.js';
import { addUser, createWorld, flush } from './helpers.js';

type Status = { status: string };

describe('useUserStateActions', () => {
  it('writes our state without ever re-rendering the writer, as the setters of useUserState do', async () => {
    const world = createWorld();
    const ann = await addUser<Status>(world, 'ann', 'lobby', { status: 'a1' });
    let writerRenders = 0;
    let writer: UserStateActions<Status> | null = null;
    function Writer() {
      writerRenders += 1;
      writer = useUserStateActions<Status>();
      return null;
    }
    function Reader() {
      const [mine] = useUserState<Status>();
      return <p>me:{mine.status ?? '-'}</p>;
    }
    render(
      <PresenceProvider client={world.client} userId="bob" channel="lobby">
        <Writer />
        <Reader />
      </PresenceProvider>,
    );
    await screen.findByText('me:-');
    await flush();
    const before = writerRenders;
    await act(() => writer!.setState({ status: 'busy' }));
    await screen.findByText('me:busy');
    await ann.setState('lobby', { status: 'a2' });
    await flush();
    await act(() => writer!.removeState({ states: ['status'] }));
    await screen.findByText('me:-');
    expect(writerRenders).toBe(before);
    // Others see the removal too (it travels after our own view updates).
    await waitFor(async () => expect((await ann.getState('bob', 'lobby')).states).toEqual({}));
  });
});
