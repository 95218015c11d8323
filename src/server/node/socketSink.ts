import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { SocketSink } from '../hub/types.js';

/** Sockets corked during the current tick, uncorked together once it ends, and what to tell then. */
const corked = new Map<Socket, () => void>();

function uncorkAll(): void {
  for (const [socket, flushed] of corked) {
    socket.uncork();
    flushed();
  }
  corked.clear();
}

/**
 * Holds the socket's writes until the current tick ends, so several frames to one socket (a burst
 * of broadcasts read in one chunk, a reply plus `presence_state`) leave in one writev: a fan-out
 * is bound by syscalls, one per frame per recipient otherwise. ws corks inside its own sends too;
 * corks nest, so our outer one decides. Adds no latency: the flush is a nextTick.
 */
function corkForTick(socket: Socket, flushed: () => void): void {
  if (corked.has(socket) || socket.destroyed) return;
  socket.cork();
  corked.set(socket, flushed);
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

/** How long a closed socket may take to finish the close handshake before it is cut (ws: 30 s). */
const CLOSE_GRACE_MS = 5000;

/** Sends a close frame, and cuts the line if the peer does not answer it soon: a client that
 * stopped reading never will, and its unsent bytes are held until then. */
function closeSocket(ws: WebSocket, code: number, reason: string): void {
  // 1006 cannot travel in a close frame: it means "cut the line", as a network loss would.
  if (code === 1006) return ws.terminate();
  ws.close(code, reason);
  setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
}

/**
 * The hub's view of one `ws` socket; `raw` is the TCP socket under it. After each tick's writes
 * leave, `backlog` gets the bytes still waiting (`bufferedAmount`): what the kernel did not take.
 */
export function socketSink(
  ws: WebSocket,
  raw: Socket,
  backlog: (bytes: number) => void,
): SocketSink {
  const flushed = () => backlog(ws.bufferedAmount);
  return {
    sendText(text) {
      corkForTick(raw, flushed);
      ws.send(textBytes(text), TEXT);
    },
    sendBinary(bytes) {
      corkForTick(raw, flushed);
      ws.send(binaryView(bytes), BINARY);
    },
    close: (code, reason) => closeSocket(ws, code, reason),
  };
}
