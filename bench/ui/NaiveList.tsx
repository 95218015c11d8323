/**
 * The peer: the list Supabase's docs teach. Every `sync` event calls `channel.presenceState()`
 * and puts the whole result into React state, and the list renders one row per user (a plain,
 * unmemoised row component, as in the docs' examples).
 */
import { useEffect, useState, type ReactNode } from 'react';

/** One row of the naive list: the presence key and the first meta's state. */
export interface NaiveUser {
  key: string;
  name: string;
  status: string;
}

/** Where the channel's `sync` listener (bound before `subscribe`, as supabase-js needs) delivers. */
export interface NaiveSink {
  set(state: Record<string, unknown[]>): void;
  /** Called by the list once mounted: `set` then reaches its state. */
  attach(target: (state: Record<string, unknown[]>) => void): void;
  readonly mounted: boolean;
}

/** A sink that drops deliveries until the list attaches. */
export function createNaiveSink(): NaiveSink {
  let target: ((state: Record<string, unknown[]>) => void) | null = null;
  return {
    set: (state) => target?.(state),
    attach: (next) => {
      target = next;
    },
    get mounted() {
      return target !== null;
    },
  };
}

type Meta = { state?: Record<string, string> };

function toUsers(state: Record<string, unknown[]>): NaiveUser[] {
  return Object.entries(state).map(([key, metas]) => {
    const meta = metas[0] as Meta | undefined;
    return { key, name: meta?.state?.name ?? key, status: meta?.state?.status ?? '' };
  });
}

function NaiveRow({ user }: { user: NaiveUser }): ReactNode {
  return (
    <li data-status={user.status}>
      {user.name} · {user.status}
    </li>
  );
}

/** `sync` → `presenceState()` → `setUsers`, then every row again. */
export function NaiveList({ sink }: { sink: NaiveSink }): ReactNode {
  const [users, setUsers] = useState<NaiveUser[]>([]);
  useEffect(() => {
    sink.attach((state) => setUsers(toUsers(state)));
  }, [sink]);
  return (
    <ul>
      {users.map((user) => (
        <NaiveRow key={user.key} user={user} />
      ))}
    </ul>
  );
}
