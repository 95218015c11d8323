/**
 * A fake clock for simulating long stretches of time in one process: it replaces the global
 * timers (setTimeout, setInterval and their clear*), `Date` and `performance.now` until
 * uninstalled. Due timers sit in a binary heap, so firing one costs O(log n) however many are
 * pending (vitest's fake timers scan every pending timer per fire, which dominated an hour of a
 * 208-client room). After each timer the clock yields one real macrotask turn, so promise chains
 * and the loopback's microtask deliveries run between timers as they would between real ones.
 * `setImmediate` and `queueMicrotask` stay real.
 */

interface Timer {
  id: number;
  at: number;
  seq: number;
  interval: number | null;
  fn: (...args: unknown[]) => void;
  args: unknown[];
  live: boolean;
}

/** What `setTimeout` returns: a Node-like Timeout (ref/unref/refresh) that is also a number. */
class FakeTimeout {
  constructor(
    readonly id: number,
    private readonly clock: FakeClock,
  ) {}
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  hasRef(): boolean {
    return true;
  }
  refresh(): this {
    this.clock.refresh(this.id);
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.id;
  }
}

const realSetImmediate = globalThis.setImmediate;
const turn = () => new Promise<void>((resolve) => realSetImmediate(resolve));

/** The clock. `install()` makes it global; `advance(ms)` moves it, firing what falls due. */
export class FakeClock {
  now: number;
  private readonly heap: Timer[] = [];
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;
  private seq = 0;
  private durations = new Map<number, number>();

  constructor(start = Date.now()) {
    this.now = start;
  }

  /** Replaces the globals; returns the function that puts the real ones back. */
  install(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'].map(
      (k) => [k, g[k]] as const,
    );
    const realNow = performance.now;
    const origin = this.now - performance.now();
    g.setTimeout = (fn: Timer['fn'], ms?: number, ...args: unknown[]) =>
      this.add(fn, ms, args, false);
    g.setInterval = (fn: Timer['fn'], ms?: number, ...args: unknown[]) =>
      this.add(fn, ms, args, true);
    g.clearTimeout = g.clearInterval = (handle: unknown) => this.clear(handle);
    g.Date = fakeDate(this);
    performance.now = () => this.now - origin;
    return () => {
      for (const [k, v] of saved) g[k] = v;
      performance.now = realNow;
    };
  }

  /** Moves time forward by `ms`, firing due timers in order (ties: in the order they were set). */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (let top = this.heap[0]; top && top.at <= until; top = this.heap[0]) {
      this.pop();
      if (!top.live) continue;
      this.now = Math.max(this.now, top.at);
      if (top.interval === null) {
        top.live = false;
        this.timers.delete(top.id);
      } else this.push({ ...top, at: top.at + top.interval, seq: this.seq++ }, top.id);
      top.fn(...top.args);
      await turn();
    }
    this.now = until;
    await turn();
  }

  /** Pending timers (for checks). */
  get pending(): number {
    return this.timers.size;
  }

  /** Re-arms timer `id` from now (Node's `Timeout.refresh`). */
  refresh(id: number): void {
    const timer = this.timers.get(id);
    if (!timer) return;
    timer.live = false;
    this.push(
      { ...timer, live: true, at: this.now + (this.durations.get(id) ?? 0), seq: this.seq++ },
      id,
    );
  }

  private add(fn: Timer['fn'], ms: number | undefined, args: unknown[], repeat: boolean) {
    const id = this.nextId++;
    const delay = Math.max(1, Math.floor(Number(ms) || 0));
    this.durations.set(id, delay);
    const timer: Timer = {
      id,
      at: this.now + delay,
      seq: this.seq++,
      interval: repeat ? delay : null,
      fn,
      args,
      live: true,
    };
    this.push(timer, id);
    return new FakeTimeout(id, this);
  }

  private clear(handle: unknown): void {
    const id = typeof handle === 'object' && handle !== null ? Number(handle) : Number(handle);
    const timer = this.timers.get(id);
    if (timer) timer.live = false;
    this.timers.delete(id);
    this.durations.delete(id);
  }

  private push(timer: Timer, id: number): void {
    this.timers.set(id, timer);
    const heap = this.heap;
    heap.push(timer);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Timer, heap[parent] as Timer)) break;
      [heap[i], heap[parent]] = [heap[parent] as Timer, heap[i] as Timer];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    heap[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l] as Timer, heap[m] as Timer)) m = l;
      if (r < heap.length && before(heap[r] as Timer, heap[m] as Timer)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as Timer, heap[i] as Timer];
      i = m;
    }
  }
}

const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** A `Date` whose no-argument constructor and `now()` read the clock. */
function fakeDate(clock: FakeClock): DateConstructor {
  const RealDate = Date;
  class ClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now);
      else super(...(args as [string]));
    }
    static override now(): number {
      return clock.now;
    }
  }
  return ClockDate as unknown as DateConstructor;
}
