import { describe, expect, it } from 'vitest';
import { HOSTS, useHost } from '../support/hosts.js';
import { rawClient } from '../support/rawClient.js';

describe.each(HOSTS)('stats under client-chosen names, on the $name host', (hostDef) => {
  const host = useHost(hostDef);

  it('keep no name longer than 256 characters, even after its sender left', async () => {
    const mallory = await rawClient(host());
    mallory.send(['1', '1', 'realtime:room', 'phx_join', {}]);
    await mallory.next((f) => f[1] === '1' && f[3] === 'phx_reply', 'join reply');
    for (let i = 0; i < 3; i += 1) {
      const name = `${String(i)}${'e'.repeat(200_000)}`;
      mallory.send([null, `p${String(i)}`, 'phoenix', name, {}]);
      mallory.send(['1', `r${String(i)}`, 'realtime:room', name, {}]);
    }
    mallory.send([null, 'last', 'phoenix', 'heartbeat', {}]);
    await mallory.next((f) => f[1] === 'last', 'heartbeat reply');
    const during = host().hub.stats();
    expect(during.framesIn['(other)']).toBe(6);
    expect(during.topics['realtime:room']?.in['(other)']).toBe(3);
    mallory.socket.close();
    await mallory.closed;
    const names = Object.keys(host().hub.stats().framesIn);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(256);
    expect(names).toContain('heartbeat');
  });
});
