// @vitest-environment jsdom
import { render, renderHook, waitFor } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createPresence } from '../../src/core/facade/createPresence.js';
import type { PresenceEvent, Presence } from '../../src/core/index.js';
import type { LoopbackClient } from '../../src/server/loopback/index.js';
import {
  PresenceProvider,
  useBroadcast,
  useConnectionStatus,
  usePresenceEvent,
  useSendBroadcast,
} from '../../src/react/index.js';
import { addUser, createWorld } from './helpers.js';

function withPresence(presence: Presence) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <PresenceProvider presence={presence} channel="lobby">
        {children}
      </PresenceProvider>
    );
  };
}

function me(world: LoopbackClient): Presence {
  return createPresence({ client: world.client, userId: 'me' });
}

describe('usePresenceEvent', () => {
  it("delivers this room's events of one type", async () => {
    const world = createWorld();
    const joins: string[] = [];
    const leaves: string[] = [];
    const view = renderHook(
      () => {
        usePresenceEvent('REMOTE_JOIN', (e) => joins.push(e.publisher));
        usePresenceEvent('REMOTE_LEAVE', (e) => leaves.push(e.publisher));
        return useConnectionStatus();
      },
      { wrapper: withPresence(me(world)) },
    );
    await waitFor(() => expect(view.result.current).toBe('subscribed'));
    await addUser(world, 'bob', 'lobby');
    await waitFor(() => expect(joins).toEqual(['bob']));
    expect(leaves).toEqual([]);
  });

  it("takes every type with '*' and ignores the presence's other rooms", async () => {
    const world = createWorld();
    const presence = me(world);
    await presence.join('elsewhere');
    const events: PresenceEvent[] = [];
    const view = renderHook(
      () => {
        usePresenceEvent('*', (e) => events.push(e));
        return useConnectionStatus();
      },
      { wrapper: withPresence(presence) },
    );
    await waitFor(() => expect(view.result.current).toBe('subscribed'));
    await addUser(world, 'bob', 'elsewhere');
    await addUser(world, 'carol', 'lobby', { mood: 'calm' });
    await waitFor(() => expect(events.map((e) => e.eventType)).toContain('REMOTE_JOIN'));
    expect(events.every((e) => e.channelName === 'lobby')).toBe(true);
    expect(events.map((e) => e.publisher)).not.toContain('bob');
    expect(events.find((e) => e.eventType === 'REMOTE_JOIN')?.publisher).toBe('carol');
  });

  it('calls the latest handler without subscribing again', async () => {
    const world = createWorld();
    const presence = me(world);
    const subscribe = vi.spyOn(presence, 'addEventListener');
    const first: string[] = [];
    const second: string[] = [];
    let handler = (e: PresenceEvent) => first.push(e.publisher);
    const view = renderHook(
      () => {
        usePresenceEvent('REMOTE_JOIN', (e) => handler(e));
        return useConnectionStatus();
      },
      { wrapper: withPresence(presence) },
    );
    await waitFor(() => expect(view.result.current).toBe('subscribed'));
    await addUser(world, 'bob', 'lobby');
    await waitFor(() => expect(first).toEqual(['bob']));
    const subscriptions = subscribe.mock.calls.length;
    handler = (e) => second.push(e.publisher);
    view.rerender();
    view.rerender();
    await addUser(world, 'carol', 'lobby');
    await waitFor(() => expect(second).toEqual(['carol']));
    expect(first).toEqual(['bob']);
    expect(subscribe.mock.calls.length).toBe(subscriptions);
  });
});

describe('useBroadcast and useSendBroadcast', () => {
  it('receives what others send and sends to them', async () => {
    const world = createWorld();
    const bob = await addUser(world, 'bob', 'lobby');
    const bobHeard: unknown[] = [];
    bob.getRoom('lobby')!.onBroadcast('wave', (payload) => bobHeard.push(payload));
    const heard: unknown[] = [];
    const view = renderHook(
      () => {
        useBroadcast('wave', (payload) => heard.push(payload));
        return { status: useConnectionStatus(), send: useSendBroadcast() };
      },
      { wrapper: withPresence(me(world)) },
    );
    await waitFor(() => expect(view.result.current.status).toBe('subscribed'));
    await bob.getRoom('lobby')!.sendBroadcast('wave', { from: 'bob' });
    await waitFor(() => expect(heard).toEqual([{ from: 'bob' }]));
    const send = view.result.current.send;
    await send('wave', { from: 'me' });
    await waitFor(() => expect(bobHeard).toEqual([{ from: 'me' }]));
    view.rerender();
    expect(view.result.current.send).toBe(send);
  });

  it('hands a send made before the join to the engine, which refuses it until subscribed', async () => {
    const world = createWorld();
    const sent: Promise<void>[] = [];
    function SendOnMount() {
      const send = useSendBroadcast();
      // A child's mount effect runs before the provider's own effect has joined.
      useEffect(() => void sent.push(send('hello', { n: 1 })), [send]);
      return null;
    }
    render(
      <PresenceProvider client={world.client} userId="me" channel="lobby">
        <SendOnMount />
      </PresenceProvider>,
    );
    expect(sent).toHaveLength(1);
    await expect(sent[0]).rejects.toMatchObject({
      code: 'NOT_CONNECTED',
      operation: 'sendBroadcast',
    });
  });
});
