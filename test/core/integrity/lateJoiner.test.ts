import { describe, expect, it } from 'vitest';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { intruder } from './intruder.js';

const world = worldPerTest();

describe('what a late joiner sees', () => {
  it("shows a replay of bob's revealed proof only until bob's next send, which comes for it", async () => {
    const alice = world.person('alice');
    // A slow throttle holds Bob's re-send to a newcomer back: the intruder's replay gets first.
    const bob = world.person('bob', { broadcastThrottleMs: 1000 });
    const aliceRoom = await settled(alice.presence.join('room'));
    await settled(bob.presence.join('room', { initialState: { mood: 'calm' } }));
    await tick(300);
    const mallory = await intruder(world, 'room');
    // Bob's track budget is spent for a while: his tracked meta lags behind his broadcasts.
    await settled(bob.presence.setState('room', { mood: 'happy' }));
    await tick(300);
    await settled(bob.presence.setState('room', { mood: 'glad' }));
    await tick(1000);
    const latest = mallory.heard.filter((h) => h.event === 'pk:state').at(-1)?.payload;
    expect(latest?.state).toEqual({ mood: 'glad' });
    expect(mallory.metaOf('bob').state).toEqual({ mood: 'calm' });

    // Carol joins; she knows bob only from his lagging meta. The intruder replays bob's latest
    // revealed proof with content of its own before bob's re-send reaches her.
    const carol = world.person('carol');
    const room = await settled(carol.presence.join('room'));
    const seen: (string | undefined)[] = [];
    room.subscribeUser('bob', () =>
      seen.push(room.store.getState().occupants.get('bob')?.state.mood),
    );
    await mallory.send('pk:state', { ...latest, state: { mood: 'evil' } });
    await tick(2000);
    expect(seen).toEqual(['evil', 'glad']);
    expect(room.store.getState().occupants.get('bob')?.state).toEqual({ mood: 'glad' });
    // Members who already hold that proof never take the replay.
    expect(aliceRoom.store.getState().occupants.get('bob')?.state).toEqual({ mood: 'glad' });
    expect(alice.events.some((e) => e.stateChanged.mood === 'evil')).toBe(false);
  });
});
