import { describe, expect, it } from 'vitest';
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
