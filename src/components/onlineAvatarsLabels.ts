import type { DotStatus } from './occupantStatus.js';

/** Every string `<OnlineAvatars>` shows or announces; override any through `labels`. */
export interface OnlineAvatarsLabels {
  /** The list's accessible name. */
  list: (count: number) => string;
  /** An avatar's accessible name (read by screen readers, shown as its tooltip). */
  avatar: (name: string, status: DotStatus, isSelf: boolean) => string;
  /** The overflow button's text. */
  more: (count: number) => string;
  /** The overflow button's accessible name (keep the visible text in it). */
  moreLabel: (count: number) => string;
  /** The popover's heading and accessible name. */
  rest: string;
  /** Below the popover's names when even more people are online. */
  restMore: (count: number) => string;
}

const statusWords: Record<DotStatus, string> = {
  online: '',
  away: ', away',
  stale: ', reconnecting',
};

/** English defaults. */
export const ONLINE_AVATARS_LABELS: OnlineAvatarsLabels = {
  list: (count) => `${count} online`,
  avatar: (name, status, isSelf) => `${name}${isSelf ? ' (you)' : ''}${statusWords[status]}`,
  more: (count) => `+${count}`,
  moreLabel: (count) => `+${count} more`,
  rest: 'Also online',
  restMore: (count) => `and ${count} more`,
};
