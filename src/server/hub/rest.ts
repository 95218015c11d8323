import { isJsonObject, parseJson, utf8Text } from '../protocol/json.js';
import type { Json } from '../protocol/types.js';
import type { JwtClaims } from './auth.js';
import type { HubContext } from './context.js';
import { eventsExceeded } from './broadcastHandler.js';
import { payloadByteLimit, topicTooLong } from './limits.js';
import { restBroadcast } from './restBroadcast.js';
import { validateBatch } from './restBatch.js';
import type { RestRequest, RestResponse } from './restTypes.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** A JSON response. */
export function jsonResponse(status: number, body: unknown): RestResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

/** The real server's 429 for a tenant over its event rate. */
const RATE_LIMITED = () => jsonResponse(429, { message: 'You have exceeded your rate limit' });

function header(req: RestRequest, name: string): string | undefined {
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** Token from `Authorization: Bearer`, else the `apikey` header; it must be a valid JWT. */
async function authenticate(ctx: HubContext, req: RestRequest): Promise<JwtClaims | null> {
  const bearer = /^Bearer\s+(.+)$/i.exec(header(req, 'authorization') ?? '')?.[1];
  const check = await ctx.verifier.verify(bearer ?? header(req, 'apikey'));
  return check.ok ? check.claims : null;
}

function readJson(body: Uint8Array): Json | undefined {
  const text = utf8Text(body);
  if (!text.ok) return undefined;
  const parsed = parseJson(text.value);
  return parsed.ok ? parsed.value : undefined;
}

async function batch(ctx: HubContext, req: RestRequest, claims: JwtClaims): Promise<RestResponse> {
  const body = readJson(req.body);
  const checked = validateBatch(ctx, isJsonObject(body) ? body : null);
  if (!checked.ok) return jsonResponse(422, { errors: checked.errors });
  for (const m of checked.messages) {
    // The rate holds per message, as for pushes on a socket: checked once per request, one
    // 6 MB batch of tiny messages fanned out 100,000 frames to every subscriber of a topic.
    if (eventsExceeded(ctx)) return RATE_LIMITED();
    await restBroadcast(ctx, claims, {
      topic: m.topic,
      event: m.event,
      isPrivate: m.private,
      payload: m.payload,
      id: m.id,
    });
  }
  return { status: 202, headers: {}, body: '' };
}

async function single(
  ctx: HubContext,
  req: RestRequest,
  claims: JwtClaims,
  topic: string,
  event: string,
): Promise<RestResponse> {
  const binary = (header(req, 'content-type') ?? '')
    .toLowerCase()
    .startsWith('application/octet-stream');
  if (topic.length > ctx.limits.maxTopicLength) {
    // `message` too: realtime-js's httpSend rejects with `message`, not with `errors`.
    const message = topicTooLong(ctx.limits.maxTopicLength);
    return jsonResponse(422, { message, errors: { topic: [message] } });
  }
  const payload = binary ? req.body : readJson(req.body);
  if (payload === undefined) return jsonResponse(422, { errors: { payload: ['must be JSON'] } });
  if (req.body.byteLength > payloadByteLimit(ctx.limits))
    return jsonResponse(422, { errors: { payload: ['Payload size exceeds tenant limit'] } });
  await restBroadcast(ctx, claims, {
    topic,
    event,
    isPrivate: req.query?.['private'] === 'true',
    payload,
  });
  return { status: 202, headers: {}, body: '' };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function broadcastRoute(
  ctx: HubContext,
  req: RestRequest,
  route: string,
): Promise<RestResponse> {
  if (req.method.toUpperCase() !== 'POST')
    return jsonResponse(405, { message: 'Method not allowed' });
  const claims = await authenticate(ctx, req);
  if (!claims) return jsonResponse(401, { message: 'Unauthorized' });
  if (eventsExceeded(ctx)) return RATE_LIMITED();
  if (route === '/api/broadcast') return batch(ctx, req, claims);
  const match = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/.exec(route);
  const topic = decodeSegment(match?.[1] ?? '');
  const event = decodeSegment(match?.[2] ?? '');
  if (!match || topic === null || event === null)
    return jsonResponse(404, { message: 'Not found' });
  return single(ctx, req, claims, topic, event);
}

/**
 * Serves the REST surface (docs/protocol.md §4.4): `POST /realtime/v1/api/broadcast` (batch),
 * `POST /realtime/v1/api/broadcast/{topic}/events/{event}` (httpSend; JSON or octet-stream) and
 * `GET /health`. The `/realtime/v1` prefix is optional, as behind or without the gateway.
 */
export async function handleRest(ctx: HubContext, req: RestRequest): Promise<RestResponse> {
  const route = req.path.replace(/^\/realtime\/v1(?=\/)/, '').replace(/\/+$/, '') || '/';
  const response = await routeRest(ctx, req, route);
  ctx.stats.countRest(response.status);
  return response;
}

async function routeRest(ctx: HubContext, req: RestRequest, route: string): Promise<RestResponse> {
  if (route === '/health' || route === '/api/health' || route === '/api/ping') {
    return jsonResponse(200, {
      status: 'ok',
      sockets: ctx.connections.size,
      rooms: ctx.rooms.size,
    });
  }
  if (route === '/api/broadcast' || route.startsWith('/api/broadcast/'))
    return broadcastRoute(ctx, req, route);
  return jsonResponse(404, { message: 'Not found' });
}
