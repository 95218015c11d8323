import type { HubContext, HubSocket } from './context.js';
import { roomKey } from './context.js';
import { emptyRecord } from './emptyRecord.js';
import type { PresenceMap } from './presenceTopic.js';
import type { HubInspection, SocketInfo } from './types.js';

/** What `dropSocket` predicates see about a socket. */
export function socketInfo(conn: HubSocket): SocketInfo {
  return { id: conn.id, vsn: conn.vsn, role: conn.claims.role, topics: [...conn.channels.keys()] };
}

/** A snapshot of sockets, channels and presence. */
export function inspectHub(ctx: HubContext): HubInspection {
  const sockets = [...ctx.connections.values()].map((conn) => ({
    id: conn.id,
    vsn: conn.vsn,
    role: conn.claims.role,
    channels: [...conn.channels.values()].map((ch) => ({
      topic: ch.topic,
      joinRef: ch.joinRef,
      private: ch.config.private,
      presenceKey: ch.presenceKey,
      presenceEnabled: ch.config.presenceEnabled,
      role: ch.claims.role,
    })),
  }));
  const topics: HubInspection['topics'] = emptyRecord();
  for (const room of ctx.rooms.values()) {
    topics[room.key] = {
      subscribers: [...room.channels].map((ch) => ch.conn.id),
      presence: room.presence.state(),
    };
  }
  return { sockets, topics };
}

/** Presence state of a topic name, `{}` when nobody is there. */
export function presenceStateOf(ctx: HubContext, name: string, isPrivate: boolean): PresenceMap {
  return ctx.rooms.get(roomKey(`realtime:${name}`, isPrivate))?.presence.state() ?? emptyRecord();
}
