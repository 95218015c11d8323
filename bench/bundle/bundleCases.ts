/**
 * What the bundle bench builds: the kit's entries and a typical app import, and each peer's
 * counterpart. An entry is a set of `import` lines; every imported binding is kept alive (as
 * size-limit's own entry does), so tree-shaking drops only what the import does not reach.
 */

/** One import line: a module and what it imports from it (`*` for everything). */
export interface ImportSpec {
  from: string;
  what: '*' | string[];
  /** Default export name, when the module's main export is its default. */
  defaultAs?: string;
}

/** One bundle: a name and the imports it consists of. */
export interface BundleCase {
  name: string;
  imports: ImportSpec[];
  /** Bundle @supabase/supabase-js too instead of leaving it external (the kit's own peer). */
  withSupabase?: boolean;
}

/** A peer product: who it is and its two bundles (everything, and a typical presence app). */
export interface PeerCases {
  peer: string;
  all: BundleCase;
  typical: BundleCase;
}

const all = (...from: string[]): ImportSpec[] => from.map((f) => ({ from: f, what: '*' }));

/** The kit's three entries, everything of each, and the typical app import. */
export const KIT = {
  core: { name: 'presence-kit', imports: all('presence-kit') },
  react: { name: 'presence-kit/react', imports: all('presence-kit/react') },
  components: { name: 'presence-kit/components', imports: all('presence-kit/components') },
  all: {
    name: 'presence-kit + /react + /components (everything)',
    imports: all('presence-kit', 'presence-kit/react', 'presence-kit/components'),
  },
  typical: {
    name: 'typical app: createPresence + createPresenceContext + OnlineAvatars',
    imports: [
      { from: 'presence-kit', what: ['createPresence'] },
      { from: 'presence-kit/react', what: ['createPresenceContext'] },
      { from: 'presence-kit/components', what: ['OnlineAvatars'] },
    ],
  },
  typicalWithSupabase: {
    name: 'typical app + @supabase/supabase-js createClient',
    withSupabase: true,
    imports: [
      { from: '@supabase/supabase-js', what: ['createClient'] },
      { from: 'presence-kit', what: ['createPresence'] },
      { from: 'presence-kit/react', what: ['createPresenceContext'] },
      { from: 'presence-kit/components', what: ['OnlineAvatars'] },
    ],
  },
} satisfies Record<string, BundleCase>;

/**
 * The peers. A typical presence app of each: its provider(s), the members/others hook and, where
 * the product ships one, its ready-made avatar or member list component.
 */
export const PEERS: PeerCases[] = [
  {
    peer: 'Liveblocks 3.24 (@liveblocks/client + react + react-ui)',
    all: {
      name: 'Liveblocks: everything',
      imports: all('@liveblocks/client', '@liveblocks/react', '@liveblocks/react-ui'),
    },
    typical: {
      name: 'Liveblocks: LiveblocksProvider + RoomProvider + useOthers + useUpdateMyPresence + AvatarStack',
      imports: [
        {
          from: '@liveblocks/react',
          what: ['LiveblocksProvider', 'RoomProvider', 'useOthers', 'useUpdateMyPresence'],
        },
        { from: '@liveblocks/react-ui', what: ['AvatarStack'] },
      ],
    },
  },
  {
    peer: 'Ably Spaces 0.5 (@ably/spaces + its React entry + ably 2.28)',
    all: {
      name: 'Ably Spaces: everything',
      imports: [
        { from: 'ably', what: '*' },
        { from: '@ably/spaces', what: '*' },
        { from: '@ably/spaces/react', what: '*' },
      ],
    },
    typical: {
      name: 'Ably Spaces: Realtime + Spaces + SpacesProvider + SpaceProvider + useMembers',
      imports: [
        { from: 'ably', what: ['Realtime'] },
        { from: '@ably/spaces', what: [], defaultAs: 'Spaces' },
        { from: '@ably/spaces/react', what: ['SpacesProvider', 'SpaceProvider', 'useMembers'] },
      ],
    },
  },
  {
    peer: 'PubNub Chat Components 0.34 (+ pubnub 7.6, pubnub-react 3)',
    all: {
      name: 'PubNub: everything',
      imports: all('pubnub', 'pubnub-react', '@pubnub/react-chat-components'),
    },
    typical: {
      name: 'PubNub: PubNub + PubNubProvider + Chat + MemberList + usePresence',
      imports: [
        { from: 'pubnub', what: [], defaultAs: 'PubNub' },
        { from: 'pubnub-react', what: ['PubNubProvider'] },
        { from: '@pubnub/react-chat-components', what: ['Chat', 'MemberList', 'usePresence'] },
      ],
    },
  },
];

/** The entry module's source: one import line per spec, every binding logged so it stays. */
export function entrySource(c: BundleCase): string {
  return c.imports
    .map((spec, i) => {
      const name = `m${String(i)}`;
      if (spec.what === '*')
        return `import * as ${name} from '${spec.from}'; console.log(${name});`;
      const named = spec.what.map((w) => `${w} as ${name}_${w}`);
      const clause = [
        spec.defaultAs ? `${name}_default` : null,
        named.length ? `{ ${named.join(', ')} }` : null,
      ]
        .filter(Boolean)
        .join(', ');
      const used = [
        spec.defaultAs ? `${name}_default` : null,
        ...spec.what.map((w) => `${name}_${w}`),
      ]
        .filter(Boolean)
        .join(', ');
      return `import ${clause} from '${spec.from}'; console.log(${used});`;
    })
    .join('\n');
}
