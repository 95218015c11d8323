import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainStep, sha256 } from '../../../src/core/outbound/sha256.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function wordsToBytes(words: Uint32Array): Buffer {
  const out = Buffer.alloc(words.length * 4);
  words.forEach((word, i) => out.writeUInt32BE(word, i * 4));
  return out;
}

describe('sha256', () => {
  it('matches node:crypto on every length across several blocks', () => {
    for (let length = 0; length <= 200; length += 1) {
      const data = randomBytes(length);
      expect(hex(sha256(data)), `length ${length}`).toBe(
        createHash('sha256').update(data).digest('hex'),
      );
    }
  });

  it('matches node:crypto on 500 random inputs up to 5 KB', () => {
    for (let i = 0; i < 500; i += 1) {
      const data = randomBytes(Math.floor(Math.random() * 5000));
      expect(hex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('gives the FIPS 180-4 test vectors', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(hex(sha256(text('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(text('')))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('chainStep is the first 16 bytes of sha256 over 16 bytes, also in place', () => {
    for (let i = 0; i < 1000; i += 1) {
      const input = new Uint32Array(randomBytes(16).buffer.slice(0, 16));
      const expected = createHash('sha256').update(wordsToBytes(input)).digest().subarray(0, 16);
      const out = new Uint32Array(4);
      chainStep(input, out);
      expect(wordsToBytes(out).equals(expected)).toBe(true);
      chainStep(input, input);
      expect(wordsToBytes(input).equals(expected)).toBe(true);
    }
  });
});
