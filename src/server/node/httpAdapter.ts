import type { IncomingMessage, ServerResponse } from 'node:http';
import { emptyRecord } from '../hub/emptyRecord.js';
import type { Hub } from '../hub/types.js';

/** CORS for REST: the playground calls it from another origin. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'apikey, authorization, content-type, x-client-info, x-api-key',
  'access-control-max-age': '86400',
};

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = emptyRecord();
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  res.writeHead(status, { ...CORS_HEADERS, ...headers });
  res.end(body);
}

/** Serves one plain HTTP request through the hub's REST handler, adding CORS. */
export async function handleHttp(
  hub: Hub,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'OPTIONS') return send(res, 204, {}, '');
  // Twice the payload limit leaves room for JSON framing; the hub applies the exact limit.
  const body = await readBody(req, hub.limits.maxPayloadSizeKb * 2000 + 65_536);
  if (body === null)
    return send(
      res,
      413,
      { 'content-type': 'application/json' },
      '{"message":"Payload too large"}',
    );
  const response = await hub.handleRest({
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: headersOf(req),
    body,
  });
  send(res, response.status, response.headers, response.body);
}
