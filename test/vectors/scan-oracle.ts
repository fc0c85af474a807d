/**
 * The slow-but-obvious scan: the test oracle for src/vectors/scan.ts. Decodes every value
 * on its own (float16 by rebuilding float32 bits, not through the kernels' table), takes
 * norms with Math.hypot and percentiles by sorting.
 */
import type { ScanOptions } from '../../src/vectors/scan.js';
import type { VectorDType, VectorValues } from '../../src/vectors/types.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float16 bits → number, by building the equal float32 bit pattern. */
export function halfToNumber(h: number): number {
  const sign = (h & 0x8000) << 16;
  let exp = (h >> 10) & 0x1f;
  let frac = h & 0x3ff;
  if (exp === 0x1f) {
    u32[0] = sign | 0x7f800000 | (frac << 13);
  } else if (exp === 0) {
    if (frac === 0) {
      u32[0] = sign;
    } else {
      // Subnormal half: shift until the leading 1 reaches the implicit position.
      exp = 1;
      while ((frac & 0x400) === 0) {
        frac <<= 1;
        exp--;
      }
      u32[0] = sign | ((exp - 15 + 127) << 23) | ((frac & 0x3ff) << 13);
    }
  } else {
    u32[0] = sign | ((exp - 15 + 127) << 23) | (frac << 13);
  }
  return f32[0]!;
}

/** The decoded values of row r. */
export function rowValues(
  values: VectorValues,
  dtype: VectorDType,
  dims: number,
  r: number,
): number[] {
  if (dtype === 'binary') {
    const rowBytes = Math.ceil(dims / 8);
    const out: number[] = [];
    for (let d = 0; d < dims; d++)
      out.push((values[r * rowBytes + (d >> 3)]! >> (7 - (d & 7))) & 1);
    return out;
  }
  const out: number[] = [];
  for (let d = 0; d < dims; d++) {
    const raw = values[r * dims + d]!;
    out.push(dtype === 'float16' ? halfToNumber(raw) : raw);
  }
  return out;
}

export function oracleScan(
  values: VectorValues,
  dtype: VectorDType,
  dims: number,
  rows: number,
  ids: readonly string[] | undefined,
  opts: ScanOptions = {},
) {
  const max = opts.maxExamples ?? 5;
  const tolerance = opts.normTolerance ?? 1e-3;
  const ref = (r: number) => ({ row: r, id: ids ? ids[r]! : String(r) });
  const nonFinite: number[] = [];
  let nonFiniteValues = 0;
  const zero: number[] = [];
  const norms: number[] = [];
  const offUnit: number[] = [];
  let worst: { row: number; id: string; norm: number; deviation: number } | undefined;
  for (let r = 0; r < rows; r++) {
    const xs = rowValues(values, dtype, dims, r);
    const bad = xs.filter((x) => !Number.isFinite(x)).length;
    if (bad > 0) {
      nonFinite.push(r);
      nonFiniteValues += bad;
      continue;
    }
    const norm = dtype === 'binary' ? xs.reduce((a, b) => a + b, 0) : Math.hypot(...xs);
    if (xs.every((x) => x === 0)) zero.push(r);
    norms.push(norm);
    if (opts.expectUnitNorm && dtype !== 'binary') {
      const deviation = Math.abs(norm - 1);
      if (deviation > tolerance) offUnit.push(r);
      if (!worst || deviation > worst.deviation) worst = { ...ref(r), norm, deviation };
    }
  }
  const sorted = [...norms].sort((a, b) => a - b);
  const lower = (q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;
  const seen = new Set<string>();
  let duplicates = 0;
  const duplicateExamples: { row: number; id: string }[] = [];
  if (ids) {
    ids.forEach((id, r) => {
      if (seen.has(id)) {
        duplicates++;
        if (duplicateExamples.length < max && !duplicateExamples.some((e) => e.id === id))
          duplicateExamples.push({ row: r, id });
      }
      seen.add(id);
    });
  }
  return {
    rows,
    dims,
    dtype,
    nonFinite: {
      rows: nonFinite.length,
      values: nonFiniteValues,
      examples: nonFinite.slice(0, max).map(ref),
    },
    zero: { rows: zero.length, examples: zero.slice(0, max).map(ref) },
    norms:
      norms.length === 0
        ? undefined
        : {
            count: norms.length,
            min: sorted[0]!,
            max: sorted[sorted.length - 1]!,
            mean: norms.reduce((a, b) => a + b, 0) / norms.length,
            p1: lower(0.01),
            p99: lower(0.99),
          },
    unitNorm:
      opts.expectUnitNorm && dtype !== 'binary'
        ? { tolerance, rows: offUnit.length, examples: offUnit.slice(0, max).map(ref), worst }
        : undefined,
    ids: ids ? { unique: seen.size, duplicates, duplicateExamples } : undefined,
  };
}
