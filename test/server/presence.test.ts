import { describe, expect, it } from 'vitest';
import type { TappedFrame } from '../../src/server/hub/index.js';
import { HOSTS, useHost } from './support/hosts.js';
import { presenceKeys, subscribe, waitFor } from './support/wait.js';

describe.each(HOSTS)('presence on the $name host', (hostDef) => {
  const host = useHost(hostDef);

  /** A channel on 'room' with presence key `key` (null: no key, only `enabled`). */
  function member(key: string | null) {
    const channel = host()
      .client()
      .channel('room', { config: { presence: key === null ? { enabled: true } : { key } } });
    const events: { event: string; key: string }[] = [];
    channel.on('presence', { event: 'join' }, ({ key: k }) =>
      events.push({ event: 'join', key: k }),
    );
    channel.on('presence', { event: 'leave' }, ({ key: k }) =>
      events.push({ event: 'leave', key: k }),
    );
    channel.on('presence', { event: 'sync' }, () => undefined);
    return { channel, events };
  }

  it('shows every tracked member to every member across three clients', async () => {
    const members = ['alice', 'bob', 'carol'].map((n) => member(n));
    for (const [i, m] of members.entries()) {
      await subscribe(m.channel);
      expect(await m.channel.track({ user: ['alice', 'bob', 'carol'][i] })).toBe('ok');
    }
    for (const m of members)
      await waitFor(() => presenceKeys(m.channel).length === 3, 'three members');
    expect(presenceKeys(members[0]!.channel)).toEqual(['alice', 'bob', 'carol']);
    expect(members[2]!.channel.presenceState()['alice']![0]).toMatchObject({
      user: 'alice',
      presence_ref: expect.stringMatching(/^[\w-]{16}$/),
    });
  });

  it('fires join and leave on others when a member tracks and untracks', async () => {
    const alice = member('alice');
    const bob = member('bob');
    await subscribe(alice.channel);
    await subscribe(bob.channel);
    await bob.channel.track({ online: true });
    await waitFor(
      () => alice.events.some((e) => e.event === 'join' && e.key === 'bob'),
      'join of bob',
    );
    expect(await bob.channel.untrack()).toBe('ok');
    await waitFor(
      () => alice.events.some((e) => e.event === 'leave' && e.key === 'bob'),
      'leave of bob',
    );
    expect(presenceKeys(alice.channel)).toEqual([]);
  });

  it('replaces the meta on update with phx_ref_prev and sends no diff for an unchanged re-track', async () => {
    const diffs: TappedFrame[] = [];
    host().hub.testing.onFrame(
      (dir, _id, f) => dir === 'out' && f.event === 'presence_diff' && diffs.push(f),
    );
    const alice = member('alice');
    const bob = member('bob');
    await subscribe(alice.channel);
    await subscribe(bob.channel);
    await alice.channel.track({ status: 'here' });
    await waitFor(() => bob.channel.presenceState()['alice'], 'alice tracked');
    const before = diffs.length;
    expect(await alice.channel.track({ status: 'here' })).toBe('ok');
    await alice.channel.track({ status: 'away' });
    await waitFor(
      () => (bob.channel.presenceState()['alice'] as any)?.[0]?.status === 'away',
      'update',
    );
    // The 'away' update is the sentinel: every diff since the unchanged re-track carries it.
    const since = diffs.slice(before).map((d) => (d.payload as any).joins.alice.metas[0].status);
    expect(since).toEqual(['away', 'away']);
    expect(bob.channel.presenceState()['alice']).toHaveLength(1);
    const update = diffs.at(-1)!.payload as any;
    expect(update.joins.alice.metas[0].phx_ref_prev).toBe(update.leaves.alice.metas[0].phx_ref);
  });

  it('lists two metas under one key when the same key tracks from two sockets', async () => {
    const tab1 = member('alice');
    const tab2 = member('alice');
    const observer = member('observer');
    for (const m of [tab1, tab2, observer]) await subscribe(m.channel);
    await tab1.channel.track({ tab: 1 });
    await tab2.channel.track({ tab: 2 });
    await waitFor(() => observer.channel.presenceState()['alice']?.length === 2, 'two metas');
    await tab1.channel.untrack();
    await waitFor(() => observer.channel.presenceState()['alice']?.length === 1, 'one meta left');
    expect(observer.channel.presenceState()['alice']![0]).toMatchObject({ tab: 2 });
  });

  it('shows a leave to others when a member socket is lost', async () => {
    const alice = member('alice');
    const bob = member('bob');
    await subscribe(alice.channel);
    await subscribe(bob.channel);
    await bob.channel.track({});
    await waitFor(() => presenceKeys(alice.channel).includes('bob'), 'bob present');
    const bobSocket = host()
      .hub.testing.inspect()
      .sockets.find((s) => s.channels.some((c) => c.presenceKey === 'bob'))!;
    expect(host().hub.testing.dropSocket(bobSocket.id)).toBe(1);
    await waitFor(
      () => alice.events.some((e) => e.event === 'leave' && e.key === 'bob'),
      'leave after loss',
    );
  });

  it('gives a key-less join a generated uuid key', async () => {
    const anon = member(null);
    await subscribe(anon.channel);
    await anon.channel.track({ who: 'anon' });
    await waitFor(() => presenceKeys(anon.channel).length === 1, 'own presence');
    const [key] = presenceKeys(anon.channel);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('always sends diffs with both joins and leaves and never a foreign join_ref', async () => {
    const joinRefs = new Map<string, Set<string | null>>();
    const out: { socket: string; f: TappedFrame }[] = [];
    host().hub.testing.onFrame((dir, socket, f) => {
      if (dir === 'in' && f.event === 'phx_join')
        joinRefs.set(socket, new Set([...(joinRefs.get(socket) ?? []), f.joinRef]));
      if (dir === 'out') out.push({ socket, f });
    });
    const [a, b] = [member('a'), member('b')];
    await subscribe(a.channel);
    await subscribe(b.channel);
    await a.channel.track({ n: 1 });
    await b.channel.track({ n: 2 });
    await a.channel.untrack();
    await waitFor(() => presenceKeys(b.channel).join() === 'b', 'a left');
    const diffs = out.filter(({ f }) => f.event === 'presence_diff');
    expect(diffs.length).toBeGreaterThan(0);
    for (const { f } of diffs)
      expect(Object.keys(f.payload as object).sort()).toEqual(['joins', 'leaves']);
    for (const { socket, f } of out)
      if (f.joinRef !== null) expect(joinRefs.get(socket)).toContain(f.joinRef);
  });

  it('coalesces a track and untrack inside one tick into no diff', async () => {
    const alice = member('alice');
    await subscribe(alice.channel);
    const bob = member('bob');
    await subscribe(bob.channel);
    host().hub.testing.resetStats();
    const diffs: TappedFrame[] = [];
    host().hub.testing.onFrame(
      (dir, _id, f) => dir === 'out' && f.event === 'presence_diff' && diffs.push(f),
    );
    await Promise.all([alice.channel.track({ blink: true }), alice.channel.untrack()]);
    // Sentinel: bob's track is flushed after (or with) alice's blink; alice is in no diff.
    await bob.channel.track({});
    await waitFor(() => presenceKeys(alice.channel).includes('bob'), 'bob seen');
    expect(host().hub.stats().topics['realtime:room']!.presence).toEqual({ track: 2, untrack: 1 });
    expect(diffs.length).toBeGreaterThan(0);
    for (const d of diffs)
      expect(d.payload).toEqual({ joins: { bob: expect.anything() }, leaves: {} });
  });
});
