/**
 * The hot loops of the scan, one per element type, all in this file so the bench measures
 * exactly what runs. Each computes one number per row — the sum of squares (popcount for
 * packed bits) accumulated in float64 — and leaves every per-row decision to scan.ts.
 *
 * Why one number is enough for the fast path: a sum of squares is NaN or ±Infinity when
 * the row holds a NaN or an infinity, and 0 exactly when every element is ±0. For float16,
 * float32 and the integer types a float64 sum can neither overflow nor underflow
 * (float32 max² ≈ 1.2e77, smallest subnormal² ≈ 2e-90), so those tests are exact. Only
 * float64 rows can overflow to Infinity or underflow to 0 with finite non-zero values;
 * scan.ts sends such rows to the exact per-row helpers at the end of this file.
 *
 * Eight accumulators break the dependency chain of the additions: on this machine 8 ran
 * ~1.2× faster than 4 and ~1.4× faster than 2 (bench/vectors.ts measures the whole scan).
 */
import { float16Table } from './float16.js';
import { wasmMemoryOf } from './buffers.js';
import { rowKernel } from './scan-simd.js';
import type { VectorDType, VectorValues } from './types.js';

/** Rows at least this wide go to the SIMD kernel: narrower, the call per row costs more. */
export const SIMD_MIN_DIMS = 96;

/**
 * Writes each row's sum of squares (binary: set bits among the first `dims`) into `out`.
 * float32 rows in a read buffer (WebAssembly memory) go to the bit-identical SIMD kernel
 * of scan-simd.ts, ≈2.5× faster at 768 dims.
 */
export function rowSquareSums(
  values: VectorValues,
  dtype: VectorDType,
  dims: number,
  rows: number,
  out: Float64Array,
): void {
  if (dtype === 'float32' && dims >= SIMD_MIN_DIMS) {
    const memory = wasmMemoryOf(values.buffer);
    const row = memory && rowKernel(memory);
    if (row) {
      for (let r = 0, at = values.byteOffset; r < rows; r++, at += dims * 4) out[r] = row(at, dims);
      return;
    }
  }
  squareSumsWith(
    values,
    dtype,
    dims,
    rows,
    out,
    dtype === 'float16' ? float16Table() : undefined,
    dtype === 'binary' ? bitsSet() : undefined,
  );
}

/**
 * The dispatch, with its lookup tables passed in rather than taken from module state, so
 * this function and the loops below are self-contained: {@link kernelSource} ships their
 * source text to the scan's worker thread, which thereby runs exactly this code.
 */
function squareSumsWith(
  values: VectorValues,
  dtype: VectorDType,
  dims: number,
  rows: number,
  out: Float64Array,
  halfTable: Float32Array | undefined,
  popTable: Uint8Array | undefined,
): void {
  switch (dtype) {
    case 'float32':
      return sumSquaresF32(values as Float32Array, dims, rows, out);
    case 'float64':
      return sumSquaresF64(values as Float64Array, dims, rows, out);
    case 'float16':
      return sumSquaresF16(values as Uint16Array, dims, rows, out, halfTable!);
    case 'int8':
      return sumSquaresI8(values as Int8Array, dims, rows, out);
    case 'uint8':
      return sumSquaresU8(values as Uint8Array, dims, rows, out);
    case 'binary':
      return popcountRows(values as Uint8Array, dims, rows, out, popTable!);
  }
}

/**
 * JavaScript source defining `squareSumsWith` and the loops it calls, taken from the
 * functions above (whatever names a bundler gave them, consistently), plus the name under
 * which `squareSumsWith` is defined there.
 */
export function kernelSource(): { source: string; entry: string } {
  const parts = [
    squareSumsWith,
    sumSquaresF32,
    sumSquaresF64,
    sumSquaresF16,
    sumSquaresI8,
    sumSquaresU8,
    popcountRows,
  ];
  return { source: parts.map((f) => f.toString()).join('\n'), entry: squareSumsWith.name };
}

/** The lookup tables the kernels take, for a worker that has no module state. */
export function kernelTables(): { halfTable: Float32Array; popTable: Uint8Array } {
  return { halfTable: float16Table(), popTable: bitsSet() };
}

function sumSquaresF32(v: Float32Array, dims: number, rows: number, out: Float64Array): void {
  const tail = dims & 7;
  for (let r = 0, p = 0; r < rows; r++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const end8 = p + dims - tail;
    for (; p < end8; p += 8) {
      const a = v[p]!;
      const b = v[p + 1]!;
      const c = v[p + 2]!;
      const d = v[p + 3]!;
      const e = v[p + 4]!;
      const f = v[p + 5]!;
      const g = v[p + 6]!;
      const h = v[p + 7]!;
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += d * d;
      s4 += e * e;
      s5 += f * f;
      s6 += g * g;
      s7 += h * h;
    }
    for (let t = 0; t < tail; t++, p++) {
      const a = v[p]!;
      s0 += a * a;
    }
    out[r] = s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
  }
}

function sumSquaresF64(v: Float64Array, dims: number, rows: number, out: Float64Array): void {
  const tail = dims & 7;
  for (let r = 0, p = 0; r < rows; r++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const end8 = p + dims - tail;
    for (; p < end8; p += 8) {
      const a = v[p]!;
      const b = v[p + 1]!;
      const c = v[p + 2]!;
      const d = v[p + 3]!;
      const e = v[p + 4]!;
      const f = v[p + 5]!;
      const g = v[p + 6]!;
      const h = v[p + 7]!;
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += d * d;
      s4 += e * e;
      s5 += f * f;
      s6 += g * g;
      s7 += h * h;
    }
    for (let t = 0; t < tail; t++, p++) {
      const a = v[p]!;
      s0 += a * a;
    }
    out[r] = s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
  }
}

function sumSquaresF16(
  v: Uint16Array,
  dims: number,
  rows: number,
  out: Float64Array,
  table: Float32Array,
): void {
  const tail = dims & 7;
  for (let r = 0, p = 0; r < rows; r++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const end8 = p + dims - tail;
    for (; p < end8; p += 8) {
      const a = table[v[p]!]!;
      const b = table[v[p + 1]!]!;
      const c = table[v[p + 2]!]!;
      const d = table[v[p + 3]!]!;
      const e = table[v[p + 4]!]!;
      const f = table[v[p + 5]!]!;
      const g = table[v[p + 6]!]!;
      const h = table[v[p + 7]!]!;
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += d * d;
      s4 += e * e;
      s5 += f * f;
      s6 += g * g;
      s7 += h * h;
    }
    for (let t = 0; t < tail; t++, p++) {
      const a = table[v[p]!]!;
      s0 += a * a;
    }
    out[r] = s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7));
  }
}

function sumSquaresI8(v: Int8Array, dims: number, rows: number, out: Float64Array): void {
  // Integer squares sum exactly in float64 until 2^53, far beyond 127² × any real dims.
  for (let r = 0, p = 0; r < rows; r++) {
    let s = 0;
    const end = p + dims;
    for (; p < end; p++) {
      const a = v[p]!;
      s += a * a;
    }
    out[r] = s;
  }
}

function sumSquaresU8(v: Uint8Array, dims: number, rows: number, out: Float64Array): void {
  for (let r = 0, p = 0; r < rows; r++) {
    let s = 0;
    const end = p + dims;
    for (; p < end; p++) {
      const a = v[p]!;
      s += a * a;
    }
    out[r] = s;
  }
}

let popcountTable: Uint8Array | undefined;

function bitsSet(): Uint8Array {
  if (!popcountTable) {
    const t = new Uint8Array(256);
    for (let b = 1; b < 256; b++) t[b] = (b & 1) + t[b >> 1]!;
    popcountTable = t;
  }
  return popcountTable;
}

function popcountRows(
  bytes: Uint8Array,
  dims: number,
  rows: number,
  out: Float64Array,
  table: Uint8Array,
): void {
  const rowBytes = (dims + 7) >> 3;
  const full = dims >> 3;
  // Bits past `dims` in the last byte are padding (numpy.packbits order: first bit is the
  // most significant), so they are masked off rather than counted.
  const lastMask = dims & 7 ? (0xff << (8 - (dims & 7))) & 0xff : 0;
  for (let r = 0; r < rows; r++) {
    const start = r * rowBytes;
    const end = start + full;
    let s = 0;
    for (let p = start; p < end; p++) s += table[bytes[p]!]!;
    if (lastMask) s += table[bytes[end]! & lastMask]!;
    out[r] = s;
  }
}

/** Values of one row as numbers (float16 decoded); for the rare exact per-row paths. */
function rowValue(values: VectorValues, dtype: VectorDType, index: number): number {
  const raw = values[index]!;
  return dtype === 'float16' ? float16Table()[raw]! : raw;
}

/** Count of NaN and ±Infinity values in row `row` (0-based within the batch). */
export function rowNonFiniteCount(
  values: VectorValues,
  dtype: VectorDType,
  dims: number,
  row: number,
): number {
  if (dtype === 'binary' || dtype === 'int8' || dtype === 'uint8') return 0;
  let n = 0;
  for (let p = row * dims, end = p + dims; p < end; p++) {
    if (!Number.isFinite(rowValue(values, dtype, p))) n++;
  }
  return n;
}

/**
 * L2 norm of a row of finite values, scaled by its largest magnitude first, so float64 rows
 * whose squares overflow or underflow still get an accurate norm. 0 for an all-zero row.
 */
export function rowScaledNorm(
  values: VectorValues,
  dtype: VectorDType,
  dims: number,
  row: number,
): number {
  const start = row * dims;
  let max = 0;
  for (let p = start; p < start + dims; p++)
    max = Math.max(max, Math.abs(rowValue(values, dtype, p)));
  if (max === 0) return 0;
  let s = 0;
  for (let p = start; p < start + dims; p++) {
    const x = rowValue(values, dtype, p) / max;
    s += x * x;
  }
  return max * Math.sqrt(s);
}
