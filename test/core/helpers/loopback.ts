import { afterEach, beforeEach, vi } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createPresence } from '../../../src/core/index.js';
import type { PresenceError } from '../../../src/core/facade/PresenceError.js';
import type {
  Presence,
  PresenceEvent,
  PresenceOptions,
  UserState,
} from '../../../src/core/index.js';
import { createLoopbackClient } from '../../../src/server/loopback/index.js';
import type {
  Hub,
  HubOptions,
  LoopbackClientOverrides,
} from '../../../src/server/loopback/index.js';

type RealtimeOverrides = NonNullable<LoopbackClientOverrides['realtime']>;

/** Advances fake time (and the microtasks the loopback delivers frames on). */
export async function tick(ms = 50): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/** Advances fake time in small steps until `promise` settles; returns or throws its outcome. */
export async function settled<T>(promise: Promise<T>, maxMs = 60_000): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let waited = 0; !done && waited < maxMs; waited += 10) await tick(10);
  if (!done) throw new Error(`promise did not settle within ${maxMs} ms of fake time`);
  return promise;
}

/** Advances fake time in small steps until `check()` is true (fails after `maxMs`). */
export async function until(check: () => boolean, maxMs = 60_000): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited >= maxMs) throw new Error(`condition not met within ${maxMs} ms of fake time`);
    await tick(10);
  }
}

/** One person: their presence facade, their supabase-js client and what they heard. */
export interface Person<S extends UserState = UserState> {
  userId: string;
  presence: Presence<S>;
  client: SupabaseClient;
  events: PresenceEvent<S>[];
  errors: PresenceError[];
  /** Event types about `publisher` heard so far (SNAPSHOT/INTERVAL excluded). */
  heardAbout(publisher: string): string[];
}

/** A loopback hub plus a factory of people, each on their own real supabase-js client. */
export function createWorld(hubOptions: HubOptions = {}) {
  const lb = createLoopbackClient({ hubOptions });
  const people: Person<UserState>[] = [];
  const rawClients: SupabaseClient[] = [];
  return {
    hub: lb.hub as Hub,
    /**
     * Verifies the anon key once, for real. JWT checks use WebCrypto, which fake timers cannot
     * drive: left to the first join, fake time would race ahead of it and time the join out.
     * Every later check of the same key hits the hub's cache and settles on microtasks.
     */
    ready: lb.hub.connect({ apikey: lb.anonKey, vsn: '2.0.0' }).then(() => undefined),
    /** A new person (or a new tab of the same user id). */
    person<S extends UserState = UserState>(
      userId: string,
      options: PresenceOptions = {},
      realtime: RealtimeOverrides = {},
    ): Person<S> {
      const client = lb.createClient({ realtime }) as unknown as SupabaseClient;
      const presence = createPresence<S>({ client, userId, ...options });
      const person: Person<S> = {
        userId,
        presence,
        client,
        events: [],
        errors: [],
        heardAbout: (publisher) =>
          person.events.filter((e) => e.publisher === publisher).map((e) => e.eventType),
      };
      presence.addEventListener('presence', (event) => person.events.push(event));
      presence.addEventListener('error', (error) => person.errors.push(error));
      people.push(person as unknown as Person<UserState>);
      return person;
    },
    /** A bare supabase-js client on the same hub (a hostile or foreign peer). */
    rawClient(): SupabaseClient {
      const client = lb.createClient() as unknown as SupabaseClient;
      rawClients.push(client);
      return client;
    },
    /** Socket ids whose channels use presence key `key`. */
    socketsOf(key: string): string[] {
      return lb.hub.testing
        .inspect()
        .sockets.filter((s) => s.channels.some((c) => c.presenceKey === key))
        .map((s) => s.id);
    },
    /** Track calls the hub received on a room so far. */
    tracks(room: string): number {
      return lb.hub.stats().topics[`realtime:${room}`]?.presence.track ?? 0;
    },
    async close(): Promise<void> {
      await Promise.all(people.map((p) => p.presence.destroy()));
      await Promise.all(rawClients.map((c) => c.removeAllChannels()));
      lb.hub.close();
    },
  };
}

export type World = ReturnType<typeof createWorld>;

/**
 * Gives every test of the calling file a fresh world on fake timers, closed after the test. The
 * returned object forwards to the current test's world.
 */
export function worldPerTest(hubOptions: HubOptions = {}): World {
  let current: World | undefined;
  beforeEach(async () => {
    vi.useFakeTimers();
    current = createWorld(hubOptions);
    await current.ready;
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    if (current) await settled(current.close());
    current = undefined;
    vi.useRealTimers();
  });
  return new Proxy({} as World, {
    get: (_target, key) => {
      if (!current) throw new Error('the world exists only inside a test');
      return Reflect.get(current, key);
    },
  });
}
