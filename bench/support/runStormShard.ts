/**
 * The child side of a join-storm shard, shared by its two kinds of receivers (stormShard.ts: real
 * realtime-js clients; rawStormShard.ts: bare `ws` sockets). The conversation with storm.ts is
 * the same for both: `connect` (a StormSetup) → `ready`, `go` → one `converged` once every
 * receiver of the shard has seen all `total` keys, `close` → `closed`. A kind supplies only how
 * its receivers connect, start and close; the tally and the messages live here.
 */
import { exitWithParent, nowMs, sendToParent, type ShardMessage } from './shards.js';

/** What storm.ts sends with `connect`: this shard's share of the room. */
export interface StormSetup {
  /** The kit server's base URL (`http://127.0.0.1:<port>`). */
  url: string;
  anonKey: string;
  /** The first presence key's number in this shard (`user-<from>`). */
  from: number;
  /** Receivers in this shard. */
  count: number;
  /** Receivers in the whole storm: the keys each must see. */
  total: number;
}

/** The shard's one report, once all of its receivers have seen every key. */
export interface StormConverged extends ShardMessage {
  /** nowMs() when the last receiver of the shard converged. */
  at: number;
  /** Presence joins the shard's receivers were told about, repeats included. */
  joinsSeen: number;
  /** The shard's CPU time since `go`. */
  cpu: { user: number; system: number };
  /** Milliseconds from `go` to the shard's last successful join. */
  lastSubscribedMs: number;
  /** Join replies by status (`SUBSCRIBED`, `ok`, `error`, ...). */
  statuses: Record<string, number>;
}

/** What one kind of receiver does; runStormShard calls these on the parent's messages. */
export interface StormReceiverKind {
  /** Opens the shard's receivers (not yet joined) and resolves with how many are connected. */
  connect(setup: StormSetup, tally: StormTally): Promise<number>;
  /** Joins and tracks every receiver, after `tally.start()` has been called. */
  go(setup: StormSetup, tally: StormTally): void;
  /** Closes every receiver. */
  close(): void;
}

/** What a shard counts while the storm runs, and its `converged` report. */
export class StormTally {
  private started = 0;
  private cpu = process.cpuUsage();
  private converged = 0;
  private lastJoined = 0;
  /** Presence joins seen by all of the shard's receivers. */
  joinsSeen = 0;
  // Statuses come off the wire: a null-prototype object, so `__proto__` is just a key.
  private readonly statuses: Record<string, number> = Object.create(null) as Record<string, number>;

  /** The clock (and the CPU meter) starts: the moment storm.ts says `go`. */
  start(): void {
    this.started = nowMs();
    this.cpu = process.cpuUsage();
  }

  /**
   * A receiver's join was answered with `status`; `joined` when that reply counts as the receiver
   * being in the room (it then sets the last-join time).
   */
  joinReply(status: string, joined: boolean): void {
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    if (joined) this.lastJoined = nowMs();
  }

  /** A receiver has seen every key; the last of the shard's `receivers` reports `converged`. */
  receiverConverged(receivers: number): void {
    if (++this.converged !== receivers) return;
    const report: StormConverged = {
      type: 'converged',
      at: nowMs(),
      joinsSeen: this.joinsSeen,
      cpu: process.cpuUsage(this.cpu),
      lastSubscribedMs: this.lastJoined - this.started,
      statuses: { ...this.statuses },
    };
    sendToParent(report);
  }
}

/** Runs this process as a storm shard of `kind` until the parent closes it or goes away. */
export function runStormShard(kind: StormReceiverKind): void {
  const tally = new StormTally();
  let setup: StormSetup | null = null;
  process.on('message', (raw) => {
    const message = raw as ShardMessage;
    if (message.type === 'connect') {
      const given = message as unknown as StormSetup;
      setup = given;
      void kind
        .connect(given, tally)
        .then((connected) => sendToParent({ type: 'ready', connected }));
    } else if (message.type === 'go' && setup) {
      tally.start();
      kind.go(setup, tally);
    } else if (message.type === 'close') {
      kind.close();
      sendToParent({ type: 'closed' });
    }
  });
  exitWithParent();
}
