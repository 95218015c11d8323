import { isJsonObject, utf8Length } from '../protocol/json.js';
import type { JsonObject } from '../protocol/types.js';
import type { HubContext } from './context.js';
import { payloadByteLimit, topicTooLong } from './limits.js';

/** One validated batch message. */
export interface BatchMessage {
  topic: string;
  event: string;
  payload: JsonObject;
  private: boolean;
  id?: string;
}

/** Validation outcome; `errors` is the real server's 422 `{"errors": ...}` body. */
export type BatchCheck =
  { ok: true; messages: BatchMessage[] } | { ok: false; errors: Record<string, string[]> };

function checkMessage(raw: unknown, ctx: HubContext): BatchMessage | string {
  if (!isJsonObject(raw)) return 'is invalid';
  const { topic, event, payload, id } = raw;
  if (typeof topic !== 'string' || topic === '') return "topic can't be blank";
  if (topic.length > ctx.limits.maxTopicLength) return topicTooLong(ctx.limits.maxTopicLength);
  if (typeof event !== 'string' || event === '') return "event can't be blank";
  if (!isJsonObject(payload)) return 'payload is invalid';
  if (utf8Length(JSON.stringify(payload)) > payloadByteLimit(ctx.limits))
    return 'Payload size exceeds tenant limit';
  const msg: BatchMessage = {
    topic,
    event,
    payload,
    private: raw['private'] === true || raw['private'] === 'true',
  };
  if (typeof id === 'string') msg.id = id;
  return msg;
}

/** Validates a batch body `{messages:[{topic,event,payload,private?,id?}]}`. */
export function validateBatch(ctx: HubContext, body: JsonObject | null): BatchCheck {
  const list = body?.['messages'];
  if (!Array.isArray(list) || list.length === 0)
    return { ok: false, errors: { messages: ["can't be blank"] } };
  const messages: BatchMessage[] = [];
  for (const raw of list) {
    const checked = checkMessage(raw, ctx);
    if (typeof checked === 'string') return { ok: false, errors: { messages: [checked] } };
    messages.push(checked);
  }
  return { ok: true, messages };
}
