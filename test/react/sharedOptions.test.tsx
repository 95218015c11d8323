// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { PresenceProvider, useConnectionStatus } from '../../src/react/index.js';
import { createWorld, flush } from './helpers.js';

function Status({ label }: { label: string }) {
  return (
    <p>
      {label}:{useConnectionStatus()}
    </p>
  );
}

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

const ours = (): string[] =>
  warn.mock.calls.map((call) => String(call[0])).filter((m) => m.startsWith('presence-kit:'));

describe('two providers of one client and user', () => {
  it('warns once, naming the options the second provider cannot apply', async () => {
    const world = createWorld();
    const first = { debounceMs: 500, trackBudget: { maxCalls: 4, windowMs: 30_000 } };
    const second = { debounceMs: 900, staleAfterMs: 10, trackBudget: { maxCalls: 2, windowMs: 1 } };
    render(
      <>
        <PresenceProvider client={world.client} userId="me" channel="a" options={first}>
          <Status label="a" />
        </PresenceProvider>
        <PresenceProvider client={world.client} userId="me" channel="b" options={second}>
          <Status label="b" />
        </PresenceProvider>
        <PresenceProvider client={world.client} userId="me" channel="c" options={second}>
          <Status label="c" />
        </PresenceProvider>
      </>,
    );
    await flush();
    const messages = ours();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"me"');
    expect(messages[0]).toContain('debounceMs, staleAfterMs, trackBudget are ignored');
  });

  it('stays quiet when the options are equal, even as new objects', async () => {
    const world = createWorld();
    render(
      <>
        <PresenceProvider client={world.client} userId="me" channel="a" options={{ debounceMs: 5 }}>
          <Status label="a" />
        </PresenceProvider>
        <PresenceProvider client={world.client} userId="me" channel="b" options={{ debounceMs: 5 }}>
          <Status label="b" />
        </PresenceProvider>
      </>,
    );
    await screen.findByText('b:subscribed');
    await flush();
    expect(ours()).toEqual([]);
  });
});
