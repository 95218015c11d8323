/**
 * Mounts one subject in its own loopback room, in a React root under a `<Profiler>`: a kit
 * component inside a `<PresenceProvider>`, or the naive list on a plain supabase-js channel.
 * Frames are then fed to `channel`, the supabase-js channel the subject listens on.
 */
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { Profiler, useEffect, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPresence, selectOccupant, type Room } from 'presence-kit';
import { MicSeats, OnlineAvatars, PresenceList } from 'presence-kit/components';
import { createLoopbackClient } from 'presence-kit/local';
import { PresenceProvider, useRoom } from 'presence-kit/react';
import type { Meta } from '../core/frames.js';
import { phoenixOf, phoenixPresenceOf, SELF_ID } from '../core/world.js';
import { until } from './macrotask.js';
import { createNaiveSink, NaiveList, type NaiveSink } from './NaiveList.js';

/** What the benchmark renders. */
export type SubjectName = 'OnlineAvatars' | 'PresenceList' | 'MicSeats' | 'naive';

/** A mounted subject. */
export interface Mounted {
  channel: RealtimeChannel;
  container: HTMLElement;
  /** Our own meta as the server echoed it (null for the naive list, which does not track). */
  self: Meta | null;
  /** The state value `key` shows now in the subject's source of truth (store or presenceState). */
  valueOf(key: string, field: string): string | undefined;
  /** A plain channel with presence on and no listener: what supabase-js costs by itself. */
  bare: RealtimeChannel;
  close(): Promise<void>;
}

function kitUi(name: SubjectName): ReactNode {
  if (name === 'OnlineAvatars') return <OnlineAvatars max={5} />;
  if (name === 'PresenceList') return <PresenceList fields={['status']} />;
  return <MicSeats seatCount={8} columns={4} />;
}

/** Joins a plain channel (presence on) and waits until Phoenix Presence is bound to the join. */
async function plainChannel(client: SupabaseClient, topic: string, sink?: NaiveSink) {
  const channel = client.channel(topic, { config: { presence: { key: topic, enabled: true } } });
  if (sink) channel.on('presence', { event: 'sync' }, () => sink.set(channel.presenceState()));
  channel.subscribe();
  await until(
    () =>
      phoenixOf(channel).state === 'joined' &&
      phoenixPresenceOf(channel).joinRef === phoenixOf(channel).joinRef(),
    `${topic} join`,
  );
  return channel;
}

function ownMeta(room: Room): Meta {
  const entry = phoenixPresenceOf(room.channel).state[SELF_ID] as { metas: Meta[] } | undefined;
  const { phx_ref_prev: _prev, ...meta } = (entry?.metas[0] ?? {}) as Meta & {
    phx_ref_prev?: string;
  };
  return meta as Meta;
}

/** Mounts `name` in a fresh loopback room; `onRender` is the `<Profiler>`'s callback. */
export async function mountSubject(
  name: SubjectName,
  onRender: ProfilerOnRenderCallback,
): Promise<Mounted> {
  const lb = createLoopbackClient();
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const bare = await plainChannel(lb.createClient() as unknown as SupabaseClient, 'bare');
  const close = async (extra: () => Promise<unknown>) => {
    root.unmount();
    container.remove();
    await extra();
    await lb.close();
  };
  if (name === 'naive') {
    const sink = createNaiveSink();
    const client = lb.createClient() as unknown as SupabaseClient;
    const channel = await plainChannel(client, 'naive', sink);
    root.render(
      <Profiler id="naive" onRender={onRender}>
        <NaiveList sink={sink} />
      </Profiler>,
    );
    await until(() => sink.mounted, 'naive mount');
    const valueOf = (key: string, field: string) =>
      (channel.presenceState()[key]?.[0] as { state?: Record<string, string> } | undefined)
        ?.state?.[field];
    return {
      channel,
      container,
      self: null,
      valueOf,
      bare,
      close: () => close(() => client.removeAllChannels()),
    };
  }
  const presence = createPresence({
    client: lb.createClient() as unknown as SupabaseClient,
    userId: SELF_ID,
  });
  const probe: { room: Room | null } = { room: null };
  function Probe(): null {
    const room = useRoom();
    useEffect(() => {
      probe.room = room;
    }, [room]);
    return null;
  }
  root.render(
    <Profiler id={name} onRender={onRender}>
      <PresenceProvider
        presence={presence}
        channel="bench"
        initialState={{ name: 'Me', status: 'online' }}
      >
        <Probe />
        {kitUi(name)}
      </PresenceProvider>
    </Profiler>,
  );
  await until(
    () => probe.room?.store.getState().self?.connections[0]?.presenceRef != null,
    'kit join',
  );
  const room = probe.room as unknown as Room;
  const valueOf = (key: string, field: string) =>
    selectOccupant(room.store.getState(), key)?.state[field];
  return {
    channel: room.channel,
    container,
    self: ownMeta(room),
    valueOf,
    bare,
    close: () => close(() => presence.destroy()),
  };
}
