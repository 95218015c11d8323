/**
 * Presence frames for the core benchmark, shaped as Supabase Realtime sends them (Phoenix
 * `presence_state` / `presence_diff` payloads: `{ [key]: { metas: [{ phx_ref, ...meta }] } }`),
 * with metas shaped as the kit tracks them (`PresenceMeta` in src/core/outbound/wire.ts), so the kit
 * validates and keeps every one. One key is about 190 bytes of JSON, as in SURVEY §5.1.
 */
import type { PresenceMeta } from '../../src/core/outbound/wire.js';

export type Meta = PresenceMeta & { phx_ref: string };
export interface Metas {
  metas: Meta[];
}
export type StatePayload = Record<string, Metas>;
export interface DiffPayload {
  joins: StatePayload;
  leaves: StatePayload;
}

/** Deterministic PRNG (mulberry32), so every run uses the same ids. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

function chars(random: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** A uuid-shaped user id (Supabase auth ids are uuids). */
export function userId(random: () => number): string {
  const h = chars(random, HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** A Phoenix-style presence ref (16 url-safe base64 characters). */
export function phxRef(random: () => number): string {
  return chars(random, B64, 16);
}

const T0 = 1_790_000_000_000;

/** One connection of one user: what the kit tracks, plus the server's `phx_ref`. */
export function meta(random: () => number, index: number, version = 1, status = 'online'): Meta {
  return {
    connectionId: chars(random, HEX, 32),
    version,
    state: { name: `User ${String(index)}`, status },
    updatedAt: T0 + index,
    joinedAt: T0 + index,
    phx_ref: phxRef(random),
  };
}

/** The same connection after a state change: new version, new state, new ref. */
export function updated(previous: Meta, random: () => number, status: string): Meta {
  return {
    ...previous,
    version: previous.version + 1,
    state: { ...previous.state, status },
    updatedAt: previous.updatedAt + 1,
    phx_ref: phxRef(random),
  };
}

/** A room of `n` users (one connection each), ids in random order. */
export interface Population {
  ids: string[];
  metas: Map<string, Meta>;
  random: () => number;
}

export function population(n: number, seed = 42): Population {
  const random = rng(seed + n);
  const ids: string[] = [];
  const metas = new Map<string, Meta>();
  for (let i = 0; i < n; i += 1) {
    const id = userId(random);
    ids.push(id);
    metas.set(id, meta(random, i));
  }
  return { ids, metas, random };
}

export function statePayload(pop: Population): StatePayload {
  const out: StatePayload = {};
  for (const id of pop.ids) out[id] = { metas: [pop.metas.get(id) as Meta] };
  return out;
}

export function joinDiff(key: string, m: Meta): DiffPayload {
  return { joins: { [key]: { metas: [m] } }, leaves: {} };
}

export function leaveDiff(key: string, m: Meta): DiffPayload {
  return { joins: {}, leaves: { [key]: { metas: [m] } } };
}

/** An update as Supabase sends it: the new meta joins and the old one leaves, in one diff. */
export function updateDiff(key: string, from: Meta, to: Meta): DiffPayload {
  return { joins: { [key]: { metas: [to] } }, leaves: { [key]: { metas: [from] } } };
}

/** The wire frame (Phoenix vsn 2.0.0 array form) whose `JSON.parse` is the decode baseline. */
export function wireFrame(joinRef: string, topic: string, event: string, payload: unknown): string {
  return JSON.stringify([joinRef, null, topic, event, payload]);
}
