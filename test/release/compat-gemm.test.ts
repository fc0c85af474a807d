import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  measureCompatibility,
  measureCompatibilityGemm,
  type CompatibilityMeasures,
  type SampleMatrix,
} from '../../src/release/compat-measures.js';
import type { Metric } from '../../src/config/manifest.js';
import { loadOrt } from '../../src/onnx/session.js';
import { dotErrorBound, openGemm } from '../../src/retrieval/knn-gemm.js';
import { addNoise, clusteredSpace } from './synthetic.js';

/** Everything but CKA must be equal to the bit; CKA reads float32 Gram matrices. */
function expectSame(fast: CompatibilityMeasures, slow: CompatibilityMeasures): void {
  const { cka, ckaDebiased, ...rest } = fast;
  const { cka: slowCka, ckaDebiased: slowDebiased, ...slowRest } = slow;
  expect(rest).toEqual(slowRest);
  if (Number.isNaN(slowCka)) expect(cka).toBeNaN();
  else expect(Math.abs(cka - slowCka)).toBeLessThan(1e-5);
  if (Number.isNaN(slowDebiased)) expect(ckaDebiased).toBeNaN();
  else expect(Math.abs(ckaDebiased - slowDebiased)).toBeLessThan(1e-4);
}

/**
 * Rows made to tie or nearly tie: copies of a few base vectors, exact (duplicates, ×2,
 * negated, integer-valued), or a float32 step apart, or with coordinates rotated (the same
 * dot products summed in another order). A float32 screen without its bound gets these wrong.
 */
const adversarial = fc
  .record({
    dims: fc.integer({ min: 2, max: 40 }),
    bases: fc.integer({ min: 1, max: 5 }),
    integer: fc.boolean(),
    rows: fc.array(
      fc.record({
        base: fc.nat(),
        kind: fc.constantFrom('copy', 'double', 'negate', 'ulp', 'rotate', 'zero', 'noise'),
        noise: fc.double({ min: -1, max: 1, noNaN: true }),
      }),
      { minLength: 4, maxLength: 36 },
    ),
    metric: fc.constantFrom<Metric>('cosine', 'dot', 'l2'),
    k: fc.integer({ min: 1, max: 6 }),
    seed: fc.nat(),
  })
  .map(({ dims, bases, integer, rows, metric, k, seed }) => {
    let s = seed + 1;
    const next = (): number => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648 - 0.5;
    };
    const base = Array.from({ length: bases }, () =>
      Float32Array.from({ length: dims }, () => (integer ? Math.round(next() * 8) : next())),
    );
    const make = (): Float32Array => {
      const out = new Float32Array(rows.length * dims);
      rows.forEach((r, i) => {
        const v = base[r.base % bases] as Float32Array;
        for (let t = 0; t < dims; t++) {
          const x = v[t] as number;
          const rotated = v[(t + 1) % dims] as number;
          out[i * dims + t] =
            r.kind === 'copy'
              ? x
              : r.kind === 'double'
                ? 2 * x
                : r.kind === 'negate'
                  ? -x
                  : r.kind === 'ulp'
                    ? x * (1 + (t === 0 ? 2 ** -23 : 0))
                    : r.kind === 'rotate'
                      ? rotated
                      : r.kind === 'zero'
                        ? 0
                        : x + r.noise * 1e-3;
        }
      });
      return out;
    };
    const a = make();
    // The new version: the same rows, some nudged by a float32 step.
    const b = Float32Array.from(a, (x, i) => (i % 3 === 0 ? Math.fround(x * (1 + 2 ** -22)) : x));
    const m = (values: Float32Array): SampleMatrix => ({
      values,
      rows: rows.length,
      dims,
      metric,
    });
    return { a: m(a), b: m(b), k };
  });

describe('compatibility measures on the GEMM path', () => {
  it('equal the float64 path exactly on adversarial ties and near-ties', async () => {
    const ort = await loadOrt();
    await fc.assert(
      fc.asyncProperty(adversarial, async ({ a, b, k }) => {
        expectSame(
          await measureCompatibilityGemm(a, b, k, { threads: 1, ort }),
          measureCompatibility(a, b, k),
        );
      }),
      { numRuns: 150, seed: 15 },
    );
  });

  it.each(['cosine', 'dot', 'l2'] as const)(
    'equal the float64 path on a clustered space with unequal dims too (%s)',
    async (metric) => {
      const n = 300;
      const a = clusteredSpace(n, 48, 1, 12, 0.6).map((x, i) => x * (1 + (i % 5) * 0.2));
      const b = addNoise(a, 48, 0.3, 2);
      const m = (values: Float32Array, dims: number): SampleMatrix => ({
        values,
        rows: n,
        dims,
        metric,
      });
      expectSame(
        await measureCompatibilityGemm(m(a, 48), m(b, 48), 10, { threads: 1 }),
        measureCompatibility(m(a, 48), m(b, 48), 10),
      );
      const c = clusteredSpace(n, 20, 3, 12, 0.6);
      expectSame(
        await measureCompatibilityGemm(m(a, 48), m(c, 20), 10, { threads: 1 }),
        measureCompatibility(m(a, 48), m(c, 20), 10),
      );
    },
  );

  /** Rows built from a few patterns: `rows[i]` picks base vector rows[i] (−1: a zero row). */
  const patterned = (pattern: number[], dims: number, metric: Metric, seed = 1): SampleMatrix => {
    const base = clusteredSpace(4, dims, seed, 2, 0.5);
    const values = new Float32Array(pattern.length * dims);
    pattern.forEach((p, i) => {
      if (p >= 0) values.set(base.subarray(p * dims, (p + 1) * dims), i * dims);
    });
    return { values, rows: pattern.length, dims, metric };
  };

  it.each(['cosine', 'dot', 'l2'] as const)(
    'equal the float64 path on the edge cases: one or two rows, k ≥ rows, k = 0, all rows equal, zero rows, mixed metrics (%s)',
    async (metric) => {
      const ort = await loadOrt();
      const cases: [SampleMatrix, SampleMatrix, number][] = [
        [patterned([0], 8, metric), patterned([1], 8, metric), 10],
        [patterned([0, 1], 8, metric), patterned([1, 0], 8, metric), 10],
        [patterned([0, 1, 2], 8, metric), patterned([0, 1, 2], 8, metric), 10],
        [
          patterned([0, 1, 2, 3, 0, 1, 2, 3, 0, 1], 8, metric),
          patterned([3, 2, 1, 0, 0, 1, 2, 3, 3, 2], 8, metric),
          0,
        ],
        // Every entry ties: the lower row wins every neighbour set, every rank is the last.
        [patterned(Array(12).fill(2), 8, metric), patterned(Array(12).fill(2), 8, metric), 4],
        [patterned(Array(6).fill(-1), 8, metric), patterned(Array(6).fill(-1), 8, metric), 3],
        [
          patterned([-1, 0, -1, 1, 0, 0, -1, 2, 3, 3, -1, 1], 8, metric),
          patterned([0, -1, 1, 1, -1, 0, 2, -1, 3, 2, 0, -1], 8, metric),
          3,
        ],
        // The new version ranked by another metric than the old (self-retrieval uses the old's).
        [
          patterned([0, 1, 2, 3, 1, 2, 0, 3, 2, 1], 8, metric),
          {
            ...patterned([1, 1, 2, 3, 0, 2, 0, 3, 2, 0], 8, metric, 2),
            metric: metric === 'l2' ? 'cosine' : 'l2',
          },
          3,
        ],
      ];
      for (const [a, b, k] of cases) {
        expectSame(
          await measureCompatibilityGemm(a, b, k, { threads: 1, ort }),
          measureCompatibility(a, b, k),
        );
      }
    },
  );
});

describe('the symmetric Gram product', () => {
  it.each([1, 2, 9, 37, 64])(
    'is symmetric and within the float32 bound of the float64 products (%i rows, blocks mirrored)',
    async (n) => {
      const dims = 24;
      const x = clusteredSpace(n, dims, 5, 3, 0.7).map((v, i) => v * (1 + (i % 7)));
      const gemm = await openGemm(dims, { threads: 1 });
      try {
        const g = await gemm.gram(x, n);
        const norm = (i: number) => Math.hypot(...x.subarray(i * dims, (i + 1) * dims));
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            expect(g[i * n + j]).toBe(g[j * n + i]);
            let dot = 0;
            for (let t = 0; t < dims; t++) dot += x[i * dims + t]! * x[j * dims + t]!;
            const bound = dotErrorBound(dims) * norm(i) * norm(j) * 1.01;
            expect(Math.abs(g[i * n + j]! - dot)).toBeLessThanOrEqual(bound);
          }
        }
      } finally {
        await gemm.release();
      }
    },
  );
});
