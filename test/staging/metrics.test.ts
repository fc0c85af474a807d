import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  macroF1,
  metricFunction,
  perExampleScores,
  rocAuc,
  scoreOrder,
} from '../../src/staging/metrics.js';

/** The obvious O(n²) AUC with weights: pairs (positive, negative), ties ½. */
function aucOracle(scores: number[], positive: number[], w: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!positive[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (positive[j]) continue;
      const pair = w[i]! * w[j]!;
      den += pair;
      num += pair * (scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0);
    }
  }
  return den > 0 ? num / den : NaN;
}

/** Macro F1 written out per class, over the classes that occur anywhere. */
function f1Oracle(pred: number[], actual: number[]): number {
  const classes = [...new Set([...pred, ...actual])];
  const f1s = classes.map((c) => {
    const tp = pred.filter((p, i) => p === c && actual[i] === c).length;
    const fp = pred.filter((p, i) => p === c && actual[i] !== c).length;
    const fn = pred.filter((p, i) => p !== c && actual[i] === c).length;
    return (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / f1s.length;
}

describe('staging metrics', () => {
  it('roc_auc matches the pairwise oracle, with ties and weights', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.integer({ min: 0, max: 3 })),
          {
            minLength: 2,
            maxLength: 40,
          },
        ),
        (rows) => {
          const scores = Float64Array.from(rows, (r) => r[0] / 2);
          const positive = Int32Array.from(rows, (r) => (r[1] ? 1 : 0));
          const w = rows.map((r) => r[2]);
          const got = rocAuc(scores, positive, scoreOrder(scores), w);
          const want = aucOracle([...scores], [...positive], w);
          if (Number.isNaN(want)) expect(got).toBeNaN();
          else expect(got).toBeCloseTo(want, 12);
        },
      ),
    );
  });

  it('roc_auc of a known ranking: 0.75, and NaN with one class', () => {
    const scores = Float64Array.of(0.1, 0.4, 0.35, 0.8);
    const positive = Int32Array.of(0, 0, 1, 1);
    expect(rocAuc(scores, positive, scoreOrder(scores))).toBe(0.75);
    expect(rocAuc(scores, Int32Array.of(1, 1, 1, 1), scoreOrder(scores))).toBeNaN();
  });

  it('macro_f1 matches the per-class oracle, counting classes seen in labels or predictions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 50,
        }),
        (rows) => {
          const pred = rows.map((r) => r[0]);
          const actual = rows.map((r) => r[1]);
          expect(macroF1(Int32Array.from(pred), Int32Array.from(actual), 4)).toBeCloseTo(
            f1Oracle(pred, actual),
            12,
          );
        },
      ),
    );
    // Weights are multiplicities: weight 2 equals the example repeated.
    const p = Int32Array.of(0, 1, 1, 2);
    const a = Int32Array.of(0, 1, 2, 2);
    expect(macroF1(p, a, 3, [2, 1, 1, 0])).toBeCloseTo(f1Oracle([0, 0, 1, 1], [0, 0, 1, 2]), 12);
  });

  it('accuracy and mse are means of per-example scores', () => {
    const acc = perExampleScores(
      'accuracy',
      { classes: Int32Array.of(1, 0, 1) },
      { classes: Int32Array.of(1, 1, 1) },
    );
    expect([...acc]).toEqual([1, 0, 1]);
    const fn = metricFunction(
      'mse',
      { scores: Float64Array.of(1, 2, 4) },
      { values: Float64Array.of(1, 0, 1) },
    );
    expect(fn()).toBeCloseTo((0 + 4 + 9) / 3, 12);
    expect(fn([0, 1, 1])).toBeCloseTo(6.5, 12);
  });
});
