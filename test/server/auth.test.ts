import WebSocket from 'ws';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_JWT_SECRET,
  createHub,
  signToken,
  type TappedFrame,
} from '../../src/server/hub/index.js';
import { startRealtimeServer } from '../../src/server/node/index.js';
import { HOSTS, useHost } from './support/hosts.js';
import { subscribe, subscribeRecording, waitFor } from './support/wait.js';

const now = () => Math.floor(Date.now() / 1000);
const userToken = (sub: string, extra: Record<string, unknown> = {}) =>
  signToken(DEFAULT_JWT_SECRET, { sub, role: 'authenticated', ...extra });
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** The hub's clock: real time, unless a test pins it to move time without waiting. */
const clock = { pinned: null as number | null, now: () => clock.pinned ?? Date.now() };

describe.each(HOSTS)('private channels on the $name host', (hostDef) => {
  beforeEach(() => {
    clock.pinned = null;
  });
  const host = useHost(hostDef, {
    now: () => clock.now(),
    // Stands in for RLS: everyone signed in may read and broadcast, only alice may use presence.
    authorize: ({ claims, action }) =>
      claims.role === 'authenticated' && (action !== 'presence' || claims.sub === 'alice'),
  });

  /** A private channel whose client has applied its token (supabase-js applies it asynchronously). */
  async function privateChannel(token?: string) {
    const client = host().client(token ? { accessToken: token } : {});
    await client.realtime.setAuth();
    return client.channel('secret', { config: { private: true, presence: { key: 'k' } } });
  }

  it('refuses a private channel to the anon key with the real Unauthorized reason', async () => {
    const log = subscribeRecording(await privateChannel());
    await waitFor(() => log.errors.length > 0, 'join error');
    expect(log.statuses[0]).toBe('CHANNEL_ERROR');
    expect(log.errors[0]).toBe(
      'Unauthorized: You do not have permissions to read from this Channel topic: secret',
    );
  });

  it('admits a private channel with a signed authenticated JWT and applies the policy per action', async () => {
    const alice = await privateChannel(await userToken('alice'));
    const bob = await privateChannel(await userToken('bob'));
    await subscribe(alice);
    await subscribe(bob);
    expect(await alice.track({ me: 'alice' })).toBe('ok');
    expect(await bob.track({ me: 'bob' })).toBe('error');
    expect(
      host().hub.testing.inspect().topics['private:realtime:secret']!.subscribers,
    ).toHaveLength(2);
  });

  it('refuses forged and unsigned tokens', async () => {
    const forged = await signToken('another-secret-that-is-at-least-32-chars-long', {
      sub: 'eve',
      role: 'authenticated',
    });
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'eve', role: 'authenticated', exp: now() + 60 })}.`;
    const forgedLog = subscribeRecording(await privateChannel(forged));
    const unsignedLog = subscribeRecording(await privateChannel(unsigned));
    await waitFor(
      () => forgedLog.errors.length > 0 && unsignedLog.errors.length > 0,
      'both refused',
    );
    expect(forgedLog.errors[0]).toBe('JwtSignatureError: Failed to validate JWT signature');
    expect(unsignedLog.errors[0]).toMatch(/^(JwtSignatureError|MalformedJWT): /);
  });

  it('shuts the channel down when its token expires, without a rejoin', async () => {
    // Valid for an hour by the client's clock; the hub's clock says 50 ms, until we move it on.
    const exp = now() + 3600;
    clock.pinned = exp * 1000 - 50;
    const channel = await privateChannel(await userToken('alice', { exp }));
    const system: any[] = [];
    const out: TappedFrame[] = [];
    host().hub.testing.onFrame(
      (dir, _s, f) => dir === 'out' && f.topic === channel.topic && out.push(f),
    );
    channel.on('system', {}, (p: any) => system.push(p));
    const statuses = await subscribe(channel);
    clock.pinned = (exp + 2) * 1000;
    await waitFor(() => statuses.includes('CLOSED'), 'closed at expiry');
    expect(statuses).toEqual(['SUBSCRIBED', 'CLOSED']);
    expect(system).toEqual([
      {
        extension: 'system',
        status: 'error',
        message: 'Token has expired 2 seconds ago',
        channel: 'secret',
      },
    ]);
    // No rejoin: the server ends with phx_close (a client rejoins only after phx_error).
    expect(out.map((f) => f.event)).toEqual(['phx_reply', 'system', 'phx_close']);
    expect(channel.state).toBe('closed');
  });

  it('shuts the channel down when an expired token arrives as access_token', async () => {
    const client = host().client({ accessToken: await userToken('alice') });
    await client.realtime.setAuth();
    const channel = client.channel('secret', { config: { private: true } });
    const system: any[] = [];
    channel.on('system', {}, (p: any) => system.push(p.message));
    const statuses = await subscribe(channel);
    const exp = now() + 3600;
    // The new token is valid by the client's clock and 30 s expired by the hub's.
    clock.pinned = (exp + 30) * 1000;
    await client.realtime.setAuth(await userToken('alice', { iat: exp - 100, exp }));
    await waitFor(() => statuses.includes('CLOSED'), 'closed');
    expect(system).toEqual(['Token has expired 30 seconds ago']);
  });

  it('refuses an upgrade whose apikey is not a valid JWT', async () => {
    const socket = host().rawSocket('apikey=not-a-jwt&vsn=2.0.0');
    let opened = false;
    socket.onopen = () => (opened = true);
    socket.onerror = () => undefined;
    await new Promise((resolve) => (socket.onclose = resolve));
    expect(opened).toBe(false);
    expect(host().hub.stats().sockets).toBe(0);
  });
});

describe('upgrade refusals', () => {
  it('answers each bad apikey with the real server error text', async () => {
    const hub = createHub();
    const refuse = async (apikey: string | null) => {
      const outcome = await hub.connect({ apikey, vsn: '2.0.0' });
      return outcome.ok ? 'accepted' : `${outcome.status} ${outcome.error}`;
    };
    expect(await refuse(null)).toBe('401 API key is missing');
    expect(await refuse('garbage')).toBe('401 The token provided is not a valid JWT');
    expect(
      await refuse(await signToken(DEFAULT_JWT_SECRET, { role: 'anon', exp: now() - 5 })),
    ).toBe('401 Token has expired');
    expect(await refuse(await signToken(DEFAULT_JWT_SECRET, { sub: 'x', exp: now() + 60 }))).toBe(
      '401 Fields `role` and `exp` are required in JWT',
    );
    expect(await refuse(await signToken(DEFAULT_JWT_SECRET, { role: 'anon' }))).toBe('accepted');
    hub.close();
  });

  it('sends HTTP 401 with a JSON error body from the Node host', async () => {
    const server = await startRealtimeServer({ port: 0, refusalDelayMs: 20 });
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/realtime/v1/websocket?vsn=2.0.0`);
    const response = await new Promise<{ status: number; body: string }>((resolve) => {
      ws.on('error', () => undefined);
      ws.on('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
    });
    expect(response).toEqual({ status: 401, body: '{"error":"API key is missing"}' });
    await server.close();
  });
});
