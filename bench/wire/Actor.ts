/** What the script runner asks of one user's client, kit or naive alike. */
export interface Actor {
  readonly user: string;
  /** True once joined (actions before that are skipped and counted). */
  readonly ready: boolean;
  join(): Promise<void>;
  leave(): Promise<void>;
  setState(key: string, value: string): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  takeSeat(seat: number): Promise<void>;
  leaveSeat(): Promise<void>;
  /** One keystroke in the chat box. */
  keystroke(): void;
  /** The message was sent: typing stops. */
  stopTyping(): void;
  /** The RTC SDK's level report for our microphone (0 … 1). */
  level(value: number): void;
}

/** Builds the actor of `user` (whose client hears the room when `hearing`). */
export type ActorFactory = (user: string, hearing: boolean) => Actor;

/** The presence state every user starts with (the same for the kit and the naive approach). */
export const INITIAL_STATE = Object.freeze({ status: 'online', hand: 'down' });

/** Level at or above which a microphone counts as speaking (the seat model's default). */
export const SPEAKING_THRESHOLD = 0.05;

/** The channel of the voice room. */
export const ROOM = 'voice-room';
