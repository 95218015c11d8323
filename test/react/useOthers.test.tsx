// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  PresenceProvider,
  useOthers,
  useUserState,
  type UserStateActions,
} from '../../src/react/index.js';
import { addUser, createWorld, flush } from './helpers.js';

type Mood = { mood: string };

describe('useOthers without a selector', () => {
  it('does not re-render on our own setState, and does on theirs', async () => {
    const world = createWorld();
    const ann = await addUser<Mood>(world, 'ann', 'lobby', { mood: 'a1' });
    await addUser<Mood>(world, 'cat', 'lobby', { mood: 'c1' });
    let renders = 0;
    let seen: readonly unknown[] = [];
    function Others() {
      const others = useOthers<Mood>();
      renders += 1;
      seen = others;
      return <p>others:{others.map((o) => `${o.userId}=${o.state.mood ?? ''}`).join(',')}</p>;
    }
    let actions: UserStateActions<Mood> | null = null;
    function Me() {
      const [mine, set] = useUserState<Mood>();
      actions = set;
      return <p>me:{mine.mood}</p>;
    }
    render(
      <PresenceProvider
        client={world.client}
        userId="bob"
        channel="lobby"
        initialState={{ mood: 'b1' }}
      >
        <Me />
        <Others />
      </PresenceProvider>,
    );
    await screen.findByText('others:ann=a1,cat=c1');
    await screen.findByText('me:b1');
    await flush();
    const before = renders;
    const array = seen;

    for (const mood of ['b2', 'b3', 'b4']) {
      await actions!.setState({ mood });
      await screen.findByText(`me:${mood}`);
    }
    await flush();
    expect(renders).toBe(before);
    expect(seen).toBe(array);

    await ann.setState('lobby', { mood: 'a2' });
    await screen.findByText('others:ann=a2,cat=c1');
    await flush();
    expect(renders).toBe(before + 1);
  });
});
