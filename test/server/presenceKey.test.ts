import { describe, expect, it } from 'vitest';
import { DEFAULT_JWT_SECRET, signToken } from '../../src/server/hub/index.js';
import { HOSTS, useHost } from './support/hosts.js';
import { presenceKeys, subscribe, subscribeRecording, waitFor } from './support/wait.js';

describe.each(HOSTS)('presence key bound on the $name host', (hostDef) => {
  const host = useHost(hostDef);

  function member(key: string) {
    const channel = host()
      .client()
      .channel('room', { config: { presence: { key } } });
    const joins: string[] = [];
    channel.on('presence', { event: 'join' }, ({ key: k }) => joins.push(k));
    return { channel, joins };
  }

  it('refuses a join whose presence key is 1 MB, and nothing of it enters the room', async () => {
    const observer = member('observer');
    await subscribe(observer.channel);
    await observer.channel.track({});
    const huge = member('k'.repeat(1_000_000));
    const log = subscribeRecording(huge.channel);
    await waitFor(() => log.errors.length > 0, 'join refused');
    expect(log.statuses[0]).toBe('CHANNEL_ERROR');
    expect(log.errors[0]).toBe('PresenceKeyTooLong: presence key must be at most 256 characters');
    // Sentinel: a member joining after the refusal is seen, and it is the only one besides us.
    const late = member('late');
    await subscribe(late.channel);
    await late.channel.track({});
    await waitFor(() => observer.joins.includes('late'), 'late member seen');
    expect(observer.joins.sort()).toEqual(['late', 'observer']);
    expect(Object.keys(host().hub.presenceState('room')).sort()).toEqual(['late', 'observer']);
    const channels = host()
      .hub.testing.inspect()
      .sockets.flatMap((s) => s.channels);
    expect(channels.map((c) => c.presenceKey.length).sort()).toEqual([4, 8]);
  });

  it('admits a key of exactly the limit', async () => {
    const key = 'é'.repeat(host().hub.limits.maxPresenceKeyLength);
    const edge = member(key);
    await subscribe(edge.channel);
    expect(await edge.channel.track({})).toBe('ok');
    await waitFor(() => presenceKeys(edge.channel).length === 1, 'own presence');
    expect(presenceKeys(edge.channel)).toEqual([key]);
  });
});

describe.each(HOSTS)(
  'a policy binding the presence key to the sub on the $name host',
  (hostDef) => {
    const host = useHost(hostDef, {
      // Signed-in users may read and broadcast; presence only under their own user id.
      authorize: ({ claims, action }) =>
        claims.role === 'authenticated' && (action === 'presence' ? 'sub' : true),
    });
    const tokenFor = (claims: Record<string, unknown>) =>
      signToken(DEFAULT_JWT_SECRET, { role: 'authenticated', ...claims });

    /** A private channel on 'secret' whose client has applied `token` before joining. */
    async function privateMember(token: string, key?: string) {
      const client = host().client({ accessToken: token });
      await client.realtime.setAuth();
      const presence = key === undefined ? {} : { key };
      const channel = client.channel('secret', { config: { private: true, presence } });
      channel.on('presence', { event: 'sync' }, () => undefined);
      return { client, channel };
    }

    it('admits a join whose key is the sub and refuses one under another key', async () => {
      const alice = await privateMember(await tokenFor({ sub: 'alice' }), 'alice');
      await subscribe(alice.channel);
      expect(await alice.channel.track({ me: true })).toBe('ok');
      const eve = await privateMember(await tokenFor({ sub: 'eve' }), 'alice');
      const log = subscribeRecording(eve.channel);
      await waitFor(() => log.errors.length > 0, 'join refused');
      expect(log.statuses[0]).toBe('CHANNEL_ERROR');
      expect(log.errors[0]).toBe("PresenceKeyMismatch: presence key must equal the token's sub");
      // Sentinel: a member joining after eve's refusal is seen; eve never entered.
      const bob = await privateMember(await tokenFor({ sub: 'bob' }));
      await subscribe(bob.channel);
      expect(await bob.channel.track({})).toBe('ok');
      await waitFor(() => presenceKeys(alice.channel).includes('bob'), 'bob seen');
      expect(Object.keys(host().hub.presenceState('secret', { private: true })).sort()).toEqual([
        'alice',
        'bob',
      ]);
      expect(host().hub.stats().channels).toBe(2);
    });

    it('refuses a token without a sub', async () => {
      const nobody = await privateMember(await tokenFor({}), 'anyone');
      const log = subscribeRecording(nobody.channel);
      await waitFor(() => log.errors.length > 0, 'join refused');
      expect(log.errors[0]).toBe("PresenceKeyMismatch: presence key must equal the token's sub");
    });

    it('shuts the channel down when a new token carries another sub', async () => {
      const alice = await privateMember(await tokenFor({ sub: 'alice' }), 'alice');
      const system: string[] = [];
      alice.channel.on('system', {}, (p: { message: string }) => system.push(p.message));
      const statuses = await subscribe(alice.channel);
      await alice.client.realtime.setAuth(await tokenFor({ sub: 'mallory' }));
      await waitFor(() => statuses.includes('CLOSED'), 'closed');
      expect(system).toEqual(["Presence key no longer matches the token's sub"]);
    });
  },
);
