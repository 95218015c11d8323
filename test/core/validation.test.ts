import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE_LIMITS } from '../../src/core/facade/limits.js';
import { applyStatePatch } from '../../src/core/model/applyStatePatch.js';
import { isPresenceError } from '../../src/core/facade/PresenceError.js';
import { EMPTY_STATE } from '../../src/core/model/stateObject.js';
import {
  parseConnectionState,
  parseDirectoryEntry,
  parseLeaveNotice,
} from '../../src/core/inbound/validatePayload.js';

const limits = DEFAULT_STATE_LIMITS;
const meta = (state: unknown, extra: Record<string, unknown> = {}) => ({
  connectionId: 'c1',
  version: 1,
  state,
  updatedAt: 5,
  joinedAt: 1,
  ...extra,
});

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isPresenceError(error)) return error.code;
    throw error;
  }
  return 'none';
}

describe('local setState rules (Agora codes)', () => {
  const patch = (value: unknown, base = EMPTY_STATE) =>
    codeOf(() => applyStatePatch(base, value, limits, 'setState'));

  it('accepts up to 32 string pairs and merges over the base', () => {
    const full = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`k${i}`, 'v']));
    expect(patch(full)).toBe('none');
    const merged = applyStatePatch(
      applyStatePatch(EMPTY_STATE, { a: '1', b: '2' }, limits, 'x'),
      { b: '3' },
      limits,
      'x',
    );
    expect({ ...merged }).toEqual({ a: '1', b: '3' });
    expect(Object.getPrototypeOf(merged)).toBeNull();
    expect(Object.isFrozen(merged)).toBe(true);
  });

  it('refuses 33 keys, in one call or after a merge', () => {
    expect(patch(Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v'])))).toBe(
      'STATE_COUNT_OVERFLOW',
    );
    const base = applyStatePatch(
      EMPTY_STATE,
      Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`k${i}`, 'v'])),
      limits,
      'x',
    );
    expect(patch({ k0: 'overwrite is fine' }, base)).toBe('none');
    expect(patch({ extra: 'v' }, base)).toBe('STATE_COUNT_OVERFLOW');
  });

  it('gives each bad input its Agora code', () => {
    expect(patch({ a: 1 })).toBe('INVALID_STATE_VALUE');
    expect(patch({ a: null })).toBe('INVALID_STATE_VALUE');
    expect(patch({ '': 'v' })).toBe('INVALID_STATE_KEY');
    expect(patch(JSON.parse('{"__proto__":"x"}'))).toBe('INVALID_STATE_KEY');
    expect(patch({ constructor: 'x' })).toBe('INVALID_STATE_KEY');
    expect(patch({ prototype: 'x' })).toBe('INVALID_STATE_KEY');
    expect(patch({ ['k'.repeat(65)]: 'v' })).toBe('STATE_KEY_SIZE_OVERFLOW');
    expect(patch({ k: 'v'.repeat(257) })).toBe('STATE_VALUE_SIZE_OVERFLOW');
    expect(patch('not an object')).toBe('INVALID_ARGUMENT');
    expect(patch(['a'])).toBe('INVALID_ARGUMENT');
    expect(patch(new Map())).toBe('INVALID_ARGUMENT');
  });

  it('honours configured limits', () => {
    const tight = { ...limits, maxKeys: 2, maxValueLength: 3 };
    expect(codeOf(() => applyStatePatch(EMPTY_STATE, { a: '1', b: '2', c: '3' }, tight, 'x'))).toBe(
      'STATE_COUNT_OVERFLOW',
    );
    expect(codeOf(() => applyStatePatch(EMPTY_STATE, { a: '1234' }, tight, 'x'))).toBe(
      'STATE_VALUE_SIZE_OVERFLOW',
    );
  });
});

describe('remote payload validation', () => {
  const parse = (raw: unknown) => parseConnectionState(raw, limits, 99);

  it('accepts a well-formed meta into a frozen null-prototype state', () => {
    const result = parse(meta({ mood: 'ok' }, { junk: { deep: true } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      connectionId: 'c1',
      version: 1,
      updatedAt: 5,
      joinedAt: 1,
    });
    expect(Object.getPrototypeOf(result.value.state)).toBeNull();
    expect(result.value).not.toHaveProperty('junk');
  });

  it.each([
    ['a non-object', 42],
    ['an array', [meta({})]],
    ['a missing connectionId', { version: 1, state: {} }],
    ['a numeric connectionId', meta({}, { connectionId: 7 })],
    ['a negative version', meta({}, { version: -1 })],
    ['a string version', meta({}, { version: '2' })],
    ['a fractional version', meta({}, { version: 1.5 })],
    ['a __proto__ state key', meta(JSON.parse('{"__proto__":{"polluted":"yes"}}'))],
    ['a constructor key', meta({ constructor: 'x' })],
    ['a numeric value', meta({ a: 1 })],
    ['a nested value', meta({ a: { b: 'c' } })],
    ['a 1 MB value', meta({ a: 'x'.repeat(1_000_000) })],
    ['1000 keys', meta(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 'v'])))],
    ['a state that is an array', meta(['a'])],
    ['a huge connectionId', meta({}, { connectionId: 'c'.repeat(1000) })],
  ])('drops %s', (_label, raw) => {
    expect(parse(raw).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('caps the total size even when each pair is within limits', () => {
    const roomy = { ...limits, maxTotalLength: 100 };
    const big = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, 'v'.repeat(30)]));
    expect(parseConnectionState(meta(big), roomy, 0).ok).toBe(false);
  });

  it('falls back to the receive time for missing or bogus timestamps', () => {
    const result = parse(meta({}, { updatedAt: 'yesterday', joinedAt: Number.NaN }));
    expect(result.ok && result.value.updatedAt === 99 && result.value.joinedAt === 99).toBe(true);
  });

  it('validates leave notices and directory entries', () => {
    expect(parseLeaveNotice({ userId: 'u', connectionId: 'c', version: 3 }, limits).ok).toBe(true);
    expect(parseLeaveNotice({ userId: 5, connectionId: 'c', version: 3 }, limits).ok).toBe(false);
    expect(parseLeaveNotice({ userId: 'u', connectionId: 'c' }, limits).ok).toBe(false);
    const entry = (channels: unknown) =>
      parseDirectoryEntry({ connectionId: 'c', version: 0, channels }, limits).ok;
    expect(entry([{ channelName: 'room', channelType: 'MESSAGE' }])).toBe(true);
    expect(entry([{ channelName: 'room', channelType: 'OTHER' }])).toBe(false);
    expect(
      entry(Array.from({ length: 101 }, () => ({ channelName: 'r', channelType: 'STREAM' }))),
    ).toBe(false);
    expect(entry('room')).toBe(false);
  });
});
