import { describe, expect, it } from 'vitest';
import { HOSTS, useHost } from '../support/hosts.js';
import { rawClient } from '../support/rawClient.js';
import { subscribe, waitFor } from '../support/wait.js';

describe.each(HOSTS)('broadcast event names that are not strings, on the $name host', (hostDef) => {
  const host = useHost(hostDef);

  it('are refused at the server, so no subscriber decodes them', async () => {
    const victim = host().client().channel('room');
    const got: unknown[] = [];
    // A named binding: realtime-js lower-cases the incoming event name to match it.
    victim.on('broadcast', { event: 'cursor' }, (m) => got.push(m.payload));
    await subscribe(victim);
    const mallory = await rawClient(host());
    mallory.send(['1', '1', 'realtime:room', 'phx_join', { config: { broadcast: { ack: true } } }]);
    await mallory.next((f) => f[1] === '1' && f[3] === 'phx_reply', 'join reply');
    const forged = [5, null, { toLocaleLowerCase: 'x' }, ['cursor']];
    for (const [i, event] of forged.entries()) {
      const payload = { type: 'broadcast', event, payload: { n: i } };
      mallory.send(['1', `b${String(i)}`, 'realtime:room', 'broadcast', payload]);
    }
    mallory.send([
      '1',
      'ok',
      'realtime:room',
      'broadcast',
      { type: 'broadcast', event: 'cursor', payload: { n: 'real' } },
    ]);
    await waitFor(() => got.length > 0, 'the genuine broadcast');
    expect(got).toEqual([{ n: 'real' }]);
    for (const i of forged.keys()) {
      const reply = await mallory.next((f) => f[1] === `b${String(i)}`, `reply ${String(i)}`);
      expect(reply[4]).toMatchObject({ status: 'error' });
    }
  });
});
