import { connectErrorMessage } from './auth.js';
import { Connection } from './connection.js';
import type { HubContext } from './context.js';
import { closeConnection, dropConnection, handleFrame } from './handleFrame.js';
import type { IdleSweeper } from './idleSweeper.js';
import type { ConnectOutcome, Hub, SocketSink } from './types.js';
import type { JwtClaims } from './auth.js';

function parseVsn(vsn: string | null | undefined): '1.0.0' | '2.0.0' | null {
  // Phoenix falls back to 1.0.0 when the client names no version.
  if (vsn === undefined || vsn === null || vsn === '' || vsn === '1.0.0') return '1.0.0';
  return vsn === '2.0.0' ? '2.0.0' : null;
}

/** Closes a socket whose unsent bytes passed the limit: it stopped reading, the others go on. */
function closeSlowConsumer(ctx: HubContext, conn: Connection, bytes: number): void {
  if (conn.closed) return;
  const limit = ctx.limits.maxBufferedBytes;
  ctx.log('warn', 'slow consumer closed', { socket: conn.id, bufferedBytes: bytes, limit });
  closeConnection(ctx, conn, 1008, 'slow consumer');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Upgrade handling: apikey check (with the optional refusal backoff), then socket registration. */
export class Connector {
  private socketSeq = 0;
  /** Set by the hub's `close()`: later upgrades are refused. */
  closed = false;

  constructor(
    private readonly ctx: HubContext,
    private readonly refusalDelayMs: number,
    private readonly sweeper: IdleSweeper,
  ) {}

  /** {@link Hub.connect}. */
  readonly connect: Hub['connect'] = async (params) => {
    if (this.closed) return this.refuse(503, 'Realtime is shutting down');
    const vsn = parseVsn(params.vsn);
    if (vsn === null) return this.refuse(400, 'Unsupported serializer version');
    const check = await this.ctx.verifier.verify(params.apikey);
    if (!check.ok) return this.refuse(401, connectErrorMessage(check));
    const apikey = params.apikey ?? '';
    return { ok: true, open: (sink) => this.open(sink, vsn, apikey, check.claims) };
  };

  private open(sink: SocketSink, vsn: '1.0.0' | '2.0.0', apikey: string, claims: JwtClaims) {
    const { ctx } = this;
    const id = `socket-${String(++this.socketSeq)}`;
    const conn = new Connection(id, vsn, sink, apikey, claims, ctx, (c, data) =>
      handleFrame(ctx, c, data),
    );
    ctx.connections.set(id, conn);
    this.sweeper.start();
    return {
      id,
      receive: (data: string | Uint8Array) => conn.enqueue(data),
      closed: () => dropConnection(ctx, conn),
      backlog: (bytes: number) => {
        if (bytes > ctx.limits.maxBufferedBytes) closeSlowConsumer(ctx, conn, bytes);
      },
    };
  }

  private async refuse(status: number, error: string): Promise<ConnectOutcome> {
    // The real server waits 2 s before refusing, to slow down retry storms; tests skip it.
    if (this.refusalDelayMs > 0) await sleep(this.refusalDelayMs);
    this.ctx.log('info', 'upgrade refused', { status, error });
    return { ok: false, status, error };
  }
}
