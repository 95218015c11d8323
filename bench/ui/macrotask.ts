/**
 * Waits one task (a posted message, as React's scheduler uses; timers would be clamped to 4 ms
 * once nested), so React has committed whatever the previous task scheduled.
 */
const waiting: (() => void)[] = [];
const port = new MessageChannel();
port.port1.onmessage = () => waiting.shift()?.();

/** Resolves after one more task of the page's event loop. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.port2.postMessage(0);
  });
}

/** Polls `check` once per task until it holds, or throws after `maxMs`. */
export async function until(check: () => boolean, what: string, maxMs = 15_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > maxMs)
      throw new Error(`ui bench: ${what} not within ${maxMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
