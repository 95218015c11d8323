import type { SupabaseClient } from '@supabase/supabase-js';
import type { Directory } from '../queries/Directory.js';
import { PresenceError } from './PresenceError.js';
import type { PresenceSettings } from './settings.js';
import type { ChannelType, WhereNowResult } from '../types.js';

type ChannelRef = { channelName: string; channelType: ChannelType };

/**
 * The opt-in whereNow directory behind a dynamic `import()`: an app's bundler puts the directory
 * in a chunk of its own, fetched only by apps that pass `directory`. Until it has loaded it
 * answers like a directory that has not synced yet (`null`, so `whereNow` falls back to the
 * rooms), and it keeps the newest channel list to hand over once it exists.
 */
export class LazyDirectory {
  private directory: Directory | null = null;
  private pending: ChannelRef[] | null = null;
  private disposed = false;
  private readonly loaded: Promise<void>;

  constructor(
    client: SupabaseClient,
    selfId: string,
    channelName: string,
    settings: PresenceSettings,
    report: (error: PresenceError) => void,
  ) {
    this.loaded = import('../queries/Directory.js').then(
      ({ Directory: Loaded }) => {
        if (this.disposed) return;
        this.directory = new Loaded(client, selfId, channelName, settings, report);
        if (this.pending) this.directory.update(this.pending);
        this.pending = null;
      },
      (error: unknown) =>
        report(
          new PresenceError('OPERATION_FAILED', 'whereNow', 'the directory failed to load', {
            cause: error,
          }),
        ),
    );
  }

  /** Sets our channel list (kept until the directory has loaded). */
  update(channels: ChannelRef[]): void {
    if (this.directory) this.directory.update(channels);
    else this.pending = channels;
  }

  /** Where `userId` is, from the directory; `null` until it has loaded and synced. */
  whereNow(userId: string): WhereNowResult | null {
    return this.directory?.whereNow(userId) ?? null;
  }

  /** Leaves the directory channel, or makes sure a directory still loading never opens one. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.loaded;
    await this.directory?.dispose();
  }
}
