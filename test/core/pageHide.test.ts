import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorld, settled, tick } from './helpers/loopback.js';
import type { World } from './helpers/loopback.js';

// Node has no window: give Bob's page one, as a browser would. Phoenix (inside supabase-js) takes
// its window at module load, so the test plays its part, the disconnect on pagehide, by hand.
let world: World;
let page: EventTarget;
beforeEach(async () => {
  vi.useFakeTimers();
  page = new EventTarget();
  (globalThis as { window?: EventTarget }).window = page;
  world = createWorld();
  await world.ready;
});
afterEach(async () => {
  delete (globalThis as { window?: EventTarget }).window;
  await settled(world.close());
  vi.useRealTimers();
});

async function closeBobsTab(announce: boolean): Promise<string[]> {
  const alice = world.person('alice');
  const bob = world.person('bob', {}, { reconnectAfterMs: () => 3_600_000 });
  await settled(alice.presence.join('room'));
  await settled(bob.presence.join('room'));
  await tick(100);
  if (announce) page.dispatchEvent(new Event('pagehide'));
  bob.client.realtime.disconnect();
  await tick(2500);
  return alice.heardAbout('bob');
}

describe('closing the tab', () => {
  it('says goodbye on pagehide, so others see REMOTE_LEAVE', async () => {
    expect(await closeBobsTab(true)).toEqual(['REMOTE_JOIN', 'REMOTE_LEAVE']);
  });

  it('is a REMOTE_TIMEOUT when the socket just goes', async () => {
    expect(await closeBobsTab(false)).toEqual(['REMOTE_JOIN', 'REMOTE_TIMEOUT']);
  });
});
