/**
 * Counts the wire per client: frames and bytes each client's socket sent and received (at the
 * transport, so what a real socket would carry), and presence calls as the hub saw them (through
 * its frame tap), each with its time, so the busiest 30 s window of every channel join shows.
 */
import type { Hub } from '../../src/server/loopback/index.js';
import { SlidingWindow } from '../../src/server/hub/limits.js';

/** What one client (one user's one session) put on the wire and took off it. */
export interface ClientTally {
  user: string;
  framesOut: number;
  bytesOut: number;
  framesIn: number;
  bytesIn: number;
  /** Presence calls (track and untrack) the hub received from this client. */
  presenceCalls: number;
  tracks: number;
  /** Most presence calls inside any 30 s window of one channel join. */
  maxCallsPer30s: number;
  /** Times the server's rule (more than 5 presence calls in 30 s per join) would have shut it. */
  wouldBeShutDown: number;
  /** Simulated ms this client was connected. */
  connectedMs: number;
}

/** The server's rule: a channel join may make 5 presence calls in 30 s; the 6th shuts it. */
export const SERVER_RULE = { maxCalls: 5, windowMs: 30_000 };

interface JoinWindow {
  times: number[];
  rule: SlidingWindow;
}

/** Tallies per client; clients are named by user and registered as their sockets open. */
export class WireMeter {
  private readonly tallies = new Map<string, ClientTally>();
  private readonly socketUser = new Map<string, string>();
  private readonly joins = new Map<string, JoinWindow>();
  private readonly since = new Map<string, number>();
  /** Frames by kind (`presence_diff`, `broadcast pk:state`, ...), whole room: to and from the hub. */
  readonly kinds = { fromClients: new Map<string, number>(), toClients: new Map<string, number>() };

  constructor(private readonly now: () => number = Date.now) {}

  /** The tally of `user`'s current session (created on first use). */
  tally(user: string): ClientTally {
    let t = this.tallies.get(user);
    if (!t) {
      t = {
        user,
        framesOut: 0,
        bytesOut: 0,
        framesIn: 0,
        bytesIn: 0,
        presenceCalls: 0,
        tracks: 0,
        maxCallsPer30s: 0,
        wouldBeShutDown: 0,
        connectedMs: 0,
      };
      this.tallies.set(user, t);
    }
    return t;
  }

  /** Counts a frame at `user`'s transport. */
  frame(user: string, direction: 'in' | 'out', bytes: number): void {
    const t = this.tally(user);
    if (direction === 'out') {
      t.framesOut += 1;
      t.bytesOut += bytes;
    } else {
      t.framesIn += 1;
      t.bytesIn += bytes;
    }
  }

  /** Taps `hub` for presence calls; a socket is tied to a user by its channel join's presence key. */
  attach(hub: Hub): () => void {
    return hub.testing.onFrame((direction, socketId, frame) => {
      const payload = frame.payload as Record<string, unknown> | null;
      const kind =
        frame.event === 'broadcast' ? `broadcast ${String(payload?.event)}` : frame.event;
      const kinds = direction === 'in' ? this.kinds.fromClients : this.kinds.toClients;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (direction !== 'in') return;
      if (frame.event === 'phx_join') {
        const config = payload?.config as { presence?: { key?: unknown } } | undefined;
        const key = config?.presence?.key;
        if (typeof key === 'string' && key !== '') this.socketUser.set(socketId, key);
        this.joins.delete(`${socketId} ${frame.topic}`);
      } else if (frame.event === 'presence') {
        const user = this.socketUser.get(socketId);
        if (user) this.presenceCall(user, `${socketId} ${frame.topic}`, payload?.event === 'track');
      }
    });
  }

  private presenceCall(user: string, join: string, track: boolean): void {
    const t = this.tally(user);
    const now = this.now();
    t.presenceCalls += 1;
    if (track) t.tracks += 1;
    let w = this.joins.get(join);
    if (!w) {
      w = {
        times: [],
        rule: new SlidingWindow(SERVER_RULE.maxCalls, SERVER_RULE.windowMs, this.now),
      };
      this.joins.set(join, w);
    }
    w.times.push(now);
    while ((w.times[0] ?? now) <= now - SERVER_RULE.windowMs) w.times.shift();
    t.maxCallsPer30s = Math.max(t.maxCallsPer30s, w.times.length);
    if (!w.rule.hit()) {
      // The real server closes the channel here; the client rejoins, and a new join starts afresh.
      t.wouldBeShutDown += 1;
      w.rule = new SlidingWindow(SERVER_RULE.maxCalls, SERVER_RULE.windowMs, this.now);
      w.times = [];
    }
  }

  /** `user`'s client connected (again, after a reload). */
  opened(user: string): void {
    this.tally(user);
    if (!this.since.has(user)) this.since.set(user, this.now());
  }

  /** `user`'s session ended (left the room); its tally stays under `user`. */
  closed(user: string): void {
    const t = this.tallies.get(user);
    const from = this.since.get(user);
    if (t && from !== undefined) t.connectedMs += this.now() - from;
    this.since.delete(user);
  }

  /** Every tally, with connected time up to now for sessions still open. */
  all(): ClientTally[] {
    const now = this.now();
    return [...this.tallies.values()].map((t) => {
      const from = this.since.get(t.user);
      return from === undefined ? { ...t } : { ...t, connectedMs: t.connectedMs + now - from };
    });
  }
}
