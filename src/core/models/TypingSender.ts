import { TYPING_DEFAULTS } from './typingTypes.js';

/**
 * Our side of typing: turns keystrokes into at most one signal per keep-alive interval. It never
 * touches presence, so a burst of any length costs no presence call.
 */
export class TypingSender {
  #typing = false;
  #lastSentAt = Number.NEGATIVE_INFINITY;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #send: (typing: boolean) => Promise<void>;
  readonly #timeoutMs: number;
  readonly #onChange: () => void;

  constructor(send: (typing: boolean) => Promise<void>, timeoutMs: number, onChange: () => void) {
    this.#send = send;
    this.#timeoutMs = timeoutMs;
    this.#onChange = onChange;
  }

  get isTyping(): boolean {
    return this.#typing;
  }

  keystroke(): void {
    const now = Date.now();
    const wasTyping = this.#typing;
    if (!wasTyping || now - this.#lastSentAt >= TYPING_DEFAULTS.keepAliveMs)
      this.#signal(true, now);
    this.#typing = true;
    // Receivers forget us after timeoutMs of silence; so do we, so the next keystroke starts anew.
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => this.#setTyping(false), this.#timeoutMs);
    if (!wasTyping) this.#onChange();
  }

  stop(): void {
    clearTimeout(this.#idleTimer);
    if (!this.#typing) return;
    this.#signal(false, Date.now());
    this.#lastSentAt = Number.NEGATIVE_INFINITY;
    this.#setTyping(false);
  }

  destroy(): void {
    clearTimeout(this.#idleTimer);
  }

  #signal(typing: boolean, now: number): void {
    this.#lastSentAt = now;
    // Typing is ephemeral: a failed send (not subscribed yet, offline) is not worth an error, but
    // the next keystroke should try again rather than wait out the keep-alive interval.
    this.#send(typing).catch(() => {
      if (typing) this.#lastSentAt = Number.NEGATIVE_INFINITY;
    });
  }

  #setTyping(typing: boolean): void {
    if (this.#typing === typing) return;
    this.#typing = typing;
    this.#onChange();
  }
}
