/** The core bench's rows (recorder.ts) as result rows of the shared envelope. */
import type { BenchRow } from '../support/result.js';
import type { IngestProfile } from './profileIngest.js';
import type { Row } from './recorder.js';

const PEER = 'docs pattern: on(sync) → presenceState()';
const PROVEN_UPDATE = '1 update (presence_diff), metas with proofs';
const r4 = (v: number) => Math.round(v * 10_000) / 10_000;

function one(row: Row, rows: Row[], parse: number): BenchRow | null {
  const kit = row.kit;
  if (!kit) return null;
  const n = row.n.toLocaleString('en');
  const own = row.bare ? `kit − bare supabase-js = ${r4(kit.median - row.bare.median)} ms` : '';
  const note = [own, row.note].filter(Boolean).join('; ');
  const out: BenchRow = {
    group: `N = ${n}`,
    name: `${row.op} at ${n}`,
    value: r4(kit.median),
    unit: row.op.startsWith('checkProof') ? 'ms (per call)' : 'ms',
    ...(note && { note }),
  };
  if (row.peer) Object.assign(out, { peer: PEER, peerValue: r4(row.peer.median) });
  if (row.op === PROVEN_UPDATE) {
    const plain = rows.find((r) => r.n === row.n && r.op.startsWith('1 update (leave old ref'));
    if (plain?.kit)
      Object.assign(out, {
        peer: 'the same update without proofs',
        peerValue: r4(plain.kit.median),
      });
  }
  if (row.target !== undefined) out.target = row.target;
  if (row.targetX !== undefined)
    Object.assign(out, {
      peer: 'JSON.parse of the same frame',
      peerValue: r4(parse),
      target: row.targetX,
      targetOn: 'ratio' as const,
    });
  return out;
}

/** Every row with a kit figure; `parseBySize` gives JSON.parse's median per N. */
export function coreRows(rows: Row[], parseBySize: Map<number, number>): BenchRow[] {
  return rows
    .map((row) => one(row, rows, parseBySize.get(row.n) ?? Number.NaN))
    .filter((r): r is BenchRow => r !== null);
}

/** A note line per profile bucket over 2 %, for RESULTS.md. */
export function profileNotes(n: number, profile: IngestProfile | undefined): string[] {
  if (!profile) return [];
  const shares = profile
    .filter((p) => p.share >= 0.02)
    .map((p) => `${p.where} ${(p.share * 100).toFixed(0)} %`)
    .join(', ');
  return [
    `Where a cold presence_state of ${n.toLocaleString('en')} spends its time (frame → committed store, sampling profiler, self time charged to the nearest kit or supabase-js frame): ${shares}.`,
  ];
}
