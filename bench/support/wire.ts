/**
 * A bare vsn 2.0.0 client for load benchmarks: a thousand supabase-js clients would measure the
 * client library, not the server, so the fan-out bench speaks the wire format directly.
 */
import WebSocket from 'ws';

const encoder = new TextEncoder();

/** Kind-3 "user broadcast push" (docs/protocol.md §1.2), JSON payload. */
export function encodeKind3(
  joinRef: string,
  ref: string,
  topic: string,
  event: string,
  payload: unknown,
): Uint8Array {
  const parts = [joinRef, ref, topic, event, ''].map((s) => encoder.encode(s));
  const body = encoder.encode(JSON.stringify(payload));
  const header = [3, ...parts.map((p) => p.length), 1];
  const out = new Uint8Array(header.length + parts.reduce((n, p) => n + p.length, 0) + body.length);
  out.set(header, 0);
  let at = header.length;
  for (const p of [...parts, body]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Payload JSON of a kind-3 or kind-4 frame (the relay peer forwards kind 3 untouched). Runs once
 * per delivery in the receivers, so it only skips the header and parses: no arrays, no TextDecoder.
 */
export function decodeBroadcastPayload(bytes: Buffer): unknown {
  const at =
    bytes[0] === 4
      ? 5 + bytes[1]! + bytes[2]! + bytes[3]!
      : 7 + bytes[1]! + bytes[2]! + bytes[3]! + bytes[4]! + bytes[5]!;
  return JSON.parse(bytes.toString('utf8', at));
}

export interface WireClient {
  socket: WebSocket;
  joinRef: string;
  send(frame: Uint8Array | string): void;
  close(): void;
}

/** Opens a socket and joins `topic` (broadcast self off), resolving after the ok reply. */
export function connectWire(
  url: string,
  topic: string,
  onBinary: (data: Buffer) => void,
): Promise<WireClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.binaryType = 'nodebuffer';
    const joinRef = '1';
    socket.on('error', reject);
    socket.on('open', () => {
      const config = {
        broadcast: { self: false, ack: false },
        presence: { key: '', enabled: false },
        postgres_changes: [],
        private: false,
      };
      socket.send(JSON.stringify([joinRef, joinRef, topic, 'phx_join', { config }]));
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return onBinary(data as Buffer);
      const frame = JSON.parse(String(data)) as unknown[];
      if (frame[3] === 'phx_reply' && frame[1] === joinRef) {
        resolve({ socket, joinRef, send: (f) => socket.send(f), close: () => socket.terminate() });
      }
    });
  });
}
