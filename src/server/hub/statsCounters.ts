import { emptyRecord } from './emptyRecord.js';
import type { EventCounts, TopicCounters } from './types.js';

/** Counts by name. A Map: names are client-chosen (`__proto__` is a valid event name). */
class Tally {
  private readonly counts = new Map<string, number>();

  add(key: string, n = 1): void {
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

/** One topic's counters. */
class TopicTally {
  readonly in = new Tally();
  readonly out = new Tally();
  track = 0;
  untrack = 0;

  toCounters(): TopicCounters {
    return {
      in: this.in.toRecord(),
      out: this.out.toRecord(),
      presence: { track: this.track, untrack: this.untrack },
    };
  }
}

/** What {@link StatsCounters.snapshot} returns. */
export interface CounterSnapshot {
  framesIn: EventCounts;
  framesOut: EventCounts;
  topics: Record<string, TopicCounters>;
  decodeErrors: EventCounts;
  shutdowns: EventCounts;
  rest: EventCounts;
}

/** The hub's frame counters. */
export class StatsCounters {
  private readonly framesIn = new Tally();
  private readonly framesOut = new Tally();
  private readonly topics = new Map<string, TopicTally>();
  private readonly decodeErrors = new Tally();
  private readonly shutdowns = new Tally();
  private readonly rest = new Tally();

  private topic(topic: string): TopicTally {
    let tally = this.topics.get(topic);
    if (!tally) {
      tally = new TopicTally();
      this.topics.set(topic, tally);
    }
    return tally;
  }

  /** Counts an inbound frame. */
  countIn(event: string, topic: string): void {
    this.framesIn.add(event);
    this.topic(topic).in.add(event);
  }

  /** Counts `n` outbound frames of one event. */
  countOut(event: string, topic: string, n = 1): void {
    this.framesOut.add(event, n);
    this.topic(topic).out.add(event, n);
  }

  /** Counts an inbound presence call by its kind. */
  countPresence(topic: string, kind: string): void {
    const tally = this.topic(topic);
    if (kind === 'track') tally.track += 1;
    else if (kind === 'untrack') tally.untrack += 1;
  }

  /** Counts a frame that failed to decode, by error. */
  countDecodeError(error: string): void {
    this.decodeErrors.add(error);
  }

  /** Counts a channel shutdown, by its system message. */
  countShutdown(message: string): void {
    this.shutdowns.add(message);
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
    };
  }

  /** Zeroes every counter. */
  reset(): void {
    for (const tally of [this.framesIn, this.framesOut, this.decodeErrors, this.shutdowns])
      tally.clear();
    this.rest.clear();
    this.topics.clear();
  }
}
