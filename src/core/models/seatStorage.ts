import type { SeatStorage } from './seatTypes.js';

/** Our claim as kept across a reload. */
export interface StoredSeat {
  readonly index: number;
  readonly at: number;
  readonly muted: boolean;
  /** When this tab stopped (page hide, model destroyed); absent while it runs. */
  readonly leftAt?: number;
}

/** `sessionStorage` where there is one (it can throw on access: privacy modes, sandboxing). */
export function defaultSeatStorage(): SeatStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** One tab's claim in one room, in a storage that may be full, missing or tampered with. */
export class SeatStore {
  readonly #key: string;
  readonly #hostKey: string;
  readonly #storage: SeatStorage | null;

  constructor(storage: SeatStorage | null, channelName: string, userId: string) {
    this.#storage = storage;
    const id = JSON.stringify([channelName, userId]);
    this.#key = `presence-kit:seat:${id}`;
    this.#hostKey = `presence-kit:seat-host:${id}`;
  }

  /** The stored claim, or `null` when there is none or it does not parse. */
  read(): StoredSeat | null {
    let parsed: unknown;
    try {
      const text = this.#storage?.getItem(this.#key);
      if (text === null || text === undefined) return null;
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { index, at, muted, leftAt } = parsed as Record<string, unknown>;
    if (!isCount(index) || !isCount(at) || typeof muted !== 'boolean') return null;
    if (leftAt !== undefined && !isCount(leftAt)) return null;
    return leftAt === undefined ? { index, at, muted } : { index, at, muted, leftAt };
  }

  write(seat: StoredSeat): void {
    try {
      this.#storage?.setItem(this.#key, JSON.stringify(seat));
    } catch {
      // A full or refused storage only costs the seat on reload.
    }
  }

  clear(): void {
    try {
      this.#storage?.removeItem(this.#key);
    } catch {
      // As above.
    }
  }

  /** The host's last written `pk.host` value (checked again by the caller), or `null`. */
  readHost(): string | null {
    try {
      return this.#storage?.getItem(this.#hostKey) ?? null;
    } catch {
      return null;
    }
  }

  writeHost(value: string): void {
    try {
      this.#storage?.setItem(this.#hostKey, value);
    } catch {
      // A host who reloads then loses their locks, nothing else.
    }
  }

  /** Marks the stored claim as left now, so a reload knows how long it was away. */
  markLeft(now: number): void {
    const seat = this.read();
    if (seat !== null)
      this.write({ index: seat.index, at: seat.at, muted: seat.muted, leftAt: now });
  }
}
