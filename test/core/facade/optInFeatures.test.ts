import { describe, expect, it } from 'vitest';
import { generateAttestationKeys } from '../../../src/core/identity/createAttestationSigner.js';
import { verifiedIdentity } from '../../../src/core/identity/verifiedIdentity.js';
import type { PresenceOptions } from '../../../src/core/index.js';
import { whereNowDirectory } from '../../../src/directory.js';
import { settled, tick, worldPerTest } from '../helpers/loopback.js';

const world = worldPerTest();
const keys = await generateAttestationKeys();

/** The error `run` throws (fails when it throws none). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** The topics the hub has seen, sorted. */
const topics = () => Object.keys(world.hub.stats().topics).sort();

/** Passes an option the way plain JavaScript (or an old TypeScript call) would. */
const untyped = (options: Record<string, unknown>) => options as PresenceOptions;

describe('opt-in features are plugins, imported on their own', () => {
  it.each([
    ['directory: true', { directory: true }],
    ['directory: { channelName }', { directory: { channelName: 'pk-directory' } }],
    ['a string', { directory: 'pk-directory' }],
  ])('refuses the old directory form %s, naming the import', (_, options) => {
    expect(thrown(() => world.person('alice', untyped(options)))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      operation: 'createPresence',
      message: expect.stringContaining(
        "import { whereNowDirectory } from 'presence-kit/directory'",
      ),
    });
  });

  it.each([
    ['a plain options object', { identity: { publicKey: keys.publicKey, require: true } }],
    ['true', { identity: true }],
    ['null', { identity: null }],
  ])('refuses the old identity form (%s), naming verifiedIdentity', (_, options) => {
    expect(thrown(() => world.person('alice', untyped(options)))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      operation: 'createPresence',
      message: expect.stringContaining("import { verifiedIdentity } from 'presence-kit/identity'"),
    });
  });

  it('takes directory: false and no directory as off', async () => {
    const alice = world.person('alice', { directory: false });
    const bob = world.person('bob');
    await settled(alice.presence.join('lobby'));
    await settled(bob.presence.join('secret'));
    await tick(8000);
    // Without a directory nobody learns of rooms they are not in.
    expect(await settled(alice.presence.whereNow('bob'))).toEqual({
      totalChannel: 0,
      channels: [],
    });
    expect(topics().filter((topic) => topic.includes('directory'))).toEqual([]);
  });

  it('joins the directory channel whereNowDirectory({ channelName }) names', async () => {
    const directory = whereNowDirectory({ channelName: 'team-directory' });
    const alice = world.person('alice', { directory });
    const bob = world.person('bob', { directory });
    const carol = world.person('carol', { directory: whereNowDirectory() });
    await settled(alice.presence.join('lobby'));
    await settled(bob.presence.join('secret'));
    await settled(carol.presence.join('hall'));
    await tick(8000);
    expect((await settled(alice.presence.whereNow('bob'))).channels).toEqual([
      { channelName: 'secret', channelType: 'MESSAGE' },
    ]);
    // Carol is in the default directory, a different channel: alice cannot see her rooms.
    expect((await settled(alice.presence.whereNow('carol'))).totalChannel).toBe(0);
    expect(topics().filter((topic) => topic.includes('directory'))).toEqual([
      'realtime:pk-directory',
      'realtime:team-directory',
    ]);
  });

  it('refuses an empty directory channel name', () => {
    expect(thrown(() => whereNowDirectory({ channelName: '' }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      operation: 'whereNowDirectory',
      message: 'directory.channelName must be a non-empty string',
    });
  });

  it('refuses a verifiedIdentity attest that is not a function', () => {
    const attest = 'https://example.test/attest' as unknown as () => Promise<string>;
    expect(thrown(() => verifiedIdentity({ publicKey: keys.publicKey, attest }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      operation: 'verifiedIdentity',
      message: 'identity.attest must be a function',
    });
  });

  it('makes plain values: equal options give equal plugins (React providers compare them)', () => {
    expect(whereNowDirectory()).toStrictEqual(whereNowDirectory({ channelName: 'pk-directory' }));
    expect(whereNowDirectory().open).toBe(whereNowDirectory({ channelName: 'x' }).open);
    const attest = () => Promise.resolve('token');
    const a = verifiedIdentity({ publicKey: keys.publicKey, attest });
    expect(a).toStrictEqual(verifiedIdentity({ publicKey: keys.publicKey, attest }));
    expect(a).toMatchObject({ feature: 'verifiedIdentity', require: false });
  });
});
