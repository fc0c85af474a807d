/**
 * Every merge of a sharded run is exact, associative and order-independent: the exact sum,
 * the norm sketch, the scan statistics (ranges and interleaved blocks, any batch size) and
 * the top-k lists. The single pass is the oracle each time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeScanStats, scanSlice, type ScanPartial } from '../../src/gate/shard-scan.js';
import { byRank, type KnnHit } from '../../src/retrieval/knn-select.js';
import { mergeTopK } from '../../src/retrieval/topk-merge.js';
import { ExactSum } from '../../src/vectors/exact-sum.js';
import { rowSlice } from '../../src/vectors/row-slice.js';
import { scanVectors } from '../../src/vectors/scan.js';
import { QuantileSketch } from '../../src/vectors/sketch.js';
import { memorySource } from '../vectors/helpers.js';

/** Cuts `items` into `parts` consecutive pieces at the given fractions. */
function cut<T>(items: readonly T[], fractions: readonly number[]): T[][] {
  const points = [...new Set(fractions.map((f) => Math.floor(f * items.length)))].sort(
    (a, b) => a - b,
  );
  const out: T[][] = [];
  let from = 0;
  for (const p of [...points, items.length]) {
    out.push(items.slice(from, p));
    from = p;
  }
  return out;
}

const doubles = fc.array(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
  {
    maxLength: 60,
  },
);
const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

describe('ExactSum', () => {
  it('is the correctly rounded sum, whatever the grouping and order', () => {
    expect(ExactSum.of([1e100, 1, -1e100]).value()).toBe(1);
    expect(ExactSum.of(Array<number>(10).fill(0.1)).value()).toBe(1);
    fc.assert(
      fc.property(doubles, fractions, fc.integer(), (xs, fs, seed) => {
        const whole = ExactSum.of(xs).value();
        const parts = cut(xs, fs).map((p) => ExactSum.of(p));
        const rotated = [
          ...parts.slice(seed % (parts.length || 1)),
          ...parts.slice(0, seed % (parts.length || 1)),
        ];
        const merged = new ExactSum();
        for (const p of rotated) merged.merge(p);
        expect(merged.value()).toBe(whole);
        expect(ExactSum.of(merged.terms()).value()).toBe(whole);
      }),
    );
  });

  it('merges associatively', () => {
    fc.assert(
      fc.property(doubles, doubles, doubles, (a, b, c) => {
        const left = ExactSum.of(a);
        left.merge(ExactSum.of(b));
        left.merge(ExactSum.of(c));
        const bc = ExactSum.of(b);
        bc.merge(ExactSum.of(c));
        const right = ExactSum.of(a);
        right.merge(bc);
        expect(left.value()).toBe(right.value());
      }),
    );
  });
});

describe('QuantileSketch.merge', () => {
  const norms = fc.array(
    fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })),
    { maxLength: 200 },
  );
  it('gives the state and quantiles of one sketch fed everything, in any order and grouping', () => {
    fc.assert(
      fc.property(norms, fractions, fc.boolean(), (xs, fs, reverse) => {
        const one = new QuantileSketch();
        for (const x of xs) one.add(x);
        const parts = cut(xs, fs).map((p) => {
          const s = new QuantileSketch();
          for (const x of p) s.add(x);
          return s.state();
        });
        const merged = new QuantileSketch();
        for (const p of reverse ? parts.reverse() : parts) merged.merge(p);
        expect(merged.state()).toEqual(one.state());
        if (xs.length > 0)
          for (const q of [0, 0.01, 0.5, 0.99, 1]) expect(merged.quantile(q)).toBe(one.quantile(q));
      }),
    );
  });
});

/** A random in-memory file: rows with NaN, Inf, zero and off-norm rows, ids with repeats. */
const files = fc
  .record({
    rows: fc.integer({ min: 0, max: 90 }),
    dims: fc.integer({ min: 1, max: 9 }),
    withIds: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1 << 30 }),
    batchRows: fc.integer({ min: 1, max: 40 }),
    shards: fc.integer({ min: 1, max: 8 }),
    blockRows: fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }),
  })
  .map((f) => {
    let s = f.seed;
    const random = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const values = new Float32Array(f.rows * f.dims);
    for (let i = 0; i < values.length; i++) {
      const r = random();
      values[i] = r < 0.03 ? Number.NaN : r < 0.05 ? Infinity : r < 0.2 ? 0 : random() * 2 - 1;
    }
    for (let r = 0; r < f.rows; r++)
      if (random() < 0.1) values.fill(0, r * f.dims, (r + 1) * f.dims);
    const ids = f.withIds
      ? Array.from({ length: f.rows }, () => `id${Math.floor(random() * f.rows * 0.8)}`)
      : undefined;
    return { ...f, values, ids };
  });

describe('mergeScanStats', () => {
  it('equals one scan of the whole file, for any shards, slices and batches, merged in any order', async () => {
    await fc.assert(
      fc.asyncProperty(files, fc.boolean(), async (f, reverse) => {
        const open = () => memorySource(f.values, 'float32', f.dims, f.rows, f.ids, f.batchRows);
        const opts = { expectUnitNorm: true, normTolerance: 1e-3, collectIds: true };
        const whole = await scanVectors(open(), { ...opts, maxExamples: 5 });
        const parts: ScanPartial[] = [];
        for (let i = 1; i <= f.shards; i++) {
          // A header without a row count gives interleaved blocks; with one, ranges.
          const slice = rowSlice(
            { index: i, count: f.shards },
            f.blockRows ? undefined : f.rows,
            f.blockRows,
          );
          parts.push(await scanSlice(open(), slice, { ...opts, displayPath: 'memory' }, 0));
        }
        const merged = mergeScanStats(reverse ? parts.reverse() : parts);
        const { ids: wholeIds, ...wholeRest } = whole;
        const { ids: mergedIds, ...mergedRest } = merged;
        expect(mergedRest).toEqual(wholeRest);
        if (wholeIds) {
          const { set: ws, ...wi } = wholeIds;
          const { set: ms, ...mi } = mergedIds!;
          expect(mi).toEqual(wi);
          expect(new Set(ms)).toEqual(new Set(ws));
        } else expect(mergedIds).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });
});

describe('mergeTopK', () => {
  const hits = fc.array(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      score: fc.constantFrom(0.5, 0.25, 1, -1, 0.125),
    }),
    { maxLength: 40 },
  );
  it("of slices equals the top k of the whole corpus, with knn's tie order, in any order and grouping", () => {
    fc.assert(
      fc.property(
        hits,
        fractions,
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (hs, fs, k, rev) => {
          const corpus: KnnHit[] = hs.map((h, row) => ({ ...h, row }));
          const oracle = [...corpus].sort(byRank).slice(0, k);
          const slices = cut(corpus, fs).map((s) => [...s].sort(byRank).slice(0, k));
          expect(mergeTopK(rev ? slices.reverse() : slices, k)).toEqual(oracle);
          // Associative: merging a merge is the same as merging everything at once.
          if (slices.length >= 3) {
            const left = mergeTopK([mergeTopK(slices.slice(0, 2), k), ...slices.slice(2)], k);
            const right = mergeTopK([slices[0]!, mergeTopK(slices.slice(1), k)], k);
            expect(left).toEqual(oracle);
            expect(right).toEqual(oracle);
          }
        },
      ),
    );
  });
});
