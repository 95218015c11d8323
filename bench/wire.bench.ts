/**
 * `npm run bench:wire`: a scripted voice room (8 seats, 200 listeners, one simulated hour by
 * default; wire/voiceRoomScript.ts) replayed twice on a loopback hub under a fake clock: once
 * with the kit (its engine, seat model and typing model), once with the naive approach (`track`
 * on every change, as Supabase's docs teach). Frames and bytes are counted per client at the
 * hub's edge, presence calls through the hub's frame tap. Knobs: WIRE_MINUTES, WIRE_LISTENERS,
 * WIRE_HEARING. The two replays run side by side, each in a child process of its own.
 * Results: bench/results/wire.json.
 */
import { fileURLToPath } from 'node:url';
import { FakeClock } from './support/FakeClock.js';
import { readMachine, writeResult } from './support/result.js';
import { printResult, runForResult } from './support/runForResult.js';
import { KitActor } from './wire/KitActor.js';
import { NaiveActor } from './wire/NaiveActor.js';
import { runVoiceRoom, type RunOptions, type VoiceRoomRun } from './wire/runVoiceRoom.js';
import { VOICE_ROOM_HOUR, voiceRoomScript, type VoiceRoomScript } from './wire/voiceRoomScript.js';
import { byRole, wireRows } from './wire/wireSummary.js';

const num = (name: string, fallback: number) => Number(process.env[name] ?? '') || fallback;
const shape = {
  ...VOICE_ROOM_HOUR,
  minutes: num('WIRE_MINUTES', VOICE_ROOM_HOUR.minutes),
  listeners: num('WIRE_LISTENERS', VOICE_ROOM_HOUR.listeners),
  hearingListeners: num('WIRE_HEARING', VOICE_ROOM_HOUR.hearingListeners),
};
const PEER = 'naive: track on every change (Supabase docs)';

/** `presence_diff 1,291,385 (23 %), ...`: what the hub delivered to the room, by kind. */
function deliveries(run: VoiceRoomRun): string {
  const kinds = Object.entries(run.kinds.toClients).filter(
    ([k]) => k !== 'phx_reply' && k !== 'phx_close',
  );
  const total = kinds.reduce((n, [, v]) => n + v, 0) || 1;
  return kinds
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toLocaleString('en')} (${Math.round((v / total) * 100)} %)`)
    .join(', ');
}

/** One replay on a fresh fake clock; returns it and its wall time. */
async function replay(options: Omit<RunOptions, 'advance'>): Promise<[VoiceRoomRun, number]> {
  const started = performance.now();
  const clock = new FakeClock();
  const uninstall = clock.install();
  let run: VoiceRoomRun;
  try {
    run = await runVoiceRoom({ ...options, advance: (ms) => clock.advance(ms) });
  } finally {
    uninstall();
  }
  return [run, (performance.now() - started) / 1000];
}

type Side = 'kit' | 'naive';

/** One side's replay of `script`, in this process. */
function replaySide(side: Side, script: VoiceRoomScript): Promise<[VoiceRoomRun, number]> {
  if (side === 'kit') {
    const env = { seatCount: shape.seats, hostId: script.hostId };
    return replay({
      script,
      actor: (user, hearing, hub, meter) => new KitActor(user, hearing, { hub, meter, ...env }),
    });
  }
  return replay({
    script,
    // Lifted so the naive channels keep going; the meter counts where the rule would fire.
    limits: { clientPresenceMaxCalls: 1e9 },
    actor: (user, hearing, hub, meter) => new NaiveActor(user, hearing, { hub, meter }),
  });
}

/** One side's replay in a child process of its own: the two sides run side by side. */
function replayInChild(side: Side): Promise<[VoiceRoomRun, number]> {
  return runForResult(fileURLToPath(import.meta.url), {
    env: { WIRE_SIDE: side },
    label: `wire bench: the ${side} replay`,
  });
}

async function main(): Promise<void> {
  const machine = readMachine();
  const started = performance.now();
  const script = voiceRoomScript(shape);
  const [[kitRun, kitS], [naiveRun, naiveS]] = await Promise.all([
    replayInChild('kit'),
    replayInChild('naive'),
  ]);
  const kit = byRole(kitRun, script);
  const naive = byRole(naiveRun, script);
  const rows = wireRows(kit, naive, PEER);
  console.log(`replays: kit ${kitS.toFixed(1)} s, naive ${naiveS.toFixed(1)} s (wall)`);
  for (const r of rows)
    console.log(`${r.name}: kit ${String(r.value)}, naive ${String(r.peerValue)} ${r.unit}`);
  console.log(
    `kit: real shutdowns ${JSON.stringify(kitRun.shutdowns)}, skipped ${String(kitRun.skipped)}, rejected ${String(kitRun.rejected)}`,
  );
  const path = writeResult({
    suite: 'wire',
    machine,
    elapsedS: (performance.now() - started) / 1000,
    summary: `${String(shape.seats)} seats, ${String(shape.hearingListeners)} listeners with full clients and a crowd of ${String(shape.listeners - shape.hearingListeners)} (full senders whose clients drop what they receive; counted as sent), ${String(shape.minutes)} simulated minutes: ${String(script.events.length)} scripted actions and ${String(script.spurts.length)} speaking spurts with levels every 200 ms. Figures per client-hour. Peer: the same script with track() on every change.`,
    rows,
    notes: [
      `Frames the hub delivered to the room in the whole run, by kind (replies left out). Kit: ${deliveries(kitRun)}. Naive: ${deliveries(naiveRun)}. The kit's extra traffic is what the naive approach does not offer (speaking levels 4/s per speaker, typing keep-alives) and pk:state, the Broadcast that carries every change at once ahead of the throttled track.`,
    ],
    detail: {
      shape,
      wallS: { kit: kitS, naive: naiveS },
      kit: Object.fromEntries(kit),
      naive: Object.fromEntries(naive),
      kitRun: { ...kitRun, tallies: undefined },
      naiveRun: { ...naiveRun, tallies: undefined },
    },
  });
  console.log(`wrote ${path}`);
  if (Object.keys(kitRun.shutdowns).length > 0) process.exitCode = 1;
}

const side = process.env.WIRE_SIDE as Side | undefined;
const entry = side ? replaySide(side, voiceRoomScript(shape)).then(printResult) : main();
entry.then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
