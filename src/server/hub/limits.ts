/** Server limits. Defaults are the real Supabase Realtime defaults (docs/protocol.md §5.4). */
export interface Limits {
  /**
   * Presence calls allowed per socket and topic inside `clientPresenceWindowMs`, kept across leave
   * and rejoin (the real server counts per channel join and bounds rejoins by its join rate).
   * @default 5
   */
  clientPresenceMaxCalls: number;
  /** @default 30000 */
  clientPresenceWindowMs: number;
  /** Channels one socket may hold. @default 100 */
  maxChannelsPerClient: number;
  /** Largest broadcast/track/REST payload, in kB (limit is kb*1000+500 bytes, as the server). @default 3000 */
  maxPayloadSizeKb: number;
  /** Tenant-wide sends plus deliveries per second, averaged over 60 s. @default 100 */
  maxEventsPerSecond: number;
  /** Tenant-wide presence events (tracks, `presence_state` pushes, diff deliveries) per second, 60 s average. @default 1000 */
  maxPresenceEventsPerSecond: number;
  /** Largest inbound WebSocket frame; larger closes the socket (1009). @default 5000000 */
  maxFrameSizeBytes: number;
  /**
   * Longest presence key, in UTF-16 units; a join with a longer key is refused (Supabase has no
   * such bound; every key is copied into every `presence_state` and diff). @default 256
   */
  maxPresenceKeyLength: number;
  /**
   * Longest topic name (after `realtime:`), in UTF-16 units; a longer join is refused and a REST
   * broadcast to it gets 422 (Supabase has no such bound; the room keeps the name while joined,
   * and realtime-js's binary frames cannot carry a topic over 255 bytes anyway). @default 256
   */
  maxTopicLength: number;
  /**
   * Distinct names each stats tally keeps (event names are client-chosen); the rest are counted
   * under `(other)`. @default 1000
   */
  maxStatsKeys: number;
  /**
   * Bytes that may wait unsent for one client (ws `bufferedAmount` on the Node host, the undelivered
   * queue on the loopback); past it the socket is closed as a slow consumer (1008). @default 8000000
   */
  maxBufferedBytes: number;
}

/** The real server's defaults, plus the local server's own bounds. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  clientPresenceMaxCalls: 5,
  clientPresenceWindowMs: 30_000,
  maxChannelsPerClient: 100,
  maxPayloadSizeKb: 3000,
  maxEventsPerSecond: 100,
  maxPresenceEventsPerSecond: 1000,
  maxFrameSizeBytes: 5_000_000,
  maxPresenceKeyLength: 256,
  maxTopicLength: 256,
  maxStatsKeys: 1000,
  maxBufferedBytes: 8_000_000,
});

/** Merges partial limits over the defaults. */
export function resolveLimits(partial?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...partial };
}

/** Bytes a payload may take before it is "too large" (the server's kb*1000 + 500). */
export function payloadByteLimit(limits: Limits): number {
  return limits.maxPayloadSizeKb * 1000 + 500;
}

/** Why a topic name is refused for its length (join reason after `TopicNameTooLong: `, REST error). */
export function topicTooLong(max: number): string {
  return `topic name must be at most ${String(max)} characters`;
}

/** A sliding-window call counter: `hit()` is false once more than `max` calls fall in `windowMs`. */
export class SlidingWindow {
  private readonly hits: number[] = [];
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Records a call; returns false when it exceeds the limit (refused calls are not kept, so the
   * window holds at most `max` calls whatever the client sends). */
  hit(): boolean {
    this.expire();
    if (this.hits.length >= this.max) return false;
    this.hits.push(this.clock());
    return true;
  }

  /** True when no call falls in the window: the counter is as good as a fresh one. */
  idle(): boolean {
    this.expire();
    return this.hits.length === 0;
  }

  private expire(): void {
    const now = this.clock();
    while (this.hits.length > 0 && (this.hits[0] ?? 0) <= now - this.windowMs) this.hits.shift();
  }

  /** Calls counted in the current window. */
  get count(): number {
    return this.hits.length;
  }
}

const BUCKET_MS = 5000;
const BUCKETS = 12;

/** A 60 s average rate in 12 × 5 s buckets, as the real server's rate counters. */
export class AverageRate {
  private readonly buckets = new Map<number, number>();
  private total = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Adds `n` events now. */
  add(n: number): void {
    const now = this.clock();
    const slot = Math.floor(now / BUCKET_MS);
    this.expire(slot);
    this.buckets.set(slot, (this.buckets.get(slot) ?? 0) + n);
    this.total += n;
  }

  /** Events per second averaged over the last 60 s. */
  perSecond(): number {
    this.expire(Math.floor(this.clock() / BUCKET_MS));
    return this.total / ((BUCKET_MS * BUCKETS) / 1000);
  }

  private expire(slot: number): void {
    for (const [s, n] of this.buckets) {
      if (s <= slot - BUCKETS) {
        this.buckets.delete(s);
        this.total -= n;
      }
    }
  }
}
