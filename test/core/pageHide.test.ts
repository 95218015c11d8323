import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PK_EVENTS } from '../../src/core/outbound/wire.js';
import { createWorld, settled, tick } from './helpers/loopback.js';
import type { World } from './helpers/loopback.js';

// Node has no window: give Bob's page one, as a browser would. Phoenix (inside supabase-js) takes
// its window at module load, so the test plays its part, the disconnect on pagehide, by hand.
let world: World;
let page: EventTarget;
let goodbyes: number;
beforeEach(async () => {
  vi.useFakeTimers();
  page = new EventTarget();
  (globalThis as { window?: EventTarget }).window = page;
  world = createWorld();
  await world.ready;
  goodbyes = 0;
  world.hub.testing.onFrame((direction, _socket, frame) => {
    const payload = frame.payload as { event?: unknown } | null;
    if (direction === 'in' && frame.event === 'broadcast' && payload?.event === PK_EVENTS.leave)
      goodbyes += 1;
  });
});
afterEach(async () => {
  delete (globalThis as { window?: EventTarget }).window;
  await settled(world.close());
  vi.useRealTimers();
});

/** REST requests the hub served so far (any route, any status). */
const restCalls = () => Object.values(world.hub.stats().rest).reduce((a, b) => a + b, 0);

/** Alice on a page of her own (no window: her presence has no page-hide handler), bob on `page`. */
async function bobsTab() {
  delete (globalThis as { window?: EventTarget }).window;
  const alice = world.person('alice');
  (globalThis as { window?: EventTarget }).window = page;
  const bob = world.person<{ mood: string }>('bob', {}, { reconnectAfterMs: () => 3_600_000 });
  await settled(alice.presence.join('room'));
  await settled(bob.presence.join('room'));
  await tick(100);
  return { alice, bob };
}

async function closeBobsTab(announce: boolean): Promise<string[]> {
  const { alice, bob } = await bobsTab();
  if (announce) page.dispatchEvent(new Event('pagehide'));
  bob.client.realtime.disconnect();
  await tick(2500);
  return alice.heardAbout('bob');
}

describe('closing the tab', () => {
  it('says goodbye on pagehide, so others see REMOTE_LEAVE', async () => {
    expect(await closeBobsTab(true)).toEqual(['REMOTE_JOIN', 'REMOTE_LEAVE']);
    expect(goodbyes).toBe(1);
  });

  it('is a REMOTE_TIMEOUT when the socket just goes', async () => {
    expect(await closeBobsTab(false)).toEqual(['REMOTE_JOIN', 'REMOTE_TIMEOUT']);
  });

  it('says goodbye once when beforeunload and pagehide both fire', async () => {
    const { alice, bob } = await bobsTab();
    page.dispatchEvent(new Event('beforeunload'));
    page.dispatchEvent(new Event('pagehide'));
    bob.client.realtime.disconnect();
    await tick(2500);
    expect(goodbyes).toBe(1);
    expect(alice.heardAbout('bob')).toEqual(['REMOTE_JOIN', 'REMOTE_LEAVE']);
  });

  it('says goodbye again on a later hide once the page stayed and sent its state', async () => {
    const { alice, bob } = await bobsTab();
    page.dispatchEvent(new Event('beforeunload'));
    await tick(100);
    // The unload was cancelled: the page stays, and its next state takes the goodbye back.
    await settled(bob.presence.setState('room', { mood: 'back' }));
    await tick(100);
    page.dispatchEvent(new Event('pagehide'));
    bob.client.realtime.disconnect();
    await tick(2500);
    expect(goodbyes).toBe(2);
    expect(alice.heardAbout('bob')).toEqual([
      'REMOTE_JOIN',
      'REMOTE_STATE_CHANGED',
      'REMOTE_LEAVE',
    ]);
  });

  it('says goodbye again on the next hide after the page came back from the bfcache', async () => {
    const { alice, bob } = await bobsTab();
    page.dispatchEvent(new Event('pagehide'));
    bob.client.realtime.disconnect();
    await tick(2500);
    // pageshow: phoenix reconnects, the room rejoins and tracks again.
    bob.client.realtime.connect();
    await tick(2500);
    page.dispatchEvent(new Event('pagehide'));
    bob.client.realtime.disconnect();
    await tick(2500);
    expect(goodbyes).toBe(2);
    expect(alice.heardAbout('bob')).toEqual([
      'REMOTE_JOIN',
      'REMOTE_LEAVE',
      'REMOTE_JOIN',
      'REMOTE_LEAVE',
    ]);
  });

  it('never says goodbye through REST once the socket is closing', async () => {
    const { alice, bob } = await bobsTab();
    const restBefore = restCalls();
    // Phoenix disconnected first (its pagehide listener, or a socket already going): the channel
    // still reads `joined` while the socket closes, and supabase-js would fall back to REST.
    void bob.client.realtime.disconnect();
    page.dispatchEvent(new Event('pagehide'));
    await tick(2500);
    expect(restCalls() - restBefore).toBe(0);
    expect(goodbyes).toBe(0);
    expect(alice.heardAbout('bob')).toEqual(['REMOTE_JOIN', 'REMOTE_TIMEOUT']);
  });
});
