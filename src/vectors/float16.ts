/**
 * IEEE 754 binary16 decoding. Readers carry float16 as raw bit patterns; the kernels turn
 * them into numbers through one 65,536-entry table (256 KB), which is far cheaper per
 * element than bit arithmetic and exact, since every half value is a float32 value.
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
