import { DEFAULT_ANON_KEY, type Hub, type HubConnection } from '../../../src/server/hub/index.js';
import { waitFor } from './wait.js';

/** A transport-free socket on a hub: frames straight in, text frames parsed as they come out. */
export interface HubSocketClient {
  conn: HubConnection;
  /** Text frames received, parsed (vsn 2.0.0 arrays). */
  frames: unknown[][];
  /** Sends one frame as JSON text. */
  send(frame: unknown[]): void;
  /** Waits for the reply to `ref`. */
  reply(ref: string): Promise<unknown[]>;
  /** Sends a heartbeat and waits for its reply: frames are handled in order, so all before it were. */
  sentinel(ref: string): Promise<unknown[]>;
  /** The close code the hub gave the socket; 0 while open. */
  closeCode(): number;
}

/** Opens a vsn 2.0.0 socket on `hub` with the anon key. */
export async function hubSocket(hub: Hub): Promise<HubSocketClient> {
  const outcome = await hub.connect({ apikey: DEFAULT_ANON_KEY, vsn: '2.0.0' });
  if (!outcome.ok) throw new Error(outcome.error);
  const frames: unknown[][] = [];
  let code = 0;
  const conn = outcome.open({
    sendText: (text) => void frames.push(JSON.parse(text) as unknown[]),
    sendBinary: () => undefined,
    close: (c) => (code = c),
  });
  const send = (frame: unknown[]) => conn.receive(JSON.stringify(frame));
  const reply = (ref: string) =>
    waitFor(() => frames.find((f) => f[1] === ref && f[3] === 'phx_reply'), `reply ${ref}`);
  return {
    conn,
    frames,
    send,
    reply,
    sentinel(ref) {
      send([null, ref, 'phoenix', 'heartbeat', {}]);
      return reply(ref);
    },
    closeCode: () => code,
  };
}
