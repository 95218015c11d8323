/**
 * One user of the end-to-end benchmark, on the local server through supabase-js: it sets `seq`
 * with `useUserState()` when Node says so, and notes when the peer's `seq`, read through
 * `useUserState(peerId)`, reaches React's commit. Times are `performance.timeOrigin +
 * performance.now()`: milliseconds since the epoch at microsecond steps, one clock for every page
 * of the browser (Node checks how well two pages agree before it measures).
 */
import { useEffect, useLayoutEffect, type ReactNode } from 'react';
import { useConnectionStatus, useUserState } from 'presence-kit/react';

/** The page's clock, comparable across the browser's pages. */
export const clock = (): number => performance.timeOrigin + performance.now();

/** What Node drives through Playwright. */
export interface E2eApi {
  /** True once subscribed and the peer is in the room. */
  ready(): boolean;
  /** Sets our `seq`; returns when it was called on the page's clock. */
  send(seq: string): number;
  /** When the peer's `seq` was committed (waits up to `maxMs`; -1 if it never was). */
  seen(seq: string, maxMs: number): Promise<number>;
}

const seenAt = new Map<string, number>();
const state = { subscribed: false, peerHere: false, send: (_seq: string) => {} };

/** The API on `window.e2eBench`. */
export const api: E2eApi = {
  ready: () => state.subscribed && state.peerHere,
  send(seq) {
    const at = clock();
    state.send(seq);
    return at;
  },
  async seen(seq, maxMs) {
    const start = performance.now();
    while (!seenAt.has(seq) && performance.now() - start < maxMs) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return seenAt.get(seq) ?? -1;
  },
};

/** Wires the hooks to the API. */
export function E2ePage({ peerId }: { peerId: string }): ReactNode {
  const status = useConnectionStatus();
  const [, { setState }] = useUserState();
  const peer = useUserState(peerId);
  const peerSeq = peer?.seq;
  useLayoutEffect(() => {
    // Commit time: the hook has it and React has put it on the page.
    if (peerSeq !== undefined && !seenAt.has(peerSeq)) seenAt.set(peerSeq, clock());
  }, [peerSeq]);
  useEffect(() => {
    state.subscribed = status === 'subscribed';
    state.peerHere = peer !== undefined;
    state.send = (seq) => void setState({ seq });
  }, [status, peer, setState]);
  return <output>{peerSeq ?? '—'}</output>;
}
