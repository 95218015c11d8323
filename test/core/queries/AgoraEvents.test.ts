import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgoraEvents } from '../../../src/core/queries/AgoraEvents.js';
import type { PresenceEvent } from '../../../src/core/types.js';
import { change, modelWith } from '../helpers/roomState.js';

type S = Record<string, string>;
const none = { joined: [], left: [], stateChanged: [], snapshot: false };

function setup(
  ids: string[],
  options: { withPresence?: boolean; intervalThreshold?: number } = {},
) {
  const model = modelWith(ids);
  const events: PresenceEvent<S>[] = [];
  const roomEvents = new AgoraEvents<S>(
    {
      channelName: 'room',
      channelType: 'STREAM',
      withPresence: options.withPresence ?? true,
      intervalThreshold: options.intervalThreshold ?? 5,
      intervalMs: 1000,
    },
    () => model.store.getState(),
    (event) => events.push(event),
  );
  return { model, events, roomEvents };
}

describe('AgoraEvents', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('emits a SNAPSHOT of everyone instead of joins for the first presence_state', () => {
    const { events, roomEvents } = setup(['a', 'b', 'self']);
    roomEvents.handle({ ...none, joined: ['a', 'b'], snapshot: true });
    expect(events.map((e) => e.eventType)).toEqual(['SNAPSHOT']);
    expect(events[0]?.snapshot?.map((r) => r.userId)).toEqual(['a', 'b', 'self']);
    expect(events[0]).toMatchObject({
      channelName: 'room',
      channelType: 'STREAM',
      publisher: '',
      interval: null,
    });
  });

  it('announces joins (with their state), state changes, leaves and timeouts in small rooms', () => {
    const { events, roomEvents } = setup(['a', 'b']);
    roomEvents.handle({
      ...none,
      joined: ['a'],
      stateChanged: ['b'],
      left: [
        { userId: 'x', kind: 'leave' },
        { userId: 'y', kind: 'timeout' },
      ],
    });
    expect(events.map((e) => [e.eventType, e.publisher])).toEqual([
      ['REMOTE_JOIN', 'a'],
      ['REMOTE_STATE_CHANGED', 'a'],
      ['REMOTE_STATE_CHANGED', 'b'],
      ['REMOTE_LEAVE', 'x'],
      ['REMOTE_TIMEOUT', 'y'],
    ]);
    expect(events[2]?.stateChanged).toEqual({ n: 'b' });
  });

  it('switches to one INTERVAL event per period above the threshold', () => {
    const { events, roomEvents, model } = setup(['u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
    roomEvents.handle({ ...none, joined: ['u6'] });
    roomEvents.handle({ ...none, stateChanged: ['u1'], left: [{ userId: 'gone', kind: 'leave' }] });
    change(model, [], ['u2']);
    roomEvents.handle({ ...none, left: [{ userId: 'u2', kind: 'timeout' }] });
    expect(events).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(events).toHaveLength(1);
    expect(events[0]?.eventType).toBe('INTERVAL');
    expect(events[0]?.interval).toEqual({
      join: { users: ['u6'], userCount: 1 },
      leave: { users: ['gone'], userCount: 1 },
      timeout: { users: ['u2'], userCount: 1 },
      userStateList: [
        { userId: 'u6', states: { n: 'u6' }, statesCount: 1 },
        { userId: 'u1', states: { n: 'u1' }, statesCount: 1 },
      ],
      totalOccupancy: 5,
    });
    vi.advanceTimersByTime(5000);
    expect(events).toHaveLength(1);
  });

  it('emits nothing for a room joined withPresence: false', () => {
    const { events, roomEvents } = setup(['a'], { withPresence: false });
    roomEvents.handle({ ...none, joined: ['a'], snapshot: true });
    expect(events).toHaveLength(0);
  });
});
