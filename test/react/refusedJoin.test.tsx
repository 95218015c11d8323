// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isPresenceError } from '../../src/core/index.js';
import {
  PresenceProvider,
  useConnectionStatus,
  useSendBroadcast,
  type SendBroadcast,
} from '../../src/react/index.js';
import { createWorld } from './helpers.js';

describe('after a refused join', () => {
  it('useSendBroadcast rejects with the join error, before and after the refusal', async () => {
    const world = createWorld();
    let send: SendBroadcast | null = null;
    function Sender() {
      send = useSendBroadcast();
      return <p>status:{useConnectionStatus()}</p>;
    }
    render(
      <PresenceProvider client={world.client} userId="me" channel="">
        <Sender />
      </PresenceProvider>,
    );
    // Sent during the first render's commit, before the engine refused the join...
    const early = send!('wave', { n: 1 });
    const earlyOutcome = early.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await screen.findByText('status:error');
    // ...and after it.
    const late = await send!('wave', { n: 2 }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    for (const outcome of [await earlyOutcome, late]) {
      expect(isPresenceError(outcome) && outcome.code).toBe('INVALID_ARGUMENT');
    }
  });
});

describe('after a join the server refused', () => {
  it('useSendBroadcast rejects instead of waiting for a room that will not come', async () => {
    const world = createWorld();
    let send: SendBroadcast | null = null;
    function Sender() {
      send = useSendBroadcast();
      return <p>status:{useConnectionStatus()}</p>;
    }
    // A private channel with only the anon key: the server's default policy refuses the join.
    render(
      <PresenceProvider
        client={world.client}
        userId="me"
        channel="secret"
        options={{ private: true }}
      >
        <Sender />
      </PresenceProvider>,
    );
    const early = send!('wave', { n: 1 }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await screen.findByText('status:error');
    const late = await send!('wave', { n: 2 }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    for (const outcome of [await early, late]) {
      expect(isPresenceError(outcome)).toBe(true);
    }
  });
});
