import type { Hub, HubConnection, SocketSink } from '../hub/types.js';

type Outbound = string | Uint8Array | { close: number };
type Inbound = { data: string | ArrayBuffer } | { close: number; reason: string };

function toBytes(data: ArrayBufferLike | ArrayBufferView): Uint8Array {
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return new Uint8Array(data.slice(0));
}

/**
 * A browser-WebSocket-like client end wired to an in-page hub: no sockets, no ports. Frames are
 * delivered asynchronously (microtasks, in order, batched), as a network would, so ordering bugs
 * show here too. Binary arrives as ArrayBuffer. Use {@link loopbackTransport} to bind it to a hub.
 */
export class LoopbackWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  readonly bufferedAmount = 0;
  readonly protocol = '';
  readonly extensions = '';
  readonly url: string;
  onopen: ((ev: Event) => unknown) | null = null;
  onmessage: ((ev: MessageEvent) => unknown) | null = null;
  onclose: ((ev: CloseEvent) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  private conn: HubConnection | null = null;
  private readonly outbound: Outbound[] = [];
  private readonly inbound: Inbound[] = [];
  private outScheduled = false;
  private inScheduled = false;
  /** Bytes (UTF-16 units for text) queued to this client and not yet delivered. */
  private inboundBytes = 0;

  constructor(hub: Hub, url: string | URL) {
    super();
    this.url = String(url);
    const params = new URL(this.url).searchParams;
    hub.connect({ apikey: params.get('apikey'), vsn: params.get('vsn') }).then(
      (outcome) => {
        if (this.readyState !== this.CONNECTING) return;
        if (!outcome.ok) return this.fail();
        this.conn = outcome.open(this.sink());
        this.readyState = this.OPEN;
        this.emit(new Event('open'), this.onopen);
      },
      () => this.fail(),
    );
  }

  /** Queues a frame to the hub, as `WebSocket.send`. */
  send(data: string | ArrayBufferLike | ArrayBufferView | Blob): void {
    if (this.readyState === this.CONNECTING)
      throw new DOMException('WebSocket is not open', 'InvalidStateError');
    if (this.readyState !== this.OPEN) return;
    if (typeof data === 'string') this.outbound.push(data);
    else if (data instanceof Blob) throw new TypeError('LoopbackWebSocket does not send Blobs');
    else this.outbound.push(toBytes(data));
    this.flushOutLater();
  }

  /** Closes from the client side; the hub sees the code (1005 when none, as a real close frame). */
  close(code?: number, reason?: string): void {
    if (this.readyState === this.CLOSING || this.readyState === this.CLOSED) return;
    if (this.readyState === this.CONNECTING) return this.finish(code ?? 1005, reason ?? '');
    this.readyState = this.CLOSING;
    this.outbound.push({ close: code ?? 1005 });
    this.flushOutLater();
    this.inbound.push({ close: code ?? 1005, reason: reason ?? '' });
    this.flushInLater();
  }

  private sink(): SocketSink {
    return {
      sendText: (text) => this.deliver({ data: text }),
      sendBinary: (bytes) => this.deliver({ data: toBytes(bytes).buffer as ArrayBuffer }),
      close: (code, reason) => this.deliver({ close: code, reason }),
    };
  }

  private deliver(item: Inbound): void {
    if (this.readyState === this.CLOSED) return;
    this.inbound.push(item);
    this.flushInLater();
    if ('data' in item) {
      const data = item.data;
      this.inboundBytes += typeof data === 'string' ? data.length : data.byteLength;
      // The in-page equivalent of ws's bufferedAmount: what the client has not taken yet.
      this.conn?.backlog(this.inboundBytes);
    }
  }

  private flushOutLater(): void {
    if (this.outScheduled) return;
    this.outScheduled = true;
    queueMicrotask(() => {
      this.outScheduled = false;
      for (const item of this.outbound.splice(0)) {
        if (typeof item === 'object' && 'close' in item) this.conn?.closed(item.close);
        else this.conn?.receive(item);
      }
    });
  }

  private flushInLater(): void {
    if (this.inScheduled) return;
    this.inScheduled = true;
    queueMicrotask(() => {
      this.inScheduled = false;
      this.inboundBytes = 0;
      for (const item of this.inbound.splice(0)) {
        if (this.readyState === this.CLOSED) return;
        if ('close' in item) this.finish(item.close, item.reason);
        else this.emit(new MessageEvent('message', { data: item.data }), this.onmessage);
      }
    });
  }

  private fail(): void {
    // A refused upgrade looks like a browser's: an error, then close 1006.
    this.emit(new Event('error'), this.onerror);
    this.finish(1006, '');
  }

  private finish(code: number, reason: string): void {
    if (this.readyState === this.CLOSED) return;
    this.readyState = this.CLOSED;
    this.conn?.closed(code);
    const event = Object.assign(new Event('close'), {
      code,
      reason,
      wasClean: code !== 1006,
    }) as CloseEvent;
    this.emit(event, this.onclose);
  }

  private emit<E extends Event>(event: E, handler: ((ev: E) => unknown) | null): void {
    try {
      handler?.call(this, event);
    } catch (err) {
      // Like a browser: report the handler's error, keep delivering the frames behind it.
      setTimeout(() => {
        throw err;
      }, 0);
    }
    this.dispatchEvent(event);
  }
}

/** A WebSocket-like constructor (`new transport(url)`) bound to `hub`, for supabase-js' `transport`. */
export function loopbackTransport(
  hub: Hub,
): new (url: string | URL, protocols?: string | string[]) => LoopbackWebSocket {
  return class BoundLoopbackWebSocket extends LoopbackWebSocket {
    constructor(url: string | URL, _protocols?: string | string[]) {
      super(hub, url);
    }
  };
}
