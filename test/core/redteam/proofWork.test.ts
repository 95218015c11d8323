import { describe, expect, it, vi } from 'vitest';
import { chainStep } from '../../../src/core/outbound/sha256.js';
import type * as Sha256 from '../../../src/core/outbound/sha256.js';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';
import { rawMember } from './rawMember.js';

// Every hash step a receiver spends is counted: a forged proof's cost is the attack's yield.
vi.mock('../../../src/core/outbound/sha256.js', async (original) => {
  const real = await original<typeof Sha256>();
  return { ...real, chainStep: vi.fn(real.chainStep) };
});
const steps = vi.mocked(chainStep);

const world = worldPerTest();
const COPIES = 40;

/** A meta announcing its own (made-up) chain element at version 1, labelled `x`. */
function meta(i: number): Record<string, unknown> {
  const proof = i.toString(16).padStart(32, '0');
  return { connectionId: 'x', version: 1, proof, state: { n: String(i) }, updatedAt: Date.now() };
}

/** Alice in `room`, and `COPIES` hostile connections under `mallory`, all labelled `x`. */
async function aliceAmongCopies() {
  const alice = world.person('alice');
  const room = await settled(alice.presence.join('room'));
  const members = [];
  for (let i = 0; i < COPIES; i += 1) {
    const member = await rawMember(world.hub, 'room', 'mallory');
    member.track(meta(i));
    members.push(member);
  }
  await tick(300);
  expect(room.store.getState().occupants.get('mallory')?.connections).toHaveLength(COPIES);
  return { alice, room, sender: members[0] as (typeof members)[number] };
}

describe('forged proofs against many connections that share a label', () => {
  it('a pk:state costs each receiver at most one proof walk, however many copies match', async () => {
    const { alice, room, sender } = await aliceAmongCopies();
    steps.mockClear();
    sender.broadcast('pk:state', {
      ...meta(0),
      userId: 'mallory',
      version: 257,
      proof: 'ab'.repeat(16),
      state: { n: 'forged' },
    });
    await tick(50);
    expect(steps.mock.calls.length).toBeLessThanOrEqual(256);
    expect(alice.errors.map((e) => e.code)).toContain('INVALID_REMOTE_PAYLOAD');
    const states = room.store
      .getState()
      .occupants.get('mallory')
      ?.connections.map((c) => c.state.n);
    expect(states).not.toContain('forged');
  });

  it('a pk:leave costs each receiver at most one proof walk, however many copies match', async () => {
    const { sender } = await aliceAmongCopies();
    steps.mockClear();
    sender.broadcast('pk:leave', {
      userId: 'mallory',
      connectionId: 'x',
      version: 257,
      proof: 'ab'.repeat(16),
    });
    await tick(50);
    expect(steps.mock.calls.length).toBeLessThanOrEqual(256);
  });
});

describe('a join among many connections that share its label', () => {
  it('costs each receiver a bounded number of hash steps to find its predecessor', async () => {
    const alice = world.person('alice');
    const room = await settled(alice.presence.join('room'));
    for (let i = 0; i < COPIES; i += 1) {
      const member = await rawMember(world.hub, 'room', 'mallory');
      // Claimed positions just ahead of the newcomer's: each one is a candidate predecessor.
      member.track({ ...meta(i), version: 200 + i });
    }
    await tick(300);
    const newcomer = await rawMember(world.hub, 'room', 'mallory');
    steps.mockClear();
    newcomer.track({ ...meta(COPIES), version: 1 });
    await tick(300);
    expect(room.store.getState().occupants.get('mallory')?.connections).toHaveLength(COPIES + 1);
    expect(steps.mock.calls.length).toBeLessThanOrEqual(256);
  });
});
