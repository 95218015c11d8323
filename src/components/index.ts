/**
 * presence-kit/components: ready-made presence UI on top of `presence-kit/react`. Styles ship
 * separately in `presence-kit/styles.css`.
 */
export type { LabelOverrides } from './labels.js';
export type { ProfileProps } from './profileProps.js';
export { Avatar, type AvatarProps } from './Avatar.js';
export type { DotStatus } from './occupantStatus.js';
export { OnlineAvatars, type OnlineAvatarsProps } from './OnlineAvatars.js';
export { ONLINE_AVATARS_LABELS, type OnlineAvatarsLabels } from './onlineAvatarsLabels.js';
export { TypingIndicator, type TypingIndicatorProps } from './TypingIndicator.js';
export {
  TYPING_INDICATOR_LABELS,
  typingSentence,
  type TypingIndicatorLabels,
} from './typingSentence.js';
export {
  ConnectionStatus,
  CONNECTION_STATUS_LABELS,
  type ConnectionStatusLabels,
  type ConnectionStatusProps,
} from './ConnectionStatus.js';
export { MicSeats, type MicSeatsProps } from './MicSeats.js';
export { MIC_SEATS_LABELS, type MicSeatsLabels, type SeatDescription } from './micSeatsLabels.js';
export { PresenceList, type PresenceListProps } from './PresenceList.js';
export {
  PRESENCE_LIST_LABELS,
  type ListStatus,
  type PresenceListLabels,
} from './presenceListLabels.js';
export { LiveCursors, type LiveCursorsProps } from './LiveCursors.js';
