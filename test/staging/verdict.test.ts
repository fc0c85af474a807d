import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/retrieval/stats.js';
import { metricFunction, perExampleScores } from '../../src/staging/metrics.js';
import {
  bootstrapIterations,
  floorVerdict,
  pairedVerdict,
  type SideMetric,
} from '../../src/staging/verdict.js';

/** Correctness per example: `rate` of them right, seeded. */
function accuracySide(n: number, rate: number, seed: number): SideMetric {
  const rng = new Rng(seed);
  const truth = new Int32Array(n).fill(1);
  const pred = Int32Array.from({ length: n }, () => (rng.float() < rate ? 1 : 0));
  const predictions = { classes: pred };
  return {
    value: metricFunction('accuracy', predictions, { classes: truth }),
    perExample: perExampleScores('accuracy', predictions, { classes: truth }),
  };
}

describe('staging verdict', () => {
  it('passes identical sides and fails a clear drop beyond max_drop', () => {
    const base = accuracySide(2000, 0.95, 1);
    const same = pairedVerdict({ metric: 'accuracy', maxDrop: 0.02 }, base, base, 2000, 7);
    expect(same).toMatchObject({ status: 'pass', delta: 0, candidate: same.baseline });
    const worse = accuracySide(2000, 0.7, 2);
    const v = pairedVerdict({ metric: 'accuracy', maxDrop: 0.02 }, base, worse, 2000, 7);
    expect(v.status).toBe('fail');
    expect(v.p).toBeLessThan(0.05);
    expect(v.ci!.high).toBeLessThan(-0.02);
    expect(v.message).toMatch(/a drop larger than the allowed 0\.0200/);
  });

  it('is inconclusive when few examples cannot rule out the drop', () => {
    const base = accuracySide(30, 0.9, 3);
    const cand = accuracySide(30, 0.87, 4);
    const v = pairedVerdict({ metric: 'accuracy', maxDrop: 0.01 }, base, cand, 30, 7);
    expect(v.status).toBe('inconclusive');
    expect(v.ci!.low).toBeLessThan(-0.01);
  });

  it('judges the floor on the candidate, with and without a baseline', () => {
    const cand = accuracySide(500, 0.6, 5);
    expect(floorVerdict({ metric: 'accuracy', min: 0.8 }, cand)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^accuracy = 0\.6\d+ is below the required minimum 0\.8000$/),
    });
    expect(floorVerdict({ metric: 'accuracy', min: 0.5 }, cand).status).toBe('pass');
  });

  it('orients mse: a rise is the worsening, and max is its ceiling', () => {
    const n = 400;
    const rng = new Rng(9);
    const truth = Float64Array.from({ length: n }, () => rng.normal());
    const side = (noise: number): SideMetric => {
      const predictions = { scores: truth.map((t) => t + noise * rng.normal()) };
      return {
        value: metricFunction('mse', predictions, { values: truth }),
        perExample: perExampleScores('mse', predictions, { values: truth }),
      };
    };
    const base = side(0.1);
    const worse = side(0.5);
    const v = pairedVerdict({ metric: 'mse', maxDrop: 0.05 }, base, worse, n, 3);
    expect(v.delta).toBeGreaterThan(0.05);
    expect(v.ci!.low).toBeGreaterThan(0.05);
    expect(v.status).toBe('fail');
    expect(v.message).toMatch(/a rise larger than the allowed/);
    const better = pairedVerdict({ metric: 'mse', maxDrop: 0.05 }, worse, base, n, 3);
    expect(better.status).toBe('pass');
    expect(floorVerdict({ metric: 'mse', max: 0.1 }, worse).status).toBe('fail');
  });

  it('bootstraps roc_auc itself (not a per-example mean), deterministically by seed', () => {
    const n = 600;
    const rng = new Rng(11);
    const positive = Int32Array.from({ length: n }, () => (rng.float() < 0.4 ? 1 : 0));
    const side = (signal: number): SideMetric => ({
      value: metricFunction(
        'roc_auc',
        { scores: Float64Array.from(positive, (p) => signal * p + rng.normal()) },
        { classes: positive },
      ),
    });
    const base = side(2);
    const cand = side(0.5);
    const a = pairedVerdict({ metric: 'roc_auc', maxDrop: 0.05 }, base, cand, n, 42);
    const b = pairedVerdict({ metric: 'roc_auc', maxDrop: 0.05 }, base, cand, n, 42);
    expect(a).toEqual(b);
    expect(a.status).toBe('fail');
    expect(a.ci!.high).toBeLessThan(-0.05);
    expect(a.baseline! - a.candidate).toBeGreaterThan(0.2);
    const same = pairedVerdict({ metric: 'roc_auc', maxDrop: 0.05 }, base, base, n, 42);
    expect(same.status).toBe('pass');
  });

  it('scales the bootstrap down for large example counts', () => {
    expect(bootstrapIterations(2000)).toBe(10000);
    expect(bootstrapIterations(100000)).toBe(1000);
  });
});
