import type { TestHost, RawSocket } from './hosts.js';
import { waitFor } from './wait.js';

/** A frame as a raw client received it: text parsed as JSON, binary as bytes. */
export type RawFrame = unknown[] | Record<string, unknown> | Uint8Array;

/** A raw protocol client: sends exact frames, records exact frames. */
export interface RawClient {
  socket: RawSocket;
  frames: RawFrame[];
  send(frame: unknown[] | Record<string, unknown> | Uint8Array | string): void;
  /** Waits for a frame matching `match`, returns it. */
  next(match: (f: any) => boolean, what: string): Promise<any>;
  closed: Promise<number>;
}

/** Opens a raw socket on `host` with the anon key and `vsn`. */
export async function rawClient(host: TestHost, vsn = '2.0.0'): Promise<RawClient> {
  const socket = host.rawSocket(`apikey=${host.anonKey}&vsn=${vsn}`);
  socket.binaryType = 'arraybuffer';
  const frames: RawFrame[] = [];
  socket.onmessage = (ev) => {
    frames.push(
      typeof ev.data === 'string'
        ? (JSON.parse(ev.data) as RawFrame)
        : new Uint8Array(ev.data as ArrayBuffer),
    );
  };
  const closed = new Promise<number>((resolve) => (socket.onclose = (ev) => resolve(ev.code)));
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  return {
    socket,
    frames,
    closed,
    send: (frame) =>
      socket.send(
        typeof frame === 'string' || frame instanceof Uint8Array ? frame : JSON.stringify(frame),
      ),
    next: (match, what) => waitFor(() => frames.find(match), what),
  };
}
