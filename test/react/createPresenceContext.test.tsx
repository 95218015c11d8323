// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import * as untyped from '../../src/react/index.js';
import { createPresenceContext } from '../../src/react/index.js';
import { addUser, createWorld } from './helpers.js';

type Status = { status: 'available' | 'busy'; mood: string };
const typed = createPresenceContext<Status>();

describe('createPresenceContext', () => {
  it('returns the provider and hooks, sharing one context with the untyped exports', () => {
    for (const [name, binding] of Object.entries(typed)) {
      expect(binding).toBe(untyped[name as keyof typeof untyped]);
    }
    expect(Object.keys(typed).sort()).toEqual([
      'PresenceProvider',
      'useBroadcast',
      'useConnectionStatus',
      'useOccupant',
      'useOtherUserIds',
      'useOthers',
      'usePresence',
      'usePresenceEvent',
      'useRejoin',
      'useRoom',
      'useSelf',
      'useSelfId',
      'useSendBroadcast',
      'useUserState',
      'useUserStateActions',
      'useWhereNow',
      'useWhoNow',
    ]);
  });

  it('flows the bound state type to the hooks', async () => {
    const world = createWorld();
    await addUser<Status>(world, 'bob', 'lobby', { status: 'busy', mood: 'calm' });
    const { PresenceProvider, useUserState, useOccupant, useConnectionStatus, useRoom } = typed;
    function Wrapper({ children }: { children: ReactNode }) {
      return (
        <PresenceProvider
          client={world.client}
          userId="me"
          channel="lobby"
          initialState={{ status: 'available' }}
        >
          {children}
        </PresenceProvider>
      );
    }
    const view = renderHook(
      () => {
        const [mine, { setState }] = useUserState();
        const bobsStatus: 'available' | 'busy' | undefined = useOccupant(
          'bob',
          (o) => o.state.status,
        );
        // @ts-expect-error `colour` is not a key of Status
        void (() => setState({ colour: 'red' }));
        // @ts-expect-error 'away' is not a Status value
        void (() => setState({ status: 'away' }));
        return { mine, setState, bobsStatus, status: useConnectionStatus(), room: useRoom() };
      },
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(view.result.current.bobsStatus).toBe('busy'));
    await act(() => view.result.current.setState({ status: 'busy' }));
    expect(view.result.current.mine.status).toBe('busy');
    expect(view.result.current.room?.channelName).toBe('lobby');
  });
});
