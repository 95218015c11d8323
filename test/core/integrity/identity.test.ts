import { describe, expect, it } from 'vitest';
import {
  createAttestationSigner,
  generateAttestationKeys,
} from '../../../src/core/identity/createAttestationSigner.js';
import { verifiedIdentity } from '../../../src/core/identity/verifiedIdentity.js';
import type { VerifiedIdentityOptions } from '../../../src/core/identity/verifiedIdentity.js';
import { tick, worldPerTest } from '../helpers/loopback.js';
import { intruder } from './intruder.js';

// Web Crypto settles on real I/O turns, which fake timers do not drive: give it real time too.
const realTimeout = globalThis.setTimeout;
const yieldReal = () => new Promise<void>((resolve) => realTimeout(resolve, 2));

/** Advances fake time in small steps, letting Web Crypto run, until `check()` holds. */
async function until(check: () => boolean, rounds = 1000): Promise<void> {
  for (let i = 0; !check(); i += 1) {
    if (i >= rounds) throw new Error('condition not met');
    await yieldReal();
    await tick(5);
  }
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await until(() => done);
  return promise;
}

const world = worldPerTest();
const keys = await generateAttestationKeys();
const signer = createAttestationSigner(keys.privateKey);

/** A person whose backend attests them as `sub` (their own user id unless told otherwise). */
function person(userId: string, options: { require?: boolean; sub?: string | null } = {}) {
  const { require = false, sub = userId } = options;
  const identity: VerifiedIdentityOptions = { publicKey: keys.publicKey, require };
  if (sub !== null) identity.attest = (key) => signer.sign({ sub, key });
  return world.person(userId, { identity: verifiedIdentity(identity) });
}

describe('verified identity', () => {
  it('marks attested connections verified and anyone else’s unverified', async () => {
    const alice = person('alice');
    const bob = person('bob');
    const room = await settle(alice.presence.join('room'));
    await settle(bob.presence.join('room', { initialState: { mood: 'calm' } }));
    const mallory = await intruder(world, 'room', 'mallory');
    await mallory.track({ connectionId: 'm', version: 1, state: { mood: 'evil' } });
    await until(() => room.store.getState().occupancy === 3);
    const occupants = room.store.getState().occupants;
    expect(occupants.get('bob')).toMatchObject({ verified: true, state: { mood: 'calm' } });
    expect(occupants.get('mallory')?.verified).toBe(false);
    // A copy of bob's signed meta with other content, tracked under bob's key.
    const copy = await intruder(world, 'room', 'bob');
    await until(() => copy.channel.presenceState().bob !== undefined);
    await copy.track({ ...copy.metaOf('bob'), state: { mood: 'evil' } });
    await until(() => room.store.getState().occupants.get('bob')?.connections.length === 2);
    const bobNow = room.store.getState().occupants.get('bob');
    expect(bobNow?.verified).toBe(false);
    expect(bobNow?.connections.map((c) => [c.state.mood, c.verified]).sort()).toEqual([
      ['calm', true],
      ['evil', false],
    ]);
  });

  it('with require, hides every unverified connection, for members and late joiners', async () => {
    const alice = person('alice', { require: true });
    const bob = person('bob');
    const room = await settle(alice.presence.join('room'));
    await settle(bob.presence.join('room', { initialState: { mood: 'calm' } }));
    const mallory = await intruder(world, 'room', 'mallory');
    await mallory.track({ connectionId: 'm', version: 1, state: { mood: 'evil' } });
    const copy = await intruder(world, 'room', 'bob');
    await until(() => copy.channel.presenceState().bob !== undefined);
    await copy.track({ ...copy.metaOf('bob'), state: { mood: 'evil' } });
    // An impostor whose backend attested it as someone else, under bob's key.
    const eve = person('bob', { sub: 'eve' });
    await settle(eve.presence.join('room', { initialState: { mood: 'evil' } }));
    await until(() => room.store.getState().occupants.get('bob')?.verified === true);
    await tick(500);
    for (const view of [
      room,
      await settle(person('carol', { require: true }).presence.join('room')),
    ]) {
      await until(() => view.store.getState().occupants.get('bob')?.connections.length === 1);
      await tick(200);
      const state = view.store.getState();
      expect(state.userIds).not.toContain('mallory');
      expect(state.occupants.get('bob')).toMatchObject({ verified: true, state: { mood: 'calm' } });
      expect(state.occupants.get('bob')?.connections).toHaveLength(1);
    }
  });

  it('keeps a verified user shown while they re-track, with no leave in between', async () => {
    const alice = person('alice', { require: true });
    const bob = person('bob');
    const room = await settle(alice.presence.join('room'));
    await settle(bob.presence.join('room', { initialState: { mood: 'calm' } }));
    await until(() => room.store.getState().occupants.get('bob')?.verified === true);
    const statuses: string[] = [];
    room.subscribeUser('bob', () =>
      statuses.push(room.store.getState().occupants.get('bob')?.status ?? 'gone'),
    );
    const refs = () => room.store.getState().occupants.get('bob')?.connections[0]?.presenceRef;
    const first = refs();
    for (const mood of ['a', 'b', 'c']) {
      await settle(bob.presence.setState('room', { mood }));
      await tick(8000); // the next track (and its new presence ref) is budgeted
      await until(() => room.store.getState().occupants.get('bob')?.state.mood === mood);
    }
    await until(() => refs() !== first);
    expect(statuses.every((s) => s === 'online')).toBe(true);
    expect(alice.heardAbout('bob').filter((t) => t !== 'REMOTE_STATE_CHANGED')).toEqual([
      'REMOTE_JOIN',
    ]);
    expect(room.store.getState().occupants.get('bob')?.verified).toBe(true);
  });

  it('goes out unsigned, and says so, when our backend refuses to attest us', async () => {
    const alice = person('alice');
    const bob = world.person('bob', {
      identity: verifiedIdentity({
        publicKey: keys.publicKey,
        attest: () => Promise.reject(new Error('401')),
      }),
    });
    const room = await settle(alice.presence.join('room'));
    await settle(bob.presence.join('room'));
    await until(() => room.store.getState().occupants.get('bob')?.verified === false);
    expect(bob.errors.map((e) => [e.code, e.operation])).toContainEqual([
      'OPERATION_FAILED',
      'attest',
    ]);
  });

  it('refuses verifiedIdentity without a P-256 public key', () => {
    expect(() => verifiedIdentity({ publicKey: {} as JsonWebKey })).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/ECDSA P-256/),
      }),
    );
  });
});
