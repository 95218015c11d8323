/**
 * A compact, synchronous SHA-256 (FIPS 180-4). Web Crypto's `digest` is async only, and a proof
 * of origin must be checked inside the frame that carries it, so the kit hashes on its own: one
 * compression per hash-chain step (see {@link chainStep}), checked against `node:crypto` in tests.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const IV = new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

// Scratch space: the hash is synchronous and not re-entrant, so one schedule serves every call.
const W = new Uint32Array(64);
const H = new Uint32Array(8);

/** Runs the compression function over `W[0..15]` (already filled) into `H`. */
function compress(): void {
  for (let t = 16; t < 64; t += 1) {
    const a = W[t - 15] as number;
    const b = W[t - 2] as number;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[t] = ((W[t - 16] as number) + s0 + (W[t - 7] as number) + s1) | 0;
  }
  let a = H[0] as number,
    b = H[1] as number,
    c = H[2] as number,
    d = H[3] as number;
  let e = H[4] as number,
    f = H[5] as number,
    g = H[6] as number,
    h = H[7] as number;
  for (let t = 0; t < 64; t += 1) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[t] as number) + (W[t] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0] as number) + a;
  H[1] = (H[1] as number) + b;
  H[2] = (H[2] as number) + c;
  H[3] = (H[3] as number) + d;
  H[4] = (H[4] as number) + e;
  H[5] = (H[5] as number) + f;
  H[6] = (H[6] as number) + g;
  H[7] = (H[7] as number) + h;
}

/** SHA-256 of `data`; returns the 32-byte digest. */
export function sha256(data: Uint8Array): Uint8Array {
  H.set(IV);
  const bits = data.length * 8;
  // Message, a 0x80 byte, zeros, then the 64-bit big-endian length: a multiple of 64 bytes.
  const blocks = Math.ceil((data.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(padded.length - 4, bits >>> 0);
  for (let block = 0; block < blocks; block += 1) {
    for (let i = 0; i < 16; i += 1) W[i] = view.getUint32(block * 64 + i * 4);
    compress();
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i += 1) outView.setUint32(i * 4, H[i] as number);
  return out;
}

/**
 * One hash-chain step: the first 16 bytes of SHA-256 over the 16 bytes in `input` (four
 * big-endian words), written to `out` (may be `input`). One compression, no allocation.
 */
export function chainStep(input: Uint32Array, out: Uint32Array): void {
  H.set(IV);
  W[0] = input[0] as number;
  W[1] = input[1] as number;
  W[2] = input[2] as number;
  W[3] = input[3] as number;
  W[4] = 0x80000000;
  W.fill(0, 5, 15);
  W[15] = 128;
  compress();
  out[0] = H[0] as number;
  out[1] = H[1] as number;
  out[2] = H[2] as number;
  out[3] = H[3] as number;
}
