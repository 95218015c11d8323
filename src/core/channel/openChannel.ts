import type { RealtimeChannel } from '@supabase/supabase-js';
import { PresenceError } from '../facade/PresenceError.js';
import type { RoomOwner } from './RoomOwner.js';

/** Creates the room's channel: presence on under our key, no echo of our own broadcasts. */
export function openChannel(ctx: RoomOwner, channelName: string): RealtimeChannel {
  const { presenceKey, private: isPrivate } = ctx.settings;
  const channel = ctx.client.channel(channelName, {
    config: {
      presence: { key: presenceKey, enabled: true },
      broadcast: { self: false },
      private: isPrivate,
    },
  });
  // supabase-js hands back an existing channel of the same topic; we cannot bind to a used one.
  if (channel.state !== 'closed' || channel.joinedOnce) {
    const reason = `channel ${channelName} is already in use on this supabase client`;
    throw new PresenceError('OPERATION_FAILED', 'join', reason);
  }
  return channel;
}
