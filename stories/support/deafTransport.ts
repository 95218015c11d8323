/** A WebSocket-like constructor, as supabase-js' `realtime.transport` takes. */
export type SocketConstructor = new (url: string | URL, protocols?: string | string[]) => object;

type MessageHandler = ((event: MessageEvent) => unknown) | null;

// vsn 2.0.0 text frames are `[join_ref, ref, topic, event, payload]`; binary frames are broadcasts.
const ROOM_TRAFFIC = /^\[[^,]*,[^,]*,"(?:[^"\\]|\\.)*","(?:presence_diff|broadcast)"/;
const PRESENCE_STATE = /^(\[[^,]*,[^,]*,"(?:[^"\\]|\\.)*","presence_state",)[\s\S]*\]$/;

/**
 * What a deaf socket lets through: its own replies, heartbeats and system messages. The room's
 * presence diffs and broadcasts are dropped, and `presence_state` arrives empty.
 */
export function hearFrame(data: unknown): { pass: false } | { pass: true; data: unknown } {
  if (typeof data !== 'string') return { pass: false };
  if (ROOM_TRAFFIC.test(data)) return { pass: false };
  const state = PRESENCE_STATE.exec(data);
  return { pass: true, data: state ? `${state[1]}{}]` : data };
}

/**
 * Wraps a socket class so its client joins, tracks and broadcasts like any other but does not
 * listen to the room. For crowds: a thousand full clients in one tab would each reconcile
 * everyone else's presence (O(N²) work, about half a minute and 1.5 GB at 1,000 in Node), while
 * a deaf one costs what the server spends on it. Everyone else sees a normal occupant.
 */
export function deafTransport(Base: SocketConstructor): SocketConstructor {
  class DeafSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    constructor(url: string | URL, protocols?: string | string[]) {
      // The socket itself stays a `Base` (same prototype, same behaviour), with its ears plugged.
      const socket = new Base(url, protocols);
      plugEars(socket);
      return socket;
    }
  }
  return DeafSocket;
}

function plugEars(socket: object): void {
  // `onmessage` is an own field on the loopback socket (read at each delivery) and a prototype
  // accessor on a browser's (whose setter arms the native handler): serve both.
  const own = Object.getOwnPropertyDescriptor(socket, 'onmessage');
  const inherited = own === undefined ? findAccessor(socket, 'onmessage') : undefined;
  let current: MessageHandler = null;
  Object.defineProperty(socket, 'onmessage', {
    configurable: true,
    get: () => current,
    set(next: MessageHandler) {
      current = next === null ? null : filtered(socket, next);
      inherited?.set?.call(socket, current);
    },
  });
}

function filtered(
  socket: object,
  next: (event: MessageEvent) => unknown,
): (event: MessageEvent) => unknown {
  return (event: MessageEvent): unknown => {
    const heard = hearFrame(event.data);
    if (!heard.pass) return undefined;
    const out =
      heard.data === event.data ? event : new MessageEvent('message', { data: heard.data });
    return next.call(socket, out);
  };
}

function findAccessor(socket: object, key: string): PropertyDescriptor | undefined {
  for (
    let p: object | null = Object.getPrototypeOf(socket);
    p !== null;
    p = Object.getPrototypeOf(p)
  ) {
    const desc = Object.getOwnPropertyDescriptor(p, key);
    if (desc !== undefined) return desc.set ? desc : undefined;
  }
  return undefined;
}
