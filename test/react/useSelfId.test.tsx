// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PresenceProvider, createPresenceContext, useSelfId } from '../../src/react/index.js';
import { addUser, createWorld, flush } from './helpers.js';

describe('useSelfId', () => {
  it("is the provider's user id from the first render, on the server too", () => {
    const world = createWorld();
    const seen: string[] = [];
    function Probe() {
      seen.push(useSelfId());
      return null;
    }
    const html = renderToString(
      <PresenceProvider client={world.client} userId="ann" channel="lobby">
        <Probe />
      </PresenceProvider>,
    );
    expect(html).toBe('');
    expect(seen).toEqual(['ann']);
  });

  it("never re-renders on the room's changes, and is bound by createPresenceContext", async () => {
    const world = createWorld();
    const bound = createPresenceContext<{ mood: string }>();
    let renders = 0;
    function Probe() {
      renders += 1;
      return <p>self:{bound.useSelfId()}</p>;
    }
    function Others() {
      return <p>others:{bound.useOtherUserIds().join(',')}</p>;
    }
    render(
      <bound.PresenceProvider client={world.client} userId="bob" channel="lobby">
        <Probe />
        <Others />
      </bound.PresenceProvider>,
    );
    await screen.findByText('self:bob');
    await flush();
    const before = renders;
    const cat = await addUser<{ mood: string }>(world, 'cat', 'lobby', { mood: 'a' });
    await screen.findByText('others:cat');
    await cat.setState('lobby', { mood: 'b' });
    await flush();
    expect(renders).toBe(before);
  });

  it('throws the provider error outside a provider', () => {
    function Probe() {
      return <p>{useSelfId()}</p>;
    }
    expect(() => renderToString(<Probe />)).toThrow(/inside <PresenceProvider>/);
  });
});
