import {
  createMicSeats,
  createTyping,
  type MicSeats,
  type Presence,
  type Room,
  type TypingModel,
} from 'presence-kit';
import type { BotState } from './botProfiles.js';

/** The seat model's room-wide options a simulated user needs (see `createMicSeats`). */
export interface SeatModelOptions {
  seatCount: number;
  hostId?: string;
}

/**
 * A simulated user's typing and seat models (the kit's own, `createTyping` and
 * `createMicSeats`), made on first use for the room it is in and made again after a rejoin, which
 * is a new room. `destroy()` ends them with the user.
 */
export class UserModels {
  private room: Room<BotState> | undefined;
  private typingModel: TypingModel | undefined;
  private seatModel: MicSeats | undefined;

  constructor(
    private readonly currentRoom: () => Room<BotState> | undefined,
    private readonly presence: Presence<BotState>,
  ) {}

  /** The typing model for the current room, or `undefined` while not joined. */
  typing(): TypingModel | undefined {
    if (!this.follow()) return undefined;
    this.typingModel ??= createTyping(this.room as Room<BotState>);
    return this.typingModel;
  }

  /** The seat model for the current room, or `undefined` while not joined. */
  seats(options: SeatModelOptions): MicSeats | undefined {
    if (!this.follow()) return undefined;
    this.seatModel ??= createMicSeats(this.room as Room<BotState>, {
      ...options,
      presence: this.presence,
      // Bots have no tab to reload, and must not share the story tab's sessionStorage.
      storage: null,
    });
    return this.seatModel;
  }

  /** Ends both models. */
  destroy(): void {
    this.typingModel?.destroy();
    this.seatModel?.destroy();
    this.typingModel = this.seatModel = undefined;
  }

  /** Drops models bound to an earlier room; false while not in one. */
  private follow(): boolean {
    const room = this.currentRoom();
    if (room !== this.room) {
      this.destroy();
      this.room = room;
    }
    return room !== undefined;
  }
}
