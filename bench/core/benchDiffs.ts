/** The per-operation cases: one join, one leave (both debounce settings), one update. */
import {
  bareFrames,
  kitFrames,
  occupantOf,
  peerFrames,
  peerMeta,
  peerScale,
} from './frameCases.js';
import { fail } from './expect.js';
import type { Fixture } from './fixture.js';
import { measure, measurePair } from './measure.js';
import type { Recorder } from './recorder.js';

type Target = number | undefined;

/** Times each one-frame operation on the kit, bare supabase-js and the docs pattern. */
export async function benchDiffs(f: Fixture, record: Recorder): Promise<void> {
  const { n } = f;
  const target = n >= 10_000 ? 0.1 : n >= 1000 ? 0.05 : undefined;
  await benchJoin(f, record, target);
  const peerLeave = await benchLeave(f, record, target);
  await benchLeave0(f, record, target, peerLeave);
  await benchUpdate(f, record, target);
}

/** One join. */
async function benchJoin(f: Fixture, record: Recorder, target: Target): Promise<void> {
  const { n, joins } = f;
  const [kitJoin, bareJoin] = await measurePair(
    kitFrames(
      f.roomR0,
      joins,
      (s, step) => {
        if (occupantOf(s, step.key)?.status !== 'online' || s.occupancy !== n + 1)
          fail(`join of ${step.key} not in the kit store`);
      },
      n,
    ),
    bareFrames(f.bare0, joins, n),
    n,
  );
  const peerJoin = await measure(
    peerFrames(
      f.peer,
      joins,
      (last, step) => {
        if (!peerMeta(last, step.key)) fail(`join of ${step.key} not in presenceState()`);
      },
      n,
    ),
    n,
    peerScale(n),
  );
  record('1 join (presence_diff)', kitJoin, bareJoin, peerJoin, {
    ...(target && { target }),
    note: 'kit room with debounceMs 0 so the untimed undo removes at once; the join path does not depend on it',
  });
}

/** One leave, kit defaults: the frame's commit marks the user 'leaving' (removal after debounceMs). */
async function benchLeave(f: Fixture, record: Recorder, target: Target): Promise<number[]> {
  const { n, leaves } = f;
  const [kitLeave, bareLeave] = await measurePair(
    kitFrames(
      f.roomR,
      leaves,
      (s, step) => {
        if (occupantOf(s, step.key)?.status !== 'leaving')
          fail(`leave of ${step.key} not marked leaving`);
      },
      n,
    ),
    bareFrames(f.bare, leaves, n),
    n,
  );
  const peerLeave = await measure(
    peerFrames(
      f.peer,
      leaves,
      (last, step) => {
        if (peerMeta(last, step.key)) fail(`leave of ${step.key} still in presenceState()`);
      },
      n,
    ),
    n,
    peerScale(n),
  );
  record(
    '1 leave (default debounce: commit → leaving)',
    kitLeave,
    bareLeave,
    peerLeave,
    target ? { target } : {},
  );
  return peerLeave;
}

/** One leave with debounceMs 0: the frame's commit removes the user. */
async function benchLeave0(
  f: Fixture,
  record: Recorder,
  target: Target,
  peerLeave: number[],
): Promise<void> {
  const { n, leaves0 } = f;
  const [kitLeave0, bareLeave0] = await measurePair(
    kitFrames(
      f.roomR0,
      leaves0,
      (s, step) => {
        if (occupantOf(s, step.key) || s.occupancy !== n - 1)
          fail(`leave of ${step.key} not removed`);
      },
      n,
    ),
    bareFrames(f.bare0, leaves0, n),
    n,
  );
  record('1 leave (debounceMs 0: commit removes)', kitLeave0, bareLeave0, peerLeave, {
    ...(target && { target }),
    note: 'peer column = the peer leave of the row above (plain supabase-js has no debounce)',
  });
}

/** One update: leave old ref + join new ref in one diff. */
async function benchUpdate(f: Fixture, record: Recorder, target: Target): Promise<void> {
  const { n, updates } = f;
  const [kitUpdate, bareUpdate] = await measurePair(
    kitFrames(
      f.roomR,
      updates,
      (s, step) => {
        const o = occupantOf(s, step.key);
        if (!o || o.state.status !== step.status || o.connections[0]?.version !== step.version)
          fail(`update of ${step.key} not applied`);
      },
      n,
    ),
    bareFrames(f.bare, updates, n),
    n,
  );
  const peerUpdate = await measure(
    peerFrames(
      f.peer,
      updates,
      (last, step) => {
        const m = peerMeta(last, step.key);
        if (m?.state.status !== step.status || last[step.key]?.length !== 1)
          fail(`update of ${step.key} not in presenceState()`);
      },
      n,
    ),
    n,
    peerScale(n),
  );
  record(
    '1 update (leave old ref + join new ref)',
    kitUpdate,
    bareUpdate,
    peerUpdate,
    target ? { target } : {},
  );
}
