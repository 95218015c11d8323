/**
 * Turns two replays of the same script (kit, naive) into per-client figures by role, normalised
 * to one client-hour, and the bench's result rows.
 */
import type { BenchRow } from '../support/result.js';
import type { VoiceRoomRun } from './runVoiceRoom.js';
import type { ScriptUser, VoiceRoomScript } from './voiceRoomScript.js';
import type { ClientTally } from './WireMeter.js';

/** Per-client-hour figures of one role. */
export interface RoleFigures {
  clients: number;
  clientHours: number;
  framesOut: number;
  bytesOut: number;
  framesIn: number;
  bytesIn: number;
  presenceCalls: number;
  /** Highest presence calls in any 30 s window of one join, over every client of the role. */
  maxCallsPer30s: number;
  /** Shutdowns under the server's 5-per-30-s rule, all clients of the role together. */
  wouldBeShutDown: number;
}

const ROLE_LABEL: Record<ScriptUser['role'], string> = {
  speaker: 'speaker',
  listener: 'listener',
  crowd: 'crowd (deaf)',
};

/** Figures by role (and `all`) from one replay. */
export function byRole(run: VoiceRoomRun, script: VoiceRoomScript): Map<string, RoleFigures> {
  const role = new Map(script.users.map((u) => [u.id, u.role]));
  const groups = new Map<string, ClientTally[]>();
  for (const t of run.tallies) {
    for (const key of [ROLE_LABEL[role.get(t.user) ?? 'crowd'], 'all']) {
      const list = groups.get(key) ?? [];
      list.push(t);
      groups.set(key, list);
    }
  }
  const out = new Map<string, RoleFigures>();
  for (const [key, list] of groups) {
    const hours = list.reduce((n, t) => n + t.connectedMs, 0) / 3_600_000;
    const perHour = (pick: (t: ClientTally) => number) =>
      hours > 0 ? list.reduce((n, t) => n + pick(t), 0) / hours : 0;
    out.set(key, {
      clients: list.length,
      clientHours: hours,
      framesOut: perHour((t) => t.framesOut),
      bytesOut: perHour((t) => t.bytesOut),
      framesIn: perHour((t) => t.framesIn),
      bytesIn: perHour((t) => t.bytesIn),
      presenceCalls: perHour((t) => t.presenceCalls),
      maxCallsPer30s: Math.max(0, ...list.map((t) => t.maxCallsPer30s)),
      wouldBeShutDown: list.reduce((n, t) => n + t.wouldBeShutDown, 0),
    });
  }
  return out;
}

const METRICS: Array<{ key: keyof RoleFigures; label: string; unit: string }> = [
  { key: 'framesOut', label: 'messages sent', unit: 'msgs/client-hour' },
  { key: 'bytesOut', label: 'bytes sent', unit: 'B/client-hour' },
  { key: 'framesIn', label: 'messages received', unit: 'msgs/client-hour' },
  { key: 'bytesIn', label: 'bytes received', unit: 'B/client-hour' },
  { key: 'presenceCalls', label: 'presence calls', unit: 'calls/client-hour' },
];

/** The result rows: per role, every metric against the naive run; then the two budgets. */
export function wireRows(
  kit: Map<string, RoleFigures>,
  naive: Map<string, RoleFigures>,
  peer: string,
): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const role of ['speaker', 'listener', 'crowd (deaf)', 'all']) {
    const k = kit.get(role);
    const n = naive.get(role);
    if (!k || !n) continue;
    for (const m of METRICS)
      rows.push({
        group: `per ${role} client`,
        name: `${m.label} (${role})`,
        value: Math.round(k[m.key]),
        unit: m.unit,
        peer,
        peerValue: Math.round(n[m.key]),
      });
  }
  const k = kit.get('all');
  const n = naive.get('all');
  if (k && n) {
    rows.push({
      group: 'budgets',
      name: 'most presence calls in any 30 s of one join (any client)',
      value: k.maxCallsPer30s,
      unit: 'calls/30 s',
      peer,
      peerValue: n.maxCallsPer30s,
      target: 4,
      note: 'the naive count restarts after each shutdown (the real server closes the channel on the 6th call)',
    });
    rows.push({
      group: 'budgets',
      name: "channel shutdowns under the server's 5-per-30-s rule (whole room)",
      value: k.wouldBeShutDown,
      unit: 'shutdowns',
      peer,
      peerValue: n.wouldBeShutDown,
      target: 0,
    });
  }
  return rows;
}
