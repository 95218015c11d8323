import { emptyRecord } from './emptyRecord.js';
import type { EventCounts, HubStats, TopicCounters } from './types.js';

/** Where counts of names past a tally's cap go. */
export const OTHER_KEY = '(other)';

/**
 * Longest name a tally keeps (longer ones count under {@link OTHER_KEY}). A frame's event name
 * can be almost the whole 5 MB frame, and the hub-wide tallies outlive the socket that sent it:
 * a thousand such names would hold gigabytes after their sender left.
 */
export const MAX_NAME_LENGTH = 256;

/**
 * Counts by name, at most `maxKeys` distinct names of at most {@link MAX_NAME_LENGTH} characters
 * (then {@link OTHER_KEY}): names are client-chosen, so without a cap one socket sending unique
 * event names grows it without end. A Map, so `__proto__` is a name like any other.
 */
class Tally {
  private readonly counts = new Map<string, number>();

  constructor(private readonly maxKeys: number) {}

  add(name: string, n = 1): void {
    const kept =
      name.length <= MAX_NAME_LENGTH && (this.counts.has(name) || this.counts.size < this.maxKeys);
    const key = kept ? name : OTHER_KEY;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  /** Distinct names counted. */
  get size(): number {
    return this.counts.size;
  }

  /** A null-prototype copy, safe to hand out. */
  toRecord(): EventCounts {
    const out = emptyRecord<number>();
    for (const [key, n] of this.counts) out[key] = n;
    return out;
  }

  clear(): void {
    this.counts.clear();
  }
}

/** One open topic's counters, and how many rooms (public, private) keep it open. */
class TopicTally {
  readonly in: Tally;
  readonly out: Tally;
  track = 0;
  untrack = 0;
  rooms = 1;

  constructor(maxKeys: number) {
    this.in = new Tally(maxKeys);
    this.out = new Tally(maxKeys);
  }

  toCounters(): TopicCounters {
    return {
      in: this.in.toRecord(),
      out: this.out.toRecord(),
      presence: { track: this.track, untrack: this.untrack },
    };
  }
}

/** What {@link StatsCounters.snapshot} returns: the counted part of {@link HubStats}. */
export type CounterSnapshot = Omit<
  HubStats,
  'sockets' | 'channels' | 'eventsPerSecond' | 'presenceEventsPerSecond'
>;

/**
 * The hub's frame counters, bounded whatever clients send: per-topic counters exist only while
 * the topic has a room (frames on topics nobody joined count hub-wide only, and a room's counters
 * go with it), and every tally keeps at most `maxKeys` names.
 */
export class StatsCounters {
  private readonly framesIn: Tally;
  private readonly framesOut: Tally;
  private readonly topics = new Map<string, TopicTally>();
  private readonly decodeErrors: Tally;
  private readonly shutdowns: Tally;
  private readonly rest: Tally;
  private readonly closes: Tally;

  constructor(private readonly maxKeys: number) {
    this.framesIn = new Tally(maxKeys);
    this.framesOut = new Tally(maxKeys);
    this.decodeErrors = new Tally(maxKeys);
    this.shutdowns = new Tally(maxKeys);
    this.rest = new Tally(maxKeys);
    this.closes = new Tally(maxKeys);
  }

  /** A room of `topic` was created: its frames count per topic from now on. */
  openTopic(topic: string): void {
    const tally = this.topics.get(topic);
    if (tally) tally.rooms += 1;
    else this.topics.set(topic, new TopicTally(this.maxKeys));
  }

  /** A room of `topic` is gone; with the last one, the topic's counters go too. */
  closeTopic(topic: string): void {
    const tally = this.topics.get(topic);
    if (tally && --tally.rooms <= 0) this.topics.delete(topic);
  }

  /**
   * Counts an inbound frame hub-wide, and on its topic if open. A join is counted on its topic
   * by {@link countJoin} once accepted: the room it opens does not exist yet.
   */
  countIn(event: string, topic: string): void {
    this.framesIn.add(event);
    if (event !== 'phx_join') this.topics.get(topic)?.in.add(event);
  }

  /** Counts an accepted join on its (now open) topic. */
  countJoin(topic: string): void {
    this.topics.get(topic)?.in.add('phx_join');
  }

  /** Counts `n` outbound frames of one event. */
  countOut(event: string, topic: string, n = 1): void {
    this.framesOut.add(event, n);
    this.topics.get(topic)?.out.add(event, n);
  }

  /** Counts an inbound presence call by its kind. */
  countPresence(topic: string, kind: string): void {
    const tally = this.topics.get(topic);
    if (kind === 'track' && tally) tally.track += 1;
    else if (kind === 'untrack' && tally) tally.untrack += 1;
  }

  /** Counts a frame that failed to decode, by error. */
  countDecodeError(error: string): void {
    this.decodeErrors.add(error);
  }

  /** Counts a channel shutdown, by its system message. */
  countShutdown(message: string): void {
    this.shutdowns.add(message);
  }

  /** Counts a socket the server closed, by reason. */
  countClose(reason: string): void {
    this.closes.add(reason);
  }

  /** Counts a REST response, by status. */
  countRest(status: number): void {
    this.rest.add(String(status));
  }

  /** A copy in null-prototype records, safe to keep while counting goes on. */
  snapshot(): CounterSnapshot {
    const topics = emptyRecord<TopicCounters>();
    for (const [name, tally] of this.topics) topics[name] = tally.toCounters();
    return {
      framesIn: this.framesIn.toRecord(),
      framesOut: this.framesOut.toRecord(),
      topics,
      decodeErrors: this.decodeErrors.toRecord(),
      shutdowns: this.shutdowns.toRecord(),
      rest: this.rest.toRecord(),
      closes: this.closes.toRecord(),
    };
  }

  /** Zeroes every counter; open topics stay open. */
  reset(): void {
    for (const tally of [this.framesIn, this.framesOut, this.decodeErrors, this.shutdowns])
      tally.clear();
    this.rest.clear();
    this.closes.clear();
    for (const [name, old] of this.topics) {
      const fresh = new TopicTally(this.maxKeys);
      fresh.rooms = old.rooms;
      this.topics.set(name, fresh);
    }
  }
}
