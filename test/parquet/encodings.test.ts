/**
 * The fast bit unpacking of the RLE / bit-packed hybrid against the obvious bit-by-bit
 * version it replaced (kept as the oracle), for every width, offset and count.
 */
import { describe, expect, it } from 'vitest';
import { unpack, unpackObvious } from '../../src/vectors/parquet/encodings.js';

describe('unpack', () => {
  it('matches the obvious unpacking for widths 0–32', () => {
    let seed = 12345;
    const bytes = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    for (let width = 0; width <= 32; width++) {
      for (const [at, count] of [
        [0, 8],
        [3, 64],
        [17, 1000],
      ] as const) {
        const fast = new Int32Array(count + 2);
        const slow = new Int32Array(count + 2);
        unpack(bytes, at, width, fast, 1, count);
        unpackObvious(bytes, at, width, slow, 1, count);
        expect([...fast], `width ${width}`).toEqual([...slow].map((v) => v | 0));
      }
    }
  });
});
