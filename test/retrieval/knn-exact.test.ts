/** The screening bound holds for what onnxruntime really computes, and the exact scorer's definitions. */
import { describe, expect, it } from 'vitest';
import { buildScoresModel, KNN_IO, type KnnMetric } from '../../src/retrieval/knn-graph.js';
import { ExactScorer, screeningBound } from '../../src/retrieval/knn-exact.js';
import { prepareQueries } from '../../src/retrieval/knn-input.js';
import { createSession, loadOrt } from '../../src/onnx/session.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('screeningBound', () => {
  // Hard cases for float32: large offsets (l2 cancellation), mixed magnitudes, near-duplicates.
  const dims = 768;
  const rows = 64;
  const next = rng(11);
  const offset = Float32Array.from({ length: dims }, () => 40 * next());
  const corpus = new Float32Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    const scale = r % 3 === 0 ? 1e-3 : r % 3 === 1 ? 1 : 30;
    for (let j = 0; j < dims; j++)
      corpus[r * dims + j] = (offset[j] as number) + scale * (next() - 0.5);
  }
  const query = Float32Array.from(offset, (x) => x + 1e-3 * (next() - 0.5));

  it.each(['dot', 'cosine', 'l2'] as KnnMetric[])(
    '%s: every exact score lies within the bound of the float32 graph score',
    async (metric) => {
      const ort = await loadOrt();
      const session = await createSession(
        buildScoresModel(metric, 'float32', dims),
        { threads: 2 },
        ort,
      );
      const prepared = prepareQueries({ values: query, rows: 1, dims, dtype: 'float32' }, metric);
      const out = await session.run({
        [KNN_IO.queries]: new ort.Tensor('float32', prepared.values, [1, dims]),
        [KNN_IO.corpus]: new ort.Tensor('float32', corpus, [rows, dims]),
      });
      await session.release();
      const graph = out[KNN_IO.scores]!.data as Float32Array;
      const scorer = new ExactScorer(metric, 'float32', query);
      let maxNorm2 = 0;
      for (let r = 0; r < rows; r++) {
        let n2 = 0;
        for (let j = 0; j < dims; j++) n2 += corpus[r * dims + j]! ** 2;
        maxNorm2 = Math.max(maxNorm2, n2);
      }
      const upper = screeningBound(metric, dims, scorer.norm, Math.fround(maxNorm2));
      let worst = 0;
      for (let r = 0; r < rows; r++) {
        const v = graph[r]! - (prepared.squaredNorms?.[0] ?? 0);
        const exact = scorer.score(corpus, r * dims);
        const margin = upper(v) - v;
        expect(exact).toBeLessThanOrEqual(v + margin);
        expect(exact).toBeGreaterThanOrEqual(v - margin);
        worst = Math.max(worst, Math.abs(exact - v) / margin);
      }
      // The bound is rigorous, not a guess: the real error stays well inside it.
      expect(worst).toBeLessThan(0.5);
      expect(worst).toBeGreaterThan(0);
    },
  );
});

describe('ExactScorer', () => {
  it('scores by definition in float64, rounded once to float32', () => {
    const q = Float32Array.of(1, 2, 2);
    const c = Float32Array.of(0, 0, 0, 2, 0, 1);
    const dot = new ExactScorer('dot', 'float32', q);
    expect(dot.norm).toBe(3);
    expect([dot.score(c, 0), dot.score(c, 3)]).toEqual([0, 4]);
    const cos = new ExactScorer('cosine', 'float32', q);
    expect([cos.score(c, 0), cos.score(c, 3)]).toEqual([0, Math.fround(4 / (3 * Math.sqrt(5)))]);
    const l2 = new ExactScorer('l2', 'float32', q);
    expect([l2.score(c, 0), l2.score(c, 3)]).toEqual([-9, -(1 + 4 + 1)]);
  });

  it('decodes float16 bits and int8 values', () => {
    const half = new ExactScorer('dot', 'float16', Uint16Array.of(0x3c00, 0xc000)); // 1, -2
    expect(half.score(Uint16Array.of(0x3800, 0x3800), 0)).toBe(0.5 - 1);
    const int8 = new ExactScorer('l2', 'int8', Int8Array.of(-128, 127));
    expect(int8.score(Int8Array.of(127, -128), 0)).toBe(-(255 * 255 * 2));
  });

  it.each(['dot', 'cosine', 'l2'] as KnnMetric[])(
    '%s: scoreRows (four rows per loop) gives each row exactly what score gives it',
    (metric) => {
      const dims = 37;
      const next = rng(5);
      const rows = Float32Array.from(
        { length: 11 * dims },
        () => (next() - 0.5) * 2 ** (next() * 40 - 20),
      );
      const query = Float32Array.from({ length: dims }, () => next() - 0.5);
      const scorer = new ExactScorer(metric, 'float32', query);
      // Repeated and zero rows, in a count that is not a multiple of four.
      rows.fill(0, 3 * dims, 4 * dims);
      const offsets = [0, 5, 3, 10, 5, 7, 1].map((r) => r * dims);
      const out = new Float64Array(offsets.length);
      scorer.scoreRows(rows, offsets, offsets.length, out);
      expect([...out]).toEqual(offsets.map((o) => scorer.score(rows, o)));
    },
  );
});
