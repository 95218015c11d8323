import { describe, expect, it } from 'vitest';
import { HOSTS, useHost } from './support/hosts.js';
import { presenceKeys, subscribe, waitFor } from './support/wait.js';

describe.each(HOSTS)('reconnect on the $name host', (hostDef) => {
  const host = useHost(hostDef);

  it('rejoins after the server drops the socket, gets a fresh presence_state and is seen again', async () => {
    const states: string[] = [];
    host().hub.testing.onFrame(
      (dir, socket, f) => dir === 'out' && f.event === 'presence_state' && states.push(socket),
    );
    // Presence listeners enable presence; without them no presence_state is sent (docs/protocol.md §3.5).
    const observer = host()
      .client()
      .channel('room', { config: { presence: { key: 'observer' } } })
      .on('presence', { event: 'sync' }, () => undefined);
    await subscribe(observer);
    await observer.track({ watching: true });
    const alice = host()
      .client()
      .channel('room', { config: { presence: { key: 'alice' } } })
      .on('presence', { event: 'sync' }, () => undefined);
    const statuses: string[] = [];
    alice.subscribe((status) => {
      statuses.push(status);
      if (status === 'SUBSCRIBED') void alice.track({ n: statuses.length });
    });
    await waitFor(() => presenceKeys(observer).includes('alice'), 'alice seen');
    const aliceSocket = host()
      .hub.testing.inspect()
      .sockets.find((s) => s.channels.some((c) => c.presenceKey === 'alice'))!.id;
    host().hub.testing.dropSocket(aliceSocket);
    await waitFor(() => !presenceKeys(observer).includes('alice'), 'alice gone');
    await waitFor(() => presenceKeys(observer).includes('alice'), 'alice back');
    expect(statuses).toEqual(['SUBSCRIBED', 'CHANNEL_ERROR', 'SUBSCRIBED']);
    const newSocket = host()
      .hub.socketIds()
      .find((id) => id !== aliceSocket && states.includes(id) && id !== states[0]);
    expect(newSocket).toBeDefined();
    // Alice's view was rebuilt from the new presence_state plus her own re-track.
    await waitFor(() => presenceKeys(alice).join() === 'alice,observer', 'alice sees both');
  });
});
