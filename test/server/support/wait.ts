import type { RealtimeChannel } from '@supabase/supabase-js';

/** Polls until `check` returns a truthy value, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T,
  what: string,
  timeoutMs = 4000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Subscribes and records every status; resolves on the first SUBSCRIBED, rejects on anything else first. */
export function subscribe(channel: RealtimeChannel, statuses: string[] = []): Promise<string[]> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, err) => {
      statuses.push(status);
      if (statuses.length > 1) return;
      if (status === 'SUBSCRIBED') resolve(statuses);
      else reject(Object.assign(new Error(`${status}: ${err?.message ?? ''}`), { statuses }));
    });
  });
}

/** Records the statuses of a subscription without expecting success. */
export function subscribeRecording(channel: RealtimeChannel): {
  statuses: string[];
  errors: string[];
} {
  const log = { statuses: [] as string[], errors: [] as string[] };
  channel.subscribe((status, err) => {
    log.statuses.push(status);
    if (err) log.errors.push(err.message);
  });
  return log;
}

/** Keys of a channel's presence state, sorted. */
export function presenceKeys(channel: RealtimeChannel): string[] {
  return Object.keys(channel.presenceState()).sort();
}
