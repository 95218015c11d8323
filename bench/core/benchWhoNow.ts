/** The whoNow case: a middle page of 50 by bookmark, the kit's selector against the docs pattern. */
import type { RealtimeChannel } from '@supabase/supabase-js';
import { encodeBookmark, selectWhoNow } from '../../src/core/index.js';
import type { RoomState } from '../../src/core/types.js';
import { expectOccupancy, fail } from './expect.js';
import { peerScale } from './frameCases.js';
import type { Fixture } from './fixture.js';
import type { Meta } from './frames.js';
import { measure, type Case } from './measure.js';
import type { Recorder } from './recorder.js';

const PAGE_SIZE = 50;

/** The page an app on plain supabase-js builds: presenceState(), sort the keys, 50 after a cursor. */
export function peerWhoNowPage(channel: RealtimeChannel, after: string) {
  const state = channel.presenceState() as Record<string, Meta[]>;
  const keys = Object.keys(state).sort();
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) <= after) lo = mid + 1;
    else hi = mid;
  }
  const page = keys.slice(lo, lo + PAGE_SIZE);
  return {
    totalOccupancy: keys.length,
    occupants: page.map((userId) => ({ userId, states: state[userId]?.[0]?.state ?? {} })),
    nextPage: lo + PAGE_SIZE < keys.length ? page[page.length - 1] : '',
  };
}

/** Times the middle page of 50 on the kit (ids only, with state) and on the docs pattern. */
export async function benchWhoNow(f: Fixture, record: Recorder): Promise<void> {
  const { n, roomR, peer } = f;
  expectOccupancy(roomR, n, 'before whoNow');
  const sortedIds = roomR.store.getState().userIds;
  const afterId = sortedIds[Math.max(0, Math.floor(n / 2) - 1)] as string;
  const page = encodeBookmark(afterId);
  expectSamePage(f, page, afterId);
  let sink = 0;
  const whoNowCase = (includedState: boolean): Case<RoomState> => ({
    prepare: () => roomR.store.getState(),
    run: (state) => {
      sink += selectWhoNow(state, { pageSize: PAGE_SIZE, page, includedState }).occupants.length;
    },
  });
  const kitWhoIds = await measure(whoNowCase(false), n);
  const kitWhoStates = await measure(whoNowCase(true), n);
  const peerWho = await measure<null>(
    {
      prepare: () => null,
      run: () => void (sink += peerWhoNowPage(peer.channel, afterId).occupants.length),
    },
    n,
    peerScale(n),
  );
  const whoTarget = n >= 10_000 ? { target: 0.1 } : {};
  record('whoNow page of 50 (ids only)', kitWhoIds, null, peerWho, whoTarget);
  record('whoNow page of 50 (includedState)', kitWhoStates, null, peerWho, {
    ...whoTarget,
    note: 'peer: presenceState() + sort keys + slice 50',
  });
  if (sink === 0) fail('whoNow produced nothing');
}

/** Both sides page the same users with the same states before either is timed. */
function expectSamePage(f: Fixture, page: string, afterId: string): void {
  const { n } = f;
  const kitPage = selectWhoNow(f.roomR.store.getState(), {
    pageSize: PAGE_SIZE,
    page,
    includedState: true,
  });
  const peerPage = peerWhoNowPage(f.peer.channel, afterId);
  if (
    kitPage.occupants.length !== Math.min(PAGE_SIZE, n - Math.floor(n / 2)) ||
    kitPage.occupants.map((o) => o.userId).join() !==
      peerPage.occupants.map((o) => o.userId).join() ||
    kitPage.occupants.some((o, i) => o.states.status !== peerPage.occupants[i]?.states.status)
  )
    fail('kit and peer whoNow pages differ');
}
