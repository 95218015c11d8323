import type { LoopbackClient } from '../../src/server/loopback/index.js';

/** The limits a crowd needs: thousands of joins and tracks inside one second. */
export const CROWD_LIMITS = {
  maxEventsPerSecond: 1e9,
  maxPresenceEventsPerSecond: 1e9,
} as const;

/** One raw socket in a crowd: it can change its tracked state later. */
export interface CrowdMember {
  readonly userId: string;
  /** Tracks a new state (a full meta, as the kit tracks it) with a higher version. */
  track(state: Record<string, string>): void;
}

/**
 * `count` users in `room`, each on a raw hub socket of its own (no supabase-js: thousands of
 * clients would dominate the test), each tracking a kit-shaped meta. The hub coalesces their
 * presence diffs per flush, so the crowd costs O(N) frames, not O(N²). Ids are `u00001`, ...
 */
export async function crowd(
  world: LoopbackClient,
  room: string,
  count: number,
): Promise<CrowdMember[]> {
  const topic = `realtime:${room}`;
  const members: CrowdMember[] = [];
  for (let i = 1; i <= count; i += 1) {
    const outcome = await world.hub.connect({ apikey: world.anonKey, vsn: '2.0.0' });
    if (!outcome.ok) throw new Error(outcome.error);
    const socket = outcome.open({ sendText: () => {}, sendBinary: () => {}, close: () => {} });
    const userId = `u${String(i).padStart(5, '0')}`;
    const joinRef = '1';
    let ref = 1;
    let version = 0;
    const send = (event: string, payload: unknown) =>
      socket.receive(JSON.stringify([joinRef, String((ref += 1)), topic, event, payload]));
    const config = {
      broadcast: { self: false, ack: false },
      presence: { key: userId, enabled: true },
      private: false,
    };
    socket.receive(JSON.stringify([joinRef, '1', topic, 'phx_join', { config }]));
    const member: CrowdMember = {
      userId,
      track(state) {
        version += 1;
        const now = Date.now();
        const meta = { connectionId: `c-${userId}`, version, state, updatedAt: now, joinedAt: now };
        send('presence', { type: 'presence', event: 'track', payload: meta });
      },
    };
    member.track({ mood: `${userId}-1` });
    members.push(member);
  }
  return members;
}
