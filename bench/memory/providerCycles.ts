/**
 * 1,000 PresenceProvider mount/unmount cycles in jsdom: every provider joins its own room over
 * the loopback (a real supabase-js client and the kit's React binding), all are mounted, then
 * all are unmounted and leave. Reports the heap the mounted providers took and how much of it
 * came back once they were gone (target ≥ 90 %).
 */
import { createElement, act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { PresenceProvider } from '../../src/react/index.js';
import { createLoopbackClient } from '../../src/server/loopback/index.js';
import { settledHeap } from './heap.js';

/** What the cycles took and gave back, in bytes. */
export interface ProviderCycles {
  cycles: number;
  /** Heap with every provider mounted and joined, above the baseline. */
  taken: number;
  /** Heap still held after every provider unmounted and left, above the baseline. */
  retained: number;
  /** (taken − retained) / taken. */
  returnedRatio: number;
  /** Channels the client still held at the end (0: every room was left). */
  channelsLeft: number;
}

const until = async (check: () => boolean, what: string, maxMs = 60_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > maxMs)
      throw new Error(`memory bench: ${what} not within ${String(maxMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/**
 * The heap once the last leave's timers have run: supabase-js keeps a left channel's push (and
 * its 10 s timeout) until the timeout fires, so both readings wait that long first.
 */
async function quietHeap(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 10_500));
  return settledHeap();
}

/**
 * Mounts `count` providers (100 per render batch), waits until all joined, calls `mounted` (for a
 * reading), then unmounts them all and waits until every room was left.
 */
async function wave(
  container: HTMLElement,
  lb: ReturnType<typeof createLoopbackClient>,
  count: number,
  first: number,
  mounted: () => Promise<void> = async () => undefined,
): Promise<void> {
  const roots: Root[] = [];
  // Rendered 100 per act(): what the cycles cost is the providers, not act()'s own round trips.
  for (let start = 0; start < count; start += 100) {
    await act(async () => {
      for (let i = start; i < Math.min(count, start + 100); i += 1) {
        const host = document.createElement('div');
        container.appendChild(host);
        const root = createRoot(host);
        roots.push(root);
        const n = first + i;
        root.render(
          createElement(PresenceProvider, {
            client: lb.client,
            userId: `user-${String(n)}`,
            channel: `room-${String(n)}`,
          }),
        );
      }
    });
  }
  const joined = () => lb.client.getChannels().filter((c) => c.state === 'joined').length;
  await until(() => joined() >= count, `${String(count)} rooms joined`);
  await mounted();
  for (let start = 0; start < roots.length; start += 100)
    await act(async () => {
      for (const root of roots.slice(start, start + 100)) root.unmount();
    });
  container.replaceChildren();
  await until(() => lb.client.getChannels().length === 0, 'every room left');
}

/** Runs `cycles` mount/unmount cycles as one wave and measures the heap around it. */
export async function providerCycles(cycles = 1000): Promise<ProviderCycles> {
  const lb = createLoopbackClient({
    hubOptions: {
      limits: {
        maxChannelsPerClient: cycles + 100,
        maxEventsPerSecond: 1e9,
        maxPresenceEventsPerSecond: 1e9,
      },
    },
  });
  const container = document.createElement('div');
  document.body.appendChild(container);
  // A warm-up wave loads every module and fills the JIT and the hub's caches.
  await wave(container, lb, 100, 1_000_000);
  const base = await quietHeap();
  let mounted = 0;
  await wave(container, lb, cycles, 0, async () => void (mounted = await settledHeap()));
  const after = await quietHeap();
  const channelsLeft = lb.client.getChannels().length;
  await lb.close();
  const taken = mounted - base;
  const retained = after - base;
  return { cycles, taken, retained, returnedRatio: (taken - retained) / taken, channelsLeft };
}
