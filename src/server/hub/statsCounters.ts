import type { EventCounts, TopicCounters } from './types.js';

function bump(counts: EventCounts, key: string, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** The hub's frame counters. Plain objects so tests can read them directly. */
export class StatsCounters {
  framesIn: EventCounts = {};
  framesOut: EventCounts = {};
  topics: Record<string, TopicCounters> = {};
  decodeErrors: EventCounts = {};
  shutdowns: EventCounts = {};
  rest: EventCounts = {};

  private topic(topic: string): TopicCounters {
    return (this.topics[topic] ??= { in: {}, out: {}, presence: { track: 0, untrack: 0 } });
  }

  /** Counts an inbound frame. */
  countIn(event: string, topic: string): void {
    bump(this.framesIn, event);
    bump(this.topic(topic).in, event);
  }

  /** Counts `n` outbound frames of one event. */
  countOut(event: string, topic: string, n = 1): void {
    bump(this.framesOut, event, n);
    bump(this.topic(topic).out, event, n);
  }

  /** Counts an inbound presence call by its kind. */
  countPresence(topic: string, kind: string): void {
    const p = this.topic(topic).presence;
    if (kind === 'track') p.track += 1;
    else if (kind === 'untrack') p.untrack += 1;
  }

  countDecodeError(error: string): void {
    bump(this.decodeErrors, error);
  }

  countShutdown(message: string): void {
    bump(this.shutdowns, message);
  }

  countRest(status: number): void {
    bump(this.rest, String(status));
  }

  /** A deep copy, safe to keep while counting goes on. */
  snapshot(): Pick<
    StatsCounters,
    'framesIn' | 'framesOut' | 'topics' | 'decodeErrors' | 'shutdowns' | 'rest'
  > {
    return structuredClone({
      framesIn: this.framesIn,
      framesOut: this.framesOut,
      topics: this.topics,
      decodeErrors: this.decodeErrors,
      shutdowns: this.shutdowns,
      rest: this.rest,
    });
  }

  reset(): void {
    this.framesIn = {};
    this.framesOut = {};
    this.topics = {};
    this.decodeErrors = {};
    this.shutdowns = {};
    this.rest = {};
  }
}
