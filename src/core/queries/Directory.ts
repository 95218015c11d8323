import type { DirectoryContext, PresenceDirectory } from '../facade/DirectoryPlugin.js';
import { asPresenceError } from '../facade/facadeArgs.js';
import { PresenceError } from '../facade/PresenceError.js';
import { randomId } from '../channel/randomId.js';
import { RejoiningChannel } from '../channel/RejoiningChannel.js';
import { TrackBudget } from '../outbound/TrackBudget.js';
import type { ChannelType, WhereNowResult } from '../types.js';
import type { DirectoryEntry } from '../inbound/validatePayload.js';
import { parseDirectoryEntry } from '../inbound/validatePayload.js';
import { isPlainObject } from '../model/validateState.js';

type ChannelRef = { channelName: string; channelType: ChannelType };

/**
 * The opt-in directory behind `whereNow(otherUser)`: one shared presence channel where each
 * connection tracks the list of channels it is in (under the same 4-per-30 s track budget as
 * rooms, with a trailing track for the newest list). Cost: every user of the app receives every
 * other user's directory joins and leaves — O(N²) presence traffic across the whole app.
 * Opened through `whereNowDirectory()` only, so an app that does not import it ships none of it.
 * After a shutdown it rejoins as rooms do and re-tracks our list; while down it answers `null`.
 */
export class Directory implements PresenceDirectory {
  readonly #line: RejoiningChannel | null = null;
  readonly #connectionId = randomId();
  readonly #budget: TrackBudget;
  readonly #entries = new Map<string, Map<string, DirectoryEntry>>();
  #channels: ChannelRef[] = [];
  #version = 0;
  #trackedVersion = -1;
  #subscribed = false;
  #synced = false;
  #trackTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #context: DirectoryContext;

  constructor(context: DirectoryContext, channelName: string) {
    this.#context = context;
    const { client, selfId, trackBudget, report } = context;
    this.#budget = new TrackBudget(trackBudget.maxCalls, trackBudget.windowMs);
    const settings = { presenceKey: selfId, private: context.private };
    try {
      this.#line = new RejoiningChannel(client, channelName, settings, {
        bind: (channel) => {
          channel.on('presence', { event: 'join' }, ({ key, newPresences }) =>
            this.#joined(key, newPresences),
          );
          channel.on('presence', { event: 'leave' }, ({ key, leftPresences }) =>
            this.#left(key, leftPresences),
          );
          channel.on('presence', { event: 'sync' }, () => (this.#synced = this.#subscribed));
        },
        joined: () => this.#onJoined(),
        down: (fresh) => this.#onDown(fresh),
        report,
      });
    } catch (error) {
      // The topic is taken on this client (another presence's directory): whereNow uses rooms.
      report(asPresenceError(error, 'join'));
    }
  }

  /** Sets our channel list; tracked at once if the budget allows, else by a trailing track. */
  update(channels: ChannelRef[]): void {
    const same =
      channels.length === this.#channels.length &&
      channels.every((c, i) => c.channelName === this.#channels[i]?.channelName);
    if (same) return;
    this.#channels = channels;
    this.#version += 1;
    this.#scheduleTrack();
  }

  /**
   * Where `userId` is, from the directory; `null` while it is not joined and synced, or when the
   * user has no entry (they run without the directory, or theirs is down): the rooms we share
   * with them answer then, which beats an empty answer.
   */
  whereNow(userId: string): WhereNowResult | null {
    const entries = this.#entries.get(userId);
    if (!this.#synced || entries === undefined || entries.size === 0) return null;
    const seen = new Map<string, ChannelRef>();
    for (const entry of entries.values()) {
      for (const ref of entry.channels) seen.set(ref.channelName, ref);
    }
    const channels = [...seen.values()];
    return { totalChannel: channels.length, channels };
  }

  /** Leaves the directory channel. */
  async dispose(): Promise<void> {
    this.#onDown(false);
    await this.#line?.dispose();
  }

  #onDown(fresh: boolean): void {
    this.#subscribed = this.#synced = false;
    if (this.#trackTimer !== null) clearTimeout(this.#trackTimer);
    this.#trackTimer = null;
    // A fresh channel's presence starts empty and sends everyone again as joins.
    if (fresh) this.#entries.clear();
  }

  #onJoined(): void {
    this.#subscribed = true;
    if (this.#trackTimer !== null) clearTimeout(this.#trackTimer);
    this.#budget.reset();
    // A new join has no presence yet: always re-track, even if the list did not change.
    this.#trackedVersion = -1;
    this.#trackNow();
  }

  #scheduleTrack(): void {
    if (!this.#subscribed || this.#trackTimer !== null) return;
    const wait = this.#budget.delayAt(Date.now());
    if (wait <= 0) this.#trackNow();
    else this.#trackTimer = setTimeout(() => this.#trackNow(), wait);
  }

  #trackNow(): void {
    this.#trackTimer = null;
    if (!this.#subscribed || this.#trackedVersion === this.#version) return;
    this.#budget.record(Date.now());
    this.#trackedVersion = this.#version;
    void this.#line?.channel.track({
      connectionId: this.#connectionId,
      version: this.#version,
      channels: this.#channels,
    });
  }

  #joined(key: string, metas: unknown[]): void {
    for (const raw of metas) {
      const ref = isPlainObject(raw) ? raw.presence_ref : undefined;
      const parsed = parseDirectoryEntry(raw, this.#context.limits);
      if (typeof ref !== 'string' || !parsed.ok) {
        const reason = parsed.ok ? 'no presence_ref' : parsed.reason;
        this.#context.report(
          new PresenceError(
            'INVALID_REMOTE_PAYLOAD',
            'receive',
            `directory entry of ${JSON.stringify(key.slice(0, 64))}: ${reason}`,
          ),
        );
        continue;
      }
      let byRef = this.#entries.get(key);
      if (!byRef) this.#entries.set(key, (byRef = new Map()));
      byRef.set(ref, parsed.value);
    }
  }

  #left(key: string, metas: unknown[]): void {
    const byRef = this.#entries.get(key);
    if (!byRef) return;
    for (const raw of metas)
      if (isPlainObject(raw) && typeof raw.presence_ref === 'string')
        byRef.delete(raw.presence_ref);
    if (byRef.size === 0) this.#entries.delete(key);
  }
}
