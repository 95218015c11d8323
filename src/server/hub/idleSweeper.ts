import type { HubSocket } from './context.js';

/**
 * Closes sockets that sent nothing for `timeoutMs` (Phoenix's transport timeout, 60 s; heartbeats
 * keep a socket alive). One interval for all sockets, running only while there are any.
 */
export class IdleSweeper {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly timeoutMs: number,
    private readonly connections: () => Iterable<HubSocket>,
    private readonly expire: (conn: HubSocket) => void,
    private readonly now: () => number,
  ) {}

  /** Starts sweeping, if enabled and not already running. */
  start(): void {
    if (this.timeoutMs <= 0 || this.timer !== null) return;
    this.timer = setInterval(
      () => this.sweep(),
      Math.max(10, Math.min(this.timeoutMs / 4, 15_000)),
    );
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private sweep(): void {
    const deadline = this.now() - this.timeoutMs;
    let live = 0;
    for (const conn of [...this.connections()]) {
      if (conn.lastSeen < deadline) this.expire(conn);
      else live += 1;
    }
    if (live === 0) this.stop();
  }
}
