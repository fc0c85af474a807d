#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);

// src/vectors/float16.ts
var table;
function float16Table() {
  if (!table) {
    const t = new Float32Array(65536);
    for (let bits = 0; bits < 65536; bits++) t[bits] = decodeFloat16(bits);
    table = t;
  }
  return table;
}
function decodeFloat16(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const exponent = bits >> 10 & 31;
  const fraction = bits & 1023;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : Number.NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
function float32ToFloat16Bits(value) {
  f32[0] = value;
  const x = u32[0];
  const sign = x >>> 16 & 32768;
  const exponent = x >>> 23 & 255;
  const mantissa = x & 8388607;
  if (exponent === 255) return sign | 31744 | (mantissa ? mantissa >>> 13 || 512 : 0);
  const e = exponent - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e < -10) return sign;
  const significand = e > 0 ? mantissa : mantissa | 8388608;
  const shift = e > 0 ? 13 : 14 - e;
  const kept = significand >>> shift;
  const rest = significand & (1 << shift) - 1;
  const half = 1 << shift - 1;
  let up;
  if (rest !== half) up = rest > half;
  else if (value !== f32[0]) up = Math.abs(value) > Math.abs(f32[0]);
  else up = (kept & 1) === 1;
  return sign | (e > 0 ? e << 10 | kept : kept) + (up ? 1 : 0);
}

export {
  float16Table,
  decodeFloat16,
  float32ToFloat16Bits
};
