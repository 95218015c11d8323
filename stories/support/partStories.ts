/**
 * The seat options MicSeats' part stories give both the part and the story room (whose
 * decorator seats the scripted users from the same `seatCount` and `hostId` args).
 */
export const PART_SEATS = { seatCount: 4, hostId: 'viewer' } as const;
