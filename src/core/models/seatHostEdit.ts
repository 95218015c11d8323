import type { HostState } from './seatState.js';

/** A host state being edited. */
export interface HostDraft {
  readonly locks: Set<number>;
  readonly kicks: Set<string>;
}

/**
 * The host's next state: `base` with `edit` applied, dated after `base` (so every client, and the
 * host's other tabs, take it as the newest), kicks of claims nobody holds any more dropped.
 */
export function editHostState(
  base: HostState,
  now: number,
  stillClaimed: (index: number, at: number) => boolean,
  edit: (draft: HostDraft) => void,
): HostState {
  const kicks = new Set<string>();
  for (const key of base.kicks) {
    const [seat, at] = key.split(':');
    if (stillClaimed(Number(seat), Number(at))) kicks.add(key);
  }
  const draft: HostDraft = { locks: new Set(base.locks), kicks };
  edit(draft);
  return { at: Math.max(now, base.at + 1), locks: draft.locks, kicks: draft.kicks };
}
