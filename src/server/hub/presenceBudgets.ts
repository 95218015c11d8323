import { SlidingWindow } from './limits.js';

/**
 * One socket's client presence budgets, one sliding window per topic, kept across leave and
 * rejoin: with a window per join, a client cycling leave/rejoin got a fresh budget each time
 * (the real server bounds that with its tenant join rate, which this server does not enforce).
 * Bounded: a topic's window goes once it holds no call in the window (an idle window is the same
 * as a fresh one), past `maxTopics` the oldest goes, and all go with the socket.
 */
export class PresenceBudgets {
  private readonly windows = new Map<string, SlidingWindow>();

  constructor(
    private readonly maxCalls: number,
    private readonly windowMs: number,
    private readonly maxTopics: number,
    private readonly clock: () => number,
  ) {}

  /** Records a presence call on `topic`; false when it is over the limit. */
  hit(topic: string): boolean {
    let window = this.windows.get(topic);
    if (!window) {
      this.makeRoom();
      window = new SlidingWindow(this.maxCalls, this.windowMs, this.clock);
      this.windows.set(topic, window);
    }
    return window.hit();
  }

  /** Topics whose window is kept now. */
  get size(): number {
    return this.windows.size;
  }

  private makeRoom(): void {
    if (this.windows.size < this.maxTopics) return;
    for (const [topic, window] of this.windows) if (window.idle()) this.windows.delete(topic);
    // Only a client calling on more topics than this within one window gets here; the entry made
    // first is the one forgotten (at worst it regains one topic's budget per `maxTopics` topics).
    const oldest = this.windows.keys().next();
    if (this.windows.size >= this.maxTopics && !oldest.done) this.windows.delete(oldest.value);
  }
}
