import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Socket } from 'node:net';
import type { Hub, HubConnection, LogFn } from '../hub/types.js';
import { socketSink } from './socketSink.js';

/** WebSocket paths: supabase-js's, and the bare server's behind no gateway. */
const SOCKET_PATHS = new Set(['/realtime/v1/websocket', '/socket/websocket']);

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  503: 'Service Unavailable',
};

function refuseUpgrade(socket: Duplex, status: number, error: string): void {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${String(status)} ${REASONS[status] ?? 'Error'}\r\ncontent-type: application/json\r\ncontent-length: ${String(Buffer.byteLength(body))}\r\nconnection: close\r\n\r\n${body}`,
  );
}

function wire(ws: WebSocket, conn: HubConnection, log: LogFn): void {
  ws.on('message', (data, isBinary) => {
    // ws hands out Buffers by default; Buffer.from(buffer) would copy every inbound frame.
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(data);
    conn.receive(
      isBinary
        ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        : bytes.toString('utf8'),
    );
  });
  ws.on('close', (code) => conn.closed(code));
  // On a protocol error (a frame over maxPayload: 1009) ws has already sent the close frame and
  // ends the socket once it is out. Terminating here would reset the connection while the client
  // is still sending, and browsers then lose the close frame and report 1006. ws's own close
  // timeout stops a peer that never answers; this listener only keeps the error from throwing.
  ws.on('error', (err) => log('debug', 'socket error', { socket: conn.id, error: String(err) }));
}

/**
 * Handles `GET /realtime/v1/websocket`: the apikey comes from `x-api-key`, else the `apikey` query
 * parameter; `vsn` from the query. A refused key gets the real server's HTTP 401 JSON body.
 */
export async function handleUpgrade(
  hub: Hub,
  wss: WebSocketServer,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  log: LogFn,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!SOCKET_PATHS.has(url.pathname)) return refuseUpgrade(socket, 404, 'Not found');
  const header = req.headers['x-api-key'];
  const apikey = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('apikey');
  const outcome = await hub.connect({ apikey, vsn: url.searchParams.get('vsn') });
  if (!outcome.ok) return refuseUpgrade(socket, outcome.status, outcome.error);
  if (socket.destroyed) return;
  // The upgrade socket of an http.Server is a net.Socket; the sink corks it per tick.
  const raw = socket as Socket;
  wss.handleUpgrade(req, socket, head, (ws) => {
    let conn: HubConnection | null = null;
    conn = outcome.open(socketSink(ws, raw, (bytes) => conn?.backlog(bytes)));
    wire(ws, conn, log);
  });
}
