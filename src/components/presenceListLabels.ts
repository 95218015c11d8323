/** A row's presence: online, away (their `status` state), reconnecting, or leaving. */
export type ListStatus = 'online' | 'away' | 'stale' | 'leaving';

/** Every string `<PresenceList>` shows or announces; override any through `labels`. */
export interface PresenceListLabels {
  /** The header's title. */
  title: string;
  /** The header's count of everyone in the room (us included). */
  count: (count: number) => string;
  /** The scrolling list's accessible name. */
  list: string;
  /** Our own name in the list. */
  self: (name: string) => string;
  /** A row's presence, in words (also the dot's meaning). */
  status: (status: ListStatus) => string;
  /** The (visually hidden) name of a state field before its value. */
  field: (key: string) => string;
  /** Shown when nobody is here yet. */
  empty: string;
}

const STATUS_WORDS: Record<ListStatus, string> = {
  online: 'Online',
  away: 'Away',
  stale: 'Reconnecting',
  leaving: 'Leaving',
};

/** English defaults. */
export const PRESENCE_LIST_LABELS: PresenceListLabels = {
  title: 'Online',
  count: (count) => count.toLocaleString('en'),
  list: 'People in this room',
  self: (name) => `${name} (you)`,
  status: (status) => STATUS_WORDS[status],
  field: (key) => key,
  empty: 'Nobody is here yet.',
};
