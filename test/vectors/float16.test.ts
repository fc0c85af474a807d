/**
 * float32 → float16 encoding, round to nearest, ties to even, against all 65,536 half
 * values and against a slow-but-obvious oracle (the nearest of the sorted halves, found
 * by binary search) on seeded random float32 values.
 */
import { describe, expect, it } from 'vitest';
import { decodeFloat16, float32ToFloat16Bits } from '../../src/vectors/float16.js';
import { seeded } from './helpers.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function fromBits(bits: number): number {
  u32[0] = bits >>> 0;
  return f32[0]!;
}

function bitsOf(value: number): number {
  f32[0] = value;
  return u32[0]!;
}

/** The next float32 away from zero / towards zero (for positive, finite values). */
const up = (v: number): number => fromBits(bitsOf(v) + 1);
const down = (v: number): number => fromBits(bitsOf(v) - 1);

const isNaNHalf = (bits: number): boolean => (bits & 0x7c00) === 0x7c00 && (bits & 0x3ff) !== 0;

/** Positive finite halves in increasing order: bit patterns 0 … 0x7bff. */
const POSITIVE = Array.from({ length: 0x7c00 }, (_, bits) => decodeFloat16(bits));

/** The oracle: the nearest half by distance, ties to the even pattern, per IEEE 754. */
function nearestHalf(value: number): number {
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  // IEEE rounds as if the exponent were unbounded: 65,536 would be the next value (even).
  if (a >= 65520) return sign | 0x7c00;
  let lo = 0;
  let hi = POSITIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (POSITIVE[mid]! <= a) lo = mid;
    else hi = mid - 1;
  }
  if (lo === POSITIVE.length - 1 || POSITIVE[lo] === a) return sign | lo;
  const below = a - POSITIVE[lo]!;
  const above = POSITIVE[lo + 1]! - a;
  if (below < above) return sign | lo;
  if (above < below) return sign | (lo + 1);
  return sign | (lo % 2 === 0 ? lo : lo + 1);
}

describe('float32ToFloat16Bits', () => {
  it('encodes every finite half value back to its own bits, and every NaN to a NaN', () => {
    const wrong: number[] = [];
    for (let bits = 0; bits < 65536; bits++) {
      const value = Math.fround(decodeFloat16(bits));
      const back = float32ToFloat16Bits(value);
      if (isNaNHalf(bits) ? !isNaNHalf(back) : back !== bits) wrong.push(bits);
    }
    expect(wrong).toEqual([]);
  });

  it('rounds every midpoint between adjacent halves to the even one, and its neighbours to the nearer', () => {
    const wrong: string[] = [];
    for (let bits = 0; bits < 0x7bff; bits++) {
      const mid = (POSITIVE[bits]! + POSITIVE[bits + 1]!) / 2;
      expect(Math.fround(mid)).toBe(mid); // 12 significant bits: exact in float32
      const even = bits % 2 === 0 ? bits : bits + 1;
      for (const sign of [0, 0x8000]) {
        const s = sign ? -1 : 1;
        const cases: [number, number][] = [
          [mid, even],
          [down(mid), bits],
          [up(mid), bits + 1],
        ];
        for (const [value, expected] of cases)
          if (float32ToFloat16Bits(s * value) !== (sign | expected))
            wrong.push(`${s * value} → ${float32ToFloat16Bits(s * value).toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('rounds beyond the largest half to infinity as IEEE does, and keeps infinities', () => {
    expect(float32ToFloat16Bits(65504)).toBe(0x7bff);
    expect(float32ToFloat16Bits(down(65520))).toBe(0x7bff);
    expect(float32ToFloat16Bits(65520)).toBe(0x7c00); // the tie goes to the even 2^16: Inf
    expect(float32ToFloat16Bits(-65520)).toBe(0xfc00);
    expect(float32ToFloat16Bits(65536)).toBe(0x7c00);
    expect(float32ToFloat16Bits(3.4e38)).toBe(0x7c00);
    expect(float32ToFloat16Bits(1e300)).toBe(0x7c00);
    expect(float32ToFloat16Bits(Infinity)).toBe(0x7c00);
    expect(float32ToFloat16Bits(-Infinity)).toBe(0xfc00);
  });

  it('rounds below the smallest subnormal to zero or to it, keeping the sign', () => {
    const tiny = 2 ** -24;
    expect(float32ToFloat16Bits(tiny)).toBe(0x0001);
    expect(float32ToFloat16Bits(tiny / 2)).toBe(0x0000); // the tie goes to the even 0
    expect(float32ToFloat16Bits(up(tiny / 2))).toBe(0x0001);
    expect(float32ToFloat16Bits(-tiny / 2)).toBe(0x8000);
    expect(float32ToFloat16Bits(1e-30)).toBe(0x0000);
    expect(float32ToFloat16Bits(-1e-45)).toBe(0x8000);
    expect(float32ToFloat16Bits(0)).toBe(0x0000);
    expect(float32ToFloat16Bits(-0)).toBe(0x8000);
    // The largest subnormal rounds up into the smallest normal.
    expect(float32ToFloat16Bits(down(2 ** -14))).toBe(0x0400);
  });

  it('rounds to nearest rather than truncating (0.3 is 0x34cd, not 0x34cc)', () => {
    expect(float32ToFloat16Bits(0.3)).toBe(0x34cd);
    expect(float32ToFloat16Bits(Math.fround(0.3))).toBe(0x34cd);
    expect(float32ToFloat16Bits(-0.1)).toBe(0xae66);
    expect(float32ToFloat16Bits(1 / 3)).toBe(0x3555);
  });

  it('keeps NaN a NaN, with its sign and the top of its payload', () => {
    expect(float32ToFloat16Bits(Number.NaN) & 0x7e00).toBe(0x7e00);
    // Quiet NaNs (a JavaScript number may quieten a signalling one on the way in).
    expect(float32ToFloat16Bits(fromBits(0x7fd00000))).toBe(0x7e80);
    expect(float32ToFloat16Bits(fromBits(0xffc00001))).toBe(0xfe00);
  });

  it('rounds a number that is not a float32 by its own side of a midpoint', () => {
    const mid = (POSITIVE[0x3c00]! + POSITIVE[0x3c01]!) / 2; // between 1 and 1 + 2^-10
    expect(float32ToFloat16Bits(mid)).toBe(0x3c00);
    expect(float32ToFloat16Bits(mid + 2 ** -40)).toBe(0x3c01); // rounds to mid in float32
    expect(float32ToFloat16Bits(mid - 2 ** -40)).toBe(0x3c00);
    const odd = (POSITIVE[0x3c01]! + POSITIVE[0x3c02]!) / 2;
    expect(float32ToFloat16Bits(odd - 2 ** -40)).toBe(0x3c01);
    expect(float32ToFloat16Bits(65520 - 2 ** -30)).toBe(0x7bff);
  });

  it('agrees with the nearest-half oracle on 200,000 random float32 values', () => {
    const random = seeded(16);
    const wrong: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      // Exponents spread around float16's range, so every branch is reached.
      const exponent = 127 - 30 + Math.floor(random() * 50);
      const bits =
        (random() < 0.5 ? 0x80000000 : 0) | (exponent << 23) | Math.floor(random() * 0x800000);
      const value = fromBits(bits);
      const got = float32ToFloat16Bits(value);
      const want = nearestHalf(value);
      if (got !== want) wrong.push(`${value}: ${got.toString(16)} ≠ ${want.toString(16)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
