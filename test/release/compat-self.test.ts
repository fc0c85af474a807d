import { describe, expect, it } from 'vitest';
import {
  measureSelfRetrieval,
  naiveSelfRetrieval,
  rankOfSelf,
} from '../../src/release/compat-self.js';
import { gramMatrix } from '../../src/release/compat-measures.js';
import type { Metric } from '../../src/config/manifest.js';
import { addNoise, clusteredSpace, rng } from './synthetic.js';

const rows = (values: Float32Array, dims: number, metric: Metric) => ({
  values,
  rows: values.length / dims,
  dims,
  metric,
});

describe('cross-version self-retrieval', () => {
  it('counts ties against the id (a duplicate can be served in its place)', () => {
    expect(rankOfSelf([0.5, 0.9, 0.9, 0.1], 1)).toBe(2);
    expect(rankOfSelf([0.5, 0.9, 0.8, 0.1], 1)).toBe(1);
    expect(rankOfSelf([0.5, 0.9, 0.8, 0.1], 3)).toBe(4);
  });

  it.each(['cosine', 'dot', 'l2'] as const)(
    'equals the one-query-at-a-time oracle in both directions, with or without the Gram matrix (%s)',
    (metric) => {
      const d = 7;
      // 61 rows: odd, so every tail of the 4 × 2 block runs; scaled rows so dot and l2 differ.
      const next = rng(3);
      const a = clusteredSpace(61, d, 4, 5, 0.9).map((x, i) => x * (1 + (i % 3) * 0.3));
      const b = addNoise(a, d, 0.6, 8).map((x) => x * (0.8 + next() * 0.4));
      const old = rows(a, d, metric);
      const neu = rows(b, d, metric);
      const fast = measureSelfRetrieval(old, neu, 5);
      const withGram = measureSelfRetrieval(old, neu, 5, gramMatrix(old));
      const close = (x: object, y: object) =>
        expect(JSON.stringify(x, (_, v) => (typeof v === 'number' ? +v.toFixed(9) : v))).toBe(
          JSON.stringify(y, (_, v) => (typeof v === 'number' ? +v.toFixed(9) : v)),
        );
      close(fast.newToOld, naiveSelfRetrieval(neu, old, metric));
      close(fast.oldToNew, naiveSelfRetrieval(old, neu, metric));
      close(fast.oldOnOld, naiveSelfRetrieval(old, old, metric));
      close(withGram.newToOld, fast.newToOld);
      expect(withGram.nearerThanNeighbour).toBe(fast.nearerThanNeighbour);
      expect(withGram.mixedOverlap).toBe(fast.mixedOverlap);
      expect(fast.newToOld.recall1).toBeLessThan(1); // the case is not trivial
    },
  );

  it('a duplicated row caps what the old space gives itself', () => {
    const d = 4;
    const a = clusteredSpace(20, d, 2, 3, 0.5);
    a.copyWithin(d, 0, d); // row 1 := row 0
    const m = measureSelfRetrieval(rows(a, d, 'cosine'), rows(a.slice(), d, 'cosine'));
    expect(m.oldOnOld.recall1).toBe(18 / 20);
    expect(m.newToOld.recall1).toBe(18 / 20);
  });
});
