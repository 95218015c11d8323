import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { PresenceError } from '../facade/PresenceError.js';
import type { PresenceSettings } from '../facade/settings.js';

/** Creates the room's channel: presence on under our key, no echo of our own broadcasts. */
export function openChannel(
  client: SupabaseClient,
  channelName: string,
  settings: Pick<PresenceSettings, 'presenceKey' | 'private'>,
): RealtimeChannel {
  const channel = client.channel(channelName, {
    config: {
      presence: { key: settings.presenceKey, enabled: true },
      broadcast: { self: false },
      private: settings.private,
    },
  });
  // supabase-js hands back an existing channel of the same topic; we cannot bind to a used one.
  if (channel.state !== 'closed' || channel.joinedOnce) {
    const reason = `channel ${channelName} is already in use on this supabase client`;
    throw new PresenceError('OPERATION_FAILED', 'join', reason);
  }
  return channel;
}
