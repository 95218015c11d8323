import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { SocketSink } from '../hub/types.js';

/** Sockets corked during the current tick, uncorked together once it ends. */
const corked = new Set<Socket>();

function uncorkAll(): void {
  for (const socket of corked) socket.uncork();
  corked.clear();
}

/**
 * Holds the socket's writes until the current tick ends, so several frames to one socket (a burst
 * of broadcasts read in one chunk, a reply plus `presence_state`) leave in one writev: a fan-out
 * is bound by syscalls, one per frame per recipient otherwise. ws corks inside its own sends too;
 * corks nest, so our outer one decides. Adds no latency: the flush is a nextTick.
 */
function corkForTick(socket: Socket): void {
  if (corked.has(socket) || socket.destroyed) return;
  socket.cork();
  corked.add(socket);
  if (corked.size === 1) process.nextTick(uncorkAll);
}

/**
 * One-entry cache of the UTF-8 bytes of the last text frame: fan-out hands the same string to
 * every recipient, and ws would otherwise encode it again for each socket.
 */
let lastText: string | null = null;
let lastBytes: Buffer = Buffer.alloc(0);

function textBytes(text: string): Buffer {
  if (text !== lastText) {
    lastText = text;
    lastBytes = Buffer.from(text, 'utf8');
  }
  return lastBytes;
}

/** Same for binary frames: a view over the shared kind-4 bytes, made once per broadcast. */
let lastBinary: Uint8Array | null = null;
let lastBinaryView: Buffer = Buffer.alloc(0);

function binaryView(bytes: Uint8Array): Buffer {
  if (bytes !== lastBinary) {
    lastBinary = bytes;
    lastBinaryView = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return lastBinaryView;
}

const TEXT = { binary: false } as const;
const BINARY = { binary: true } as const;

/** The hub's view of one `ws` socket; `raw` is the TCP socket under it. */
export function socketSink(ws: WebSocket, raw: Socket): SocketSink {
  return {
    sendText(text) {
      corkForTick(raw);
      ws.send(textBytes(text), TEXT);
    },
    sendBinary(bytes) {
      corkForTick(raw);
      ws.send(binaryView(bytes), BINARY);
    },
    // 1006 cannot travel in a close frame: it means "cut the line", as a network loss would.
    close: (code, reason) => (code === 1006 ? ws.terminate() : ws.close(code, reason)),
  };
}
