/** What a seat shows, for its accessible name. */
export interface SeatDescription {
  /** 1-based seat number. */
  readonly number: number;
  /** The sanitised name of who sits there, or `null`. */
  readonly name: string | null;
  readonly isSelf: boolean;
  readonly locked: boolean;
  readonly muted: boolean;
  readonly speaking: boolean;
}

/** Every string `<MicSeats>` shows or announces; override any through `labels`. */
export interface MicSeatsLabels {
  /** The seat grid's accessible name. */
  region: string;
  /**
   * A seat's accessible name: "Seat 3, empty", "Seat 3, Alice, muted". Keep the seat's visible
   * words in it, in order (its number, then the name or the empty/locked word), so people who
   * speak a control's visible label to voice control can reach it (WCAG 2.5.3).
   */
  seat: (seat: SeatDescription) => string;
  /** The visible word on an empty seat. */
  empty: string;
  /** The visible word on a locked seat. */
  locked: string;
  /** The mute toggle (a pressed button while muted). */
  mute: string;
  /** The button that gives our seat up. */
  leave: string;
  /** The host's menu button of a seat. */
  menu: (number: number) => string;
  lock: string;
  unlock: string;
  kick: string;
  /** Refusals, shown in words. */
  taken: string;
  lockedRefusal: string;
  notHost: string;
  failed: string;
}

/** English defaults. */
export const MIC_SEATS_LABELS: MicSeatsLabels = {
  region: 'Mic seats',
  // Runs on every render of a seat: plain concatenation, no array to build and filter (a
  // profile's name is never empty, so nothing needs filtering out).
  seat: ({ number, name, isSelf, locked, muted, speaking }) =>
    `Seat ${number}, ${locked ? 'locked' : name === null ? 'empty' : isSelf ? `${name} (you)` : name}${muted ? ', muted' : ''}${speaking ? ', speaking' : ''}`,
  empty: 'Empty',
  locked: 'Locked',
  mute: 'Mute',
  leave: 'Leave seat',
  menu: (number) => `Seat ${number} options`,
  lock: 'Lock seat',
  unlock: 'Unlock seat',
  kick: 'Remove from seat',
  taken: 'That seat is taken.',
  lockedRefusal: 'That seat is locked.',
  notHost: 'Only the host can do that.',
  failed: 'That did not work. Please try again.',
};

/** Internal: the words for a rejected seat action. */
export function refusalText(error: unknown, labels: MicSeatsLabels): string {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : null;
  if (code === 'SEAT_TAKEN') return labels.taken;
  if (code === 'SEAT_LOCKED') return labels.lockedRefusal;
  if (code === 'NOT_HOST') return labels.notHost;
  return labels.failed;
}
