/** How many of our recent tracks are remembered. */
const MAX_TRACKS = 8;

/**
 * Our recent tracked metas, by chain position and proof. Every track reveals a fresh chain
 * element, so the first meta that comes back carrying it is ours; a later one with the same
 * element was copied from ours by someone else and is a connection of its own.
 */
export class OwnTracks {
  readonly #tracks: { version: number; proof: string; ref: string | null }[] = [];

  /** We tracked a meta at `version` with `proof`. */
  add(version: number, proof: string): void {
    this.#tracks.push({ version, proof, ref: null });
    if (this.#tracks.length > MAX_TRACKS) this.#tracks.shift();
  }

  /**
   * True when `(version, proof)` is one of our tracks and the meta with presence ref `ref` is
   * the first to carry it (or is that first meta again).
   */
  claim(version: number, proof: string | null, ref: string): boolean {
    const track = this.#tracks.find((t) => t.version === version && t.proof === proof);
    if (!track) return false;
    track.ref ??= ref;
    return track.ref === ref;
  }
}
