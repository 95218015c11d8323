import type { ChannelType, RoomState, UserState, WhereNowResult } from '../types.js';

/** A room as `whereNow` needs to see it. */
export interface RoomRef {
  channelName: string;
  channelType: ChannelType;
  store: { getState(): RoomState<UserState> };
}

type ChannelRef = { channelName: string; channelType: ChannelType };

/** The channels we are in: rooms subscribed or reconnecting (we have not left them). */
export function ownChannels(rooms: Iterable<RoomRef>): ChannelRef[] {
  const out: ChannelRef[] = [];
  for (const room of rooms) {
    const status = room.store.getState().status;
    if (status === 'subscribed' || status === 'reconnecting') {
      out.push({ channelName: room.channelName, channelType: room.channelType });
    }
  }
  return out;
}

/** Without a directory: the rooms we are in where `userId` is present too. */
export function sharedChannels(rooms: Iterable<RoomRef>, userId: string): ChannelRef[] {
  const inRooms = [...rooms].filter((room) => room.store.getState().occupants.has(userId));
  return ownChannels(inRooms);
}

/** Agora's `WhereNowResult` of a channel list. */
export function toWhereNow(channels: ChannelRef[]): WhereNowResult {
  return { totalChannel: channels.length, channels };
}
