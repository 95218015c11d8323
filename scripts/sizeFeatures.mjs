// The engine's features by the modules that implement them, for `npm run size:why -- --features`.
// A module goes to the first feature whose pattern matches its path in dist/; anything unmatched
// is listed as "other", so a new module shows up instead of silently joining a group.
export const FEATURES = [
  [
    'proof of origin (hash chain, SHA-256, proven broadcasts)',
    /(sha256|HashChain|ProvenBroadcasts|ChainKnowledge|ChainBook|proofCodec|joinedRecord|OwnTracks|wire|base64url)\.js$/,
  ],
  [
    'Agora layer (events, whoNow pages, state views)',
    /(AgoraEvents|selectors|whereNow|StateCache|bookmark|SupabaseView|AppListeners|ListenerSet)\.js$/,
  ],
  [
    'validation and typed errors',
    /(validatePayload|validateState|facadeArgs|settings|limits|RemotePayloadError|RejectionReporter|PresenceError|joinOptions|EarlyStates|StaleMarks)\.js$/,
  ],
  ['channel lifecycle, rejoin and backoff', /core\/channel\//],
  [
    'occupant table and batched store',
    /(occupantTrie|deepHash|BatchedStore|OccupantTable|occupantRecords|sortedIds|occupantsOf|Committer|stateObject|applyStatePatch)\.js$/,
  ],
  [
    'reconciling joins and leaves, leave debounce',
    /(ConnectionReconciler|RemoteJoins|PresenceFrames|FrameIngest|OccupantWriter|LeaveDebouncer|IdentityGate)\.js$/,
  ],
  [
    'outbound rate budget, goodbye on page hide',
    /(Outbox|TrackBudget|onPageHide|roomOutboxIO)\.js$/,
  ],
  ['facade (createPresence, rooms, options)', /core\/facade\//],
  ['React bindings', /^dist\/react\//],
  ['zustand and use-sync-external-store', /^node_modules\//],
];

/**
 * Sums `[file, minifiedBytes]` rows by feature and spreads the bundle's gzip size over them in
 * proportion (gzip works on the whole file, so a feature's gzip share is an estimate).
 */
export function byFeature(rows, gzipBytes) {
  const total = rows.reduce((sum, [, bytes]) => sum + bytes, 0);
  const sums = new Map();
  for (const [file, bytes] of rows) {
    const name = FEATURES.find(([, pattern]) => pattern.test(file))?.[0] ?? `other: ${file}`;
    sums.set(name, (sums.get(name) ?? 0) + bytes);
  }
  return [...sums]
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => ({
      name,
      bytes,
      share: bytes / total,
      gzip: (bytes / total) * gzipBytes,
    }));
}
