import { encodeText } from '../protocol/messageCodec.js';
import type { OutMessage, Vsn } from '../protocol/types.js';
import type { JwtClaims } from './auth.js';
import type { Channel, HubContext, HubSocket } from './context.js';
import { closeConnection } from './handleFrame.js';
import { PresenceBudgets } from './presenceBudgets.js';
import type { SocketSink } from './types.js';

/** Frames a socket may queue behind a slow (async) one before it is closed as a flood. */
const MAX_QUEUE = 10_000;

/** Topics with a presence budget one socket may keep, per channel it may hold. */
const BUDGET_TOPICS_PER_CHANNEL = 10;

type Handler = (conn: Connection, data: string | Uint8Array) => void | Promise<void>;

/**
 * One client socket. Inbound frames are handled strictly in order: when a handler is async
 * (token checks), later frames wait in a queue, so a join is always settled before what follows it.
 */
export class Connection implements HubSocket {
  readonly channels = new Map<string, Channel>();
  readonly presenceBudgets: PresenceBudgets;
  lastSeen: number;
  closed = false;
  private readonly queue: (string | Uint8Array)[] = [];
  private busy = false;

  constructor(
    readonly id: string,
    readonly vsn: Vsn,
    readonly sink: SocketSink,
    readonly token: string,
    readonly claims: JwtClaims,
    private readonly ctx: HubContext,
    private readonly handler: Handler,
  ) {
    this.lastSeen = ctx.now();
    const { clientPresenceMaxCalls, clientPresenceWindowMs, maxChannelsPerClient } = ctx.limits;
    this.presenceBudgets = new PresenceBudgets(
      clientPresenceMaxCalls,
      clientPresenceWindowMs,
      maxChannelsPerClient * BUDGET_TOPICS_PER_CHANNEL,
      ctx.now,
    );
  }

  /** Accepts one inbound frame. */
  enqueue(data: string | Uint8Array): void {
    if (this.closed) return;
    this.lastSeen = this.ctx.now();
    if (this.busy) {
      // Through the hub, so the flood is logged, counted and its channels leave at once.
      if (this.queue.length >= MAX_QUEUE)
        closeConnection(this.ctx, this, 1008, 'too many queued frames');
      else this.queue.push(data);
      return;
    }
    this.run(data);
  }

  /** Sends a message; `payloadJson` reuses an already serialised payload. */
  send(msg: OutMessage, payloadJson?: string): void {
    if (this.closed) return;
    this.sink.sendText(encodeText(this.vsn, msg, payloadJson));
    this.sent(msg);
  }

  /**
   * Fan-out send of a frame encoded once for every recipient (text, or kind-4 bytes). The caller
   * counts the frames once for all recipients; taps still see each. False if the socket is closed.
   */
  sendShared(frame: string | Uint8Array, msg: OutMessage): boolean {
    if (this.closed) return false;
    if (typeof frame === 'string') this.sink.sendText(frame);
    else this.sink.sendBinary(frame);
    if (this.ctx.taps.size > 0) for (const tap of this.ctx.taps) tap('out', this.id, msg);
    return true;
  }

  private sent(msg: OutMessage): void {
    this.ctx.stats.countOut(msg.event, msg.topic);
    for (const tap of this.ctx.taps) tap('out', this.id, msg);
  }

  private run(data: string | Uint8Array): void {
    let result: void | Promise<void>;
    try {
      result = this.handler(this, data);
    } catch (err) {
      this.ctx.log('error', 'frame handler failed', { socket: this.id, error: String(err) });
      return;
    }
    if (!result) return;
    this.busy = true;
    result
      .catch((err: unknown) =>
        this.ctx.log('error', 'frame handler failed', { socket: this.id, error: String(err) }),
      )
      .finally(() => {
        this.busy = false;
        this.drain();
      });
  }

  private drain(): void {
    while (!this.busy && !this.closed && this.queue.length > 0) {
      const next = this.queue.shift();
      if (next !== undefined) this.run(next);
    }
  }
}
