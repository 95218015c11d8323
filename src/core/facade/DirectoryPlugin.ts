import type { SupabaseClient } from '@supabase/supabase-js';
import type { StateLimits } from './limits.js';
import type { PresenceError } from './PresenceError.js';
import type { ChannelType, WhereNowResult } from '../types.js';

/** What a directory needs from the `createPresence` that opens it. */
export interface DirectoryContext {
  /** The app's supabase-js client. */
  readonly client: SupabaseClient;
  /** Our presence key in the directory channel. */
  readonly selfId: string;
  /** Join the directory as a private (RLS-protected) channel, as the rooms are. */
  readonly private: boolean;
  /** The presence `track` budget the rooms keep to. */
  readonly trackBudget: { readonly maxCalls: number; readonly windowMs: number };
  /** The state limits, which bound what a remote directory entry may hold. */
  readonly limits: StateLimits;
  /** Reports a refused remote entry (as the rooms report theirs). */
  readonly report: (error: PresenceError) => void;
}

/** A directory as the engine uses it: told our rooms, asked where others are. */
export interface PresenceDirectory {
  /** Our rooms changed (joined, left, or a status change). */
  update(channels: { channelName: string; channelType: ChannelType }[]): void;
  /** Where `userId` is; `null` when the directory cannot tell yet (the rooms answer instead). */
  whereNow(userId: string): WhereNowResult | null;
  /** Leaves the directory (on `destroy()`). */
  dispose(): Promise<void>;
}

/**
 * `PresenceOptions.directory`: the opt-in whereNow directory, made by `whereNowDirectory()` from
 * `presence-kit/directory`. The engine knows only this shape, so an app that never imports the
 * directory ships none of it. Plain data and a module-level `open`, so two equal options compare
 * equal (React providers sharing one presence).
 */
export interface DirectoryPlugin {
  /** Which feature this is; a value without it is refused (`directory: true` is the old form). */
  readonly feature: 'whereNowDirectory';
  /** The shared presence channel every user of the app joins. */
  readonly channelName: string;
  /** Opens the directory of one `createPresence`. */
  readonly open: (plugin: DirectoryPlugin, context: DirectoryContext) => PresenceDirectory;
}
