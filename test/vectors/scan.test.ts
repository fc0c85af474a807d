import { describe, expect, it } from 'vitest';
import { float16Table } from '../../src/vectors/float16.js';
import { IdSet } from '../../src/vectors/idset.js';
import { scanVectors, type ScanOptions } from '../../src/vectors/scan.js';
import { MAX_BUCKETS, QuantileSketch } from '../../src/vectors/sketch.js';
import type { VectorDType, VectorValues } from '../../src/vectors/types.js';
import { closeTo, memorySource, seeded } from './helpers.js';
import { halfToNumber, oracleScan } from './scan-oracle.js';

const f16 = new Float32Array(1);
const f16bits = new Uint32Array(f16.buffer);

/** float32 → nearest-below float16 bits (truncating), good enough to make test data. */
function toHalfBits(x: number): number {
  f16[0] = x;
  const b = f16bits[0]!;
  const sign = (b >>> 16) & 0x8000;
  const exp = ((b >>> 23) & 0xff) - 127 + 15;
  if (exp >= 0x1f) return sign | 0x7c00;
  if (exp <= 0) return sign;
  return sign | (exp << 10) | ((b >>> 13) & 0x3ff);
}

/** Random rows for `dtype` with NaN, ±Infinity, all-zero, tiny/huge and unit rows mixed in. */
function randomData(dtype: VectorDType, rows: number, dims: number, seed: number): VectorValues {
  const rnd = seeded(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const width = dtype === 'binary' ? Math.ceil(dims / 8) : dims;
  const n = rows * width;
  switch (dtype) {
    case 'int8':
    case 'uint8':
    case 'binary': {
      const v = dtype === 'int8' ? new Int8Array(n) : new Uint8Array(n);
      for (let i = 0; i < n; i++) v[i] = Math.floor(rnd() * 256) - (dtype === 'int8' ? 128 : 0);
      for (let r = 0; r < rows; r++) if (rnd() < 0.1) v.fill(0, r * width, (r + 1) * width);
      return v;
    }
    case 'float16': {
      const v = new Uint16Array(n);
      for (let r = 0; r < rows; r++) {
        const kind = rnd();
        for (let d = 0; d < dims; d++) {
          // Mostly ordinary values; some rows of arbitrary bit patterns (NaN, Inf, subnormal).
          v[r * dims + d] =
            kind < 0.15
              ? Math.floor(rnd() * 65536)
              : kind < 0.25
                ? rnd() < 0.5
                  ? 0x8000
                  : 0
                : toHalfBits(gauss());
        }
      }
      return v;
    }
    case 'float32':
    case 'float64': {
      const v = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
      for (let r = 0; r < rows; r++) {
        const kind = rnd();
        let s = 0;
        for (let d = 0; d < dims; d++) {
          const x = gauss();
          v[r * dims + d] = x;
          s += x * x;
        }
        const at = r * dims + Math.floor(rnd() * dims);
        if (kind < 0.05) v[at] = Number.NaN;
        else if (kind < 0.08) v[at] = rnd() < 0.5 ? Infinity : -Infinity;
        else if (kind < 0.15) v.fill(rnd() < 0.5 ? 0 : -0, r * dims, (r + 1) * dims);
        else if (kind < 0.4)
          for (let d = 0; d < dims; d++) v[r * dims + d] = v[r * dims + d]! / Math.sqrt(s);
        else if (kind < 0.45) v[at] = dtype === 'float32' ? 1e-45 : 5e-324;
        else if (kind < 0.5 && dtype === 'float64')
          for (let d = 0; d < dims; d++) v[r * dims + d] = v[r * dims + d]! * 1e190;
        else if (kind < 0.55 && dtype === 'float64')
          for (let d = 0; d < dims; d++) v[r * dims + d] = v[r * dims + d]! * 1e-170;
      }
      return v;
    }
  }
}

function randomIds(rows: number, seed: number): string[] {
  const rnd = seeded(seed);
  // About 3% duplicates.
  return Array.from({ length: rows }, (_, r) =>
    rnd() < 0.03 && r > 0 ? `id-${Math.floor(rnd() * r)}` : `id-${r}`,
  );
}

const DTYPES: VectorDType[] = ['float32', 'float16', 'float64', 'int8', 'uint8', 'binary'];

describe('scanVectors against the oracle', () => {
  for (const dtype of DTYPES) {
    for (const [dims, seed] of [
      [37, 1],
      [64, 2],
      [3, 3],
    ] as const) {
      it(`${dtype}, dims ${dims}`, async () => {
        const rows = 700;
        const values = randomData(dtype, rows, dims, seed * 100 + DTYPES.indexOf(dtype));
        const ids = seed === 3 ? undefined : randomIds(rows, seed);
        const opts: ScanOptions = { expectUnitNorm: true, normTolerance: 1e-3, collectIds: true };
        const expected = oracleScan(values, dtype, dims, rows, ids, opts);
        const got = await scanVectors(
          memorySource(values, dtype, dims, rows, ids, 1 + seed * 61),
          opts,
        );

        expect({ rows: got.rows, dims: got.dims, dtype: got.dtype }).toEqual({ rows, dims, dtype });
        expect(got.nonFinite).toEqual(expected.nonFinite);
        expect(got.zero).toEqual(expected.zero);
        if (dtype === 'float32' || dtype === 'float64')
          expect(got.nonFinite.rows).toBeGreaterThan(0);
        expect(got.zero.rows).toBeGreaterThan(0);

        const n = got.norms!;
        const e = expected.norms!;
        expect(n.kind).toBe(dtype === 'binary' ? 'popcount' : 'l2');
        expect(n.count).toBe(e.count);
        for (const k of ['min', 'max', 'mean'] as const)
          expect(closeTo(n[k], e[k], 1e-12), `${k}: ${n[k]} vs ${e[k]}`).toBe(true);
        for (const k of ['p1', 'p99'] as const)
          expect(closeTo(n[k], e[k], 1.0001e-4), `${k}: ${n[k]} vs ${e[k]}`).toBe(true);

        if (dtype === 'binary') {
          expect(got.unitNorm).toBeUndefined();
        } else {
          const u = got.unitNorm!;
          expect({ rows: u.rows, examples: u.examples }).toEqual({
            rows: expected.unitNorm!.rows,
            examples: expected.unitNorm!.examples,
          });
          expect(u.worst?.row).toBe(expected.unitNorm!.worst?.row);
          expect(closeTo(u.worst!.norm, expected.unitNorm!.worst!.norm, 1e-12)).toBe(true);
        }

        if (ids) {
          expect({
            unique: got.ids!.unique,
            duplicates: got.ids!.duplicates,
            duplicateExamples: got.ids!.duplicateExamples,
          }).toEqual(expected.ids);
          expect(got.ids!.duplicates).toBeGreaterThan(0);
          expect(new Set(got.ids!.set)).toEqual(new Set(ids));
          expect([...ids].every((id) => got.ids!.set!.has(id))).toBe(true);
          expect(got.ids!.set!.has('not-an-id')).toBe(false);
        } else {
          expect(got.ids).toBeUndefined();
        }
      });
    }
  }

  it('gives the same statistics whatever the batch size', async () => {
    const values = randomData('float32', 500, 16, 9);
    const ids = randomIds(500, 9);
    const one = await scanVectors(memorySource(values, 'float32', 16, 500, ids, 500));
    for (const batchRows of [1, 7, 128]) {
      expect(await scanVectors(memorySource(values, 'float32', 16, 500, ids, batchRows))).toEqual(
        one,
      );
    }
  });

  it('gives the same statistics with part of every batch on a worker thread', async () => {
    for (const dtype of DTYPES) {
      const rows = 3000;
      const dims = 37;
      const plain = randomData(dtype, rows, dims, 21);
      // Readers hand out SharedArrayBuffer-backed batches; only those go to the worker.
      const shared = new (plain.constructor as new (b: SharedArrayBuffer) => typeof plain)(
        new SharedArrayBuffer(plain.byteLength),
      );
      shared.set(plain as never);
      const ids = randomIds(rows, 21);
      const opts: ScanOptions = { expectUnitNorm: true, collectIds: true };
      const alone = await scanVectors(memorySource(plain, dtype, dims, rows, ids, 700), {
        ...opts,
        threads: 1,
      });
      const split = await scanVectors(memorySource(shared, dtype, dims, rows, ids, 700), {
        ...opts,
        threads: 2,
        parallelMinBytes: 0,
      });
      expect({ ...split, ids: { ...split.ids, set: undefined } }, dtype).toEqual({
        ...alone,
        ids: { ...alone.ids, set: undefined },
      });
      expect(new Set(split.ids!.set)).toEqual(new Set(alone.ids!.set));
    }
  });

  it('keeps at most maxExamples examples and no id set unless asked', async () => {
    const values = new Float32Array(20 * 4); // all zero
    const got = await scanVectors(memorySource(values, 'float32', 4, 20, undefined, 6), {
      maxExamples: 2,
    });
    expect(got.zero).toEqual({
      rows: 20,
      examples: [
        { row: 0, id: '0' },
        { row: 1, id: '1' },
      ],
    });
    expect(got.unitNorm).toBeUndefined();
    expect(got.norms).toMatchObject({ min: 0, max: 0, p1: 0, p99: 0 });
  });

  it('reports no norms for an empty source', async () => {
    const got = await scanVectors(memorySource(new Float32Array(0), 'float32', 4, 0, [], 10));
    expect(got.rows).toBe(0);
    expect(got.norms).toBeUndefined();
    expect(got.ids).toEqual({ unique: 0, duplicates: 0, duplicateExamples: [] });
  });
});

describe('IdSet', () => {
  it('agrees with Set through growth, on ids that share prefixes and hash buckets', () => {
    const rnd = seeded(11);
    const ids = new IdSet(4);
    const reference = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const id = rnd() < 0.2 ? `x${Math.floor(rnd() * 5000)}` : `doc-${Math.floor(rnd() * 1e9)}-é`;
      expect(ids.add(id)).toBe(!reference.has(id));
      reference.add(id);
    }
    expect(ids.size).toBe(reference.size);
    expect(new Set(ids)).toEqual(reference);
    expect([...ids.entries()].every(([a, b]) => a === b && reference.has(a))).toBe(true);
    let n = 0;
    ids.forEach(() => n++);
    expect(n).toBe(reference.size);
    expect(ids.has('x-none')).toBe(false);
  });

  it('agrees with Set when fed raw UTF-8 batches with repeats inside a batch', () => {
    const rnd = seeded(12);
    const ids = new IdSet(8);
    const reference = new Set<string>();
    const encoder = new TextEncoder();
    for (let b = 0; b < 200; b++) {
      const batch = Array.from(
        { length: 1 + Math.floor(rnd() * 300) },
        () => `é${Math.floor(rnd() * 20_000)}`,
      );
      const parts = batch.map((id) => encoder.encode(id));
      // Offsets that do not start at 0, as in a slice of an Arrow column.
      const offsets = new Int32Array(batch.length + 1);
      offsets[0] = 7;
      parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
      const data = new Uint8Array(offsets[batch.length]! - 7);
      parts.forEach((p, i) => data.set(p, offsets[i]! - 7));
      const repeated: number[] = [];
      ids.addBatch(offsets, data, batch.length, (r) => repeated.push(r));
      const expected: number[] = [];
      batch.forEach((id, r) => (reference.has(id) ? expected.push(r) : reference.add(id)));
      expect(repeated).toEqual(expected);
    }
    expect(ids.size).toBe(reference.size);
    expect(new Set(ids)).toEqual(reference);
  });
});

describe('float16 table', () => {
  it('matches an independent decoder on all 65,536 bit patterns', () => {
    const table = float16Table();
    let mismatches = 0;
    for (let h = 0; h < 65536; h++) if (!Object.is(table[h], halfToNumber(h))) mismatches++;
    expect(mismatches).toBe(0);
    expect([table[0x3c00], table[0x7bff], table[0x0001], table[0xfc00], table[0x8000]]).toEqual([
      1,
      65504,
      2 ** -24,
      -Infinity,
      -0,
    ]);
  });
});

describe('QuantileSketch', () => {
  const exactLower = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;

  it('is within its relative accuracy of the exact lower percentile', () => {
    const rnd = seeded(5);
    for (const spread of [0.01, 1, 20]) {
      const xs = Array.from({ length: 20_000 }, () => Math.exp(spread * (rnd() - 0.5)) * 3);
      xs.push(0, 0);
      const sketch = new QuantileSketch();
      for (const x of xs) sketch.add(x);
      const sorted = [...xs].sort((a, b) => a - b);
      for (const q of [0, 0.001, 0.01, 0.25, 0.5, 0.99, 0.999, 1]) {
        const got = sketch.quantile(q);
        expect(
          closeTo(got, exactLower(sorted, q), 1.0001e-4),
          `spread ${spread} q ${q}: ${got} vs ${exactLower(sorted, q)}`,
        ).toBe(true);
      }
    }
  });

  it('stays exact to its accuracy for every quantile when values span the whole double range', () => {
    const sketch = new QuantileSketch();
    const xs: number[] = [];
    const rnd = seeded(8);
    // Far wider than the dense window (e^210): the extremes land in the outlier map.
    for (let i = 0; i < 3000; i++) xs.push(Math.exp((rnd() - 0.5) * 1400));
    xs.push(Number.MIN_VALUE, Number.MAX_VALUE);
    for (const x of xs) sketch.add(x);
    const sorted = [...xs].sort((a, b) => a - b);
    expect(Math.log(1e300 / 1e-300) / Math.log((1 + 1e-4) / (1 - 1e-4))).toBeGreaterThan(
      MAX_BUCKETS,
    );
    for (const q of [0, 0.01, 0.1, 0.5, 0.9, 0.99, 1]) {
      expect(closeTo(sketch.quantile(q), exactLower(sorted, q), 1.0001e-4), `q ${q}`).toBe(true);
    }
  });

  it('rejects negative and non-finite values', () => {
    const s = new QuantileSketch();
    expect(() => s.add(-1)).toThrow(RangeError);
    expect(() => s.add(Number.NaN)).toThrow(RangeError);
    expect(() => s.add(Infinity)).toThrow(RangeError);
    expect(Number.isNaN(s.quantile(0.5))).toBe(true);
  });
});
