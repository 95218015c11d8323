import { describe, expect, it } from 'vitest';
import { HOSTS, useHost } from './support/hosts.js';
import { rawClient } from './support/rawClient.js';
import { presenceKeys, subscribe, waitFor } from './support/wait.js';

/** Names every plain object inherits: as keys they must stay data, never reach the prototype. */
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const isReply = (ref: string) => (f: any) =>
  Array.isArray(f) && f[3] === 'phx_reply' && f[1] === ref;

describe.each(HOSTS)('client-chosen prototype names on the $name host', (hostDef) => {
  const host = useHost(hostDef);

  function member(key: string) {
    const channel = host()
      .client()
      .channel('room', { config: { presence: { key } } });
    channel.on('presence', { event: 'sync' }, () => undefined);
    return channel;
  }

  it('keeps a room whose members track under Object.prototype names whole for later joiners', async () => {
    for (const key of PROTO_NAMES) {
      const channel = member(key);
      await subscribe(channel);
      expect(await channel.track({ name: key })).toBe('ok');
    }
    const late = member('late');
    // supabase-js's presenceState() copies keys into a plain object and so loses `__proto__`
    // itself; its join events come from a null-prototype state and show what the server sent.
    const joined = new Set<string>();
    late.on('presence', { event: 'join' }, ({ key }) => joined.add(key));
    await subscribe(late);
    await late.track({ name: 'late' });
    const everyone = [...PROTO_NAMES, 'late'].sort();
    await waitFor(() => [...joined].sort().join() === everyone.join(), 'late joiner sees all');
    const others = everyone.filter((k) => k !== '__proto__');
    expect(presenceKeys(late)).toEqual(others);
    const state = host().hub.presenceState('room');
    expect(Object.keys(state).sort()).toEqual(everyone);
    for (const key of PROTO_NAMES) expect(state[key]!.metas[0]).toMatchObject({ name: key });
  });

  it('stores meta fields named after Object.prototype members as plain data', async () => {
    const alice = member('alice');
    const bob = member('bob');
    await subscribe(alice);
    await subscribe(bob);
    // JSON.parse makes `__proto__` an own property, as the server sees it from any client.
    const payload = JSON.parse('{"__proto__":{"admin":true},"constructor":1,"toString":"x"}');
    expect(await alice.track(payload)).toBe('ok');
    await waitFor(() => bob.presenceState()['alice'], 'alice seen by bob');
    const meta = host().hub.presenceState('room')['alice']!.metas[0]!;
    expect(Object.getPrototypeOf(meta)).not.toHaveProperty('admin');
    expect(Object.keys(meta).sort()).toEqual(['__proto__', 'constructor', 'phx_ref', 'toString']);
    expect((bob.presenceState()['alice']![0] as Record<string, unknown>)['toString']).toBe('x');
  });

  it('counts frames on topics and events named after Object.prototype members', async () => {
    const c = await rawClient(host());
    for (const [i, name] of PROTO_NAMES.entries()) {
      c.send(['1', `${String(i)}t`, name, 'heartbeat', {}]);
      c.send([null, `${String(i)}e`, 'phoenix', name, {}]);
    }
    c.send([null, 'sentinel', 'phoenix', 'heartbeat', {}]);
    await c.next(isReply('sentinel'), 'sentinel heartbeat reply');
    const stats = host().hub.stats();
    for (const name of PROTO_NAMES) expect(stats.framesIn[name]).toBe(1);
    expect(stats.framesIn['heartbeat']).toBe(PROTO_NAMES.length + 1);
  });
});
