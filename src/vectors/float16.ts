/**
 * IEEE 754 binary16 decoding and encoding. Readers carry float16 as raw bit patterns; the
 * kernels turn them into numbers through one 65,536-entry table (256 KB), which is far
 * cheaper per element than bit arithmetic and exact, since every half value is a float32
 * value. Encoding rounds to nearest, ties to even, as IEEE 754 and numpy's astype do.
 */

let table: Float32Array | undefined;

/** The value of every float16 bit pattern, indexed by the pattern. Built on first use. */
export function float16Table(): Float32Array {
  if (!table) {
    const t = new Float32Array(65536);
    for (let bits = 0; bits < 65536; bits++) t[bits] = decodeFloat16(bits);
    table = t;
  }
  return table;
}

/** Decodes one float16 bit pattern by its definition (sign, 5-bit exponent, 10-bit fraction). */
export function decodeFloat16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : Number.NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * The float16 bit pattern nearest to `value`, ties to even (IEEE 754 roundTiesToEven):
 * subnormal halves where the value is that small, ±0 below half the smallest one, ±Infinity
 * from 65,520 up (the midpoint between the largest half, 65,504, and 2^16). NaN stays NaN,
 * keeping its sign and the top 10 bits of its payload (the quiet bit when those are zero).
 *
 * The value is first rounded to float32 (exact for what the readers pass, float32 values
 * widened from float16), then to float16. That double rounding can only go wrong when the float32
 * lands exactly on a midpoint between two halves that `value` itself was not on; then the
 * side `value` lies on decides, so the result is correctly rounded for any number.
 */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? mantissa >>> 13 || 0x200 : 0);
  const e = exponent - 127 + 15; // the biased float16 exponent
  if (e >= 0x1f) return sign | 0x7c00;
  if (e < -10) return sign; // below half the smallest subnormal (2^-25)
  // The significand (implicit bit included) and how many of its low bits are dropped: 13
  // for a normal half; more for a subnormal, whose exponent is fixed at 2^-14.
  const significand = e > 0 ? mantissa : mantissa | 0x800000;
  const shift = e > 0 ? 13 : 14 - e;
  const kept = significand >>> shift;
  const rest = significand & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  let up: boolean;
  if (rest !== half) up = rest > half;
  else if (value !== f32[0]) up = Math.abs(value) > Math.abs(f32[0]!);
  else up = (kept & 1) === 1;
  // A carry out of the fraction moves to the next exponent (and from 0x7bff to infinity),
  // which is exactly the next half up.
  return sign | ((e > 0 ? (e << 10) | kept : kept) + (up ? 1 : 0));
}
