/** The statistics under the regression verdict, on data with known answers. */
import { describe, expect, it } from 'vitest';
import {
  deriveSeed,
  holmBonferroni,
  pairedBootstrapCI,
  pairedRandomizationTest,
  quantileSorted,
  Rng,
  signFlipTest,
} from '../../src/retrieval/stats.js';

describe('Rng (xoshiro128** seeded by splitmix32)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const draw = (seed: number): number[] => {
      const r = new Rng(seed);
      return Array.from({ length: 5 }, () => r.nextUint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    // Pinned so that a change of algorithm (and thus of every reported CI and p) is noticed.
    expect(draw(42)).toMatchInlineSnapshot(`
      [
        660444221,
        3652823732,
        77672526,
        910233633,
        2297337756,
      ]
    `);
  });

  it('draws integers uniformly without bias (chi-square over 7 bins)', () => {
    const r = new Rng(3);
    const counts = new Array<number>(7).fill(0);
    const n = 70000;
    for (let i = 0; i < n; i++) counts[r.int(7)]!++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 7) ** 2 / (n / 7), 0);
    expect(chi2).toBeLessThan(22.46); // χ²(6) 99.9th percentile
  });

  it('draws floats in [0, 1) and normals with mean 0, sd 1', () => {
    const r = new Rng(5);
    let min = 1;
    let max = 0;
    let s = 0;
    let s2 = 0;
    const n = 40000;
    for (let i = 0; i < n; i++) {
      const u = r.float();
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(s / n)).toBeLessThan(0.02); // 4 standard errors
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
  });

  it('derives distinct, stable seeds per label', () => {
    expect(deriveSeed(7, 'ndcg@10')).toBe(deriveSeed(7, 'ndcg@10'));
    expect(deriveSeed(7, 'ndcg@10')).not.toBe(deriveSeed(7, 'recall@100'));
    expect(deriveSeed(7, 'ndcg@10')).not.toBe(deriveSeed(8, 'ndcg@10'));
  });

  it('rejects an out-of-range integer bound', () => {
    expect(() => new Rng(1).int(0)).toThrow(RangeError);
  });
});

describe('pairedBootstrapCI', () => {
  it('collapses to the value for constant deltas', () => {
    expect(pairedBootstrapCI([0.25, 0.25, 0.25], { seed: 1, iterations: 200 })).toEqual({
      low: 0.25,
      high: 0.25,
      mean: 0.25,
      level: 0.95,
    });
  });

  it('is about ±1.96 standard errors for normal deltas, and reproducible', () => {
    const r = new Rng(11);
    const d = Array.from({ length: 400 }, () => 0.1 + r.normal());
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
    const ci = pairedBootstrapCI(d, { seed: 2, iterations: 4000 });
    const halfWidth = (1.96 * sd) / Math.sqrt(d.length);
    expect(ci.mean).toBeCloseTo(mean, 12);
    expect((ci.high - ci.low) / 2 / halfWidth).toBeGreaterThan(0.9);
    expect((ci.high - ci.low) / 2 / halfWidth).toBeLessThan(1.1);
    expect(ci.low).toBeLessThan(mean);
    expect(ci.high).toBeGreaterThan(mean);
    expect(pairedBootstrapCI(d, { seed: 2, iterations: 4000 })).toEqual(ci);
  });

  it('narrows with a lower level', () => {
    const d = [-0.3, 0.1, 0.4, -0.2, 0.05, 0.2, -0.1, 0.3];
    const wide = pairedBootstrapCI(d, { seed: 4, iterations: 3000, level: 0.99 });
    const narrow = pairedBootstrapCI(d, { seed: 4, iterations: 3000, level: 0.8 });
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });

  it('interpolates quantiles linearly (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});

describe('pairedRandomizationTest (sign flips)', () => {
  const base = Array.from({ length: 30 }, (_, i) => 0.5 + 0.01 * (i % 7));

  it('never returns 0: a clear drop gets p = 1 / (B + 1)', () => {
    const cand = base.map((b) => b - 0.2);
    expect(pairedRandomizationTest(base, cand, { seed: 1, permutations: 9999 })).toBe(1 / 10000);
  });

  it('is one-sided: an improvement is not evidence of a drop', () => {
    const cand = base.map((b) => b + 0.2);
    expect(pairedRandomizationTest(base, cand, { seed: 1, permutations: 999 })).toBe(1);
    expect(
      pairedRandomizationTest(base, cand, { seed: 1, permutations: 999, alternative: 'two-sided' }),
    ).toBe(1 / 1000);
  });

  it('gives p = 1 when nothing changed (every flip ties the observed mean)', () => {
    expect(pairedRandomizationTest(base, base, { seed: 1, permutations: 500 })).toBe(1);
    expect(
      pairedRandomizationTest(base, base, { seed: 1, permutations: 500, alternative: 'two-sided' }),
    ).toBe(1);
  });

  it('tests against a margin: a drop of 0.005 is no evidence against H0: delta ≥ −0.01', () => {
    const r = new Rng(9);
    const d = Array.from({ length: 800 }, () => -0.005 + 0.05 * r.normal());
    expect(signFlipTest(d, { seed: 3, permutations: 2000 })).toBeLessThan(0.05);
    expect(signFlipTest(d, { seed: 3, permutations: 2000, margin: 0.01 })).toBeGreaterThan(0.5);
  });

  it('agrees with the normal approximation on a moderate effect', () => {
    const r = new Rng(21);
    const d = Array.from({ length: 500 }, () => -0.012 + 0.15 * r.normal());
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const se = Math.sqrt(d.reduce((a, b) => a + b * b, 0)) / d.length; // SE under H0 of the sign-flip mean
    const z = mean / se;
    const normalP = 0.5 * erfc(-z / Math.SQRT2);
    const p = signFlipTest(d, { seed: 5, permutations: 20000 });
    expect(Math.abs(p - normalP)).toBeLessThan(0.01);
  });

  it('rejects scores of different lengths', () => {
    expect(() => pairedRandomizationTest([1, 2], [1], { seed: 1 })).toThrow(RangeError);
  });
});

/** Complementary error function (Numerical Recipes erfcc, |error| < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

describe('holmBonferroni', () => {
  it('adjusts a hand-worked example', () => {
    // Sorted: 0.005 (×4 = 0.02), 0.01 (×3 = 0.03), 0.03 (×2 = 0.06), 0.04 (×1 = 0.04 → max(0.06, 0.04) = 0.06).
    const adjusted = holmBonferroni([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted[0]).toBeCloseTo(0.03, 15);
    expect(adjusted[1]).toBeCloseTo(0.06, 15);
    expect(adjusted[2]).toBeCloseTo(0.06, 15);
    expect(adjusted[3]).toBeCloseTo(0.02, 15);
  });

  it('caps at 1, keeps the raw order, and leaves a single p alone', () => {
    expect(holmBonferroni([0.6, 0.5])).toEqual([1, 1]);
    expect(holmBonferroni([0.04])).toEqual([0.04]);
    expect(holmBonferroni([])).toEqual([]);
    const raw = [0.2, 0.001, 0.03, 0.011, 0.5];
    const adj = holmBonferroni(raw);
    const byRaw = raw.map((p, i) => [p, adj[i]!] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byRaw.length; i++)
      expect(byRaw[i]![1]).toBeGreaterThanOrEqual(byRaw[i - 1]![1]);
  });
});

describe('the resampling loops, written for speed, give what the plain loops give', () => {
  // The plain loops as they were: a branch on each sign bit, float64 deltas.
  const plainSignFlip = (deltas: number[], seed: number, margin: number): number => {
    const rng = new Rng(seed);
    const d = deltas.map((x) => x + margin);
    const observed = d.reduce((a, b) => a + b, 0);
    const tolerance = 1e-12 * d.reduce((a, b) => a + Math.abs(b), 0);
    let extreme = 0;
    for (let b = 0; b < 500; b++) {
      let s = 0;
      let bits = 0;
      for (let i = 0; i < d.length; i++) {
        if ((i & 31) === 0) bits = rng.nextUint32();
        s += bits & 1 ? d[i]! : -d[i]!;
        bits >>>= 1;
      }
      if (s <= observed + tolerance) extreme++;
    }
    return (1 + extreme) / 501;
  };
  const plainBootstrapMeans = (deltas: number[], seed: number): number[] => {
    const rng = new Rng(seed);
    const means: number[] = [];
    for (let b = 0; b < 200; b++) {
      let s = 0;
      for (let i = 0; i < deltas.length; i++) s += deltas[rng.int(deltas.length)]!;
      means.push(s / deltas.length);
    }
    return means.sort((a, b) => a - b);
  };
  const rng = new Rng(42);
  const cases: Record<string, number[]> = {
    'correctness deltas (int8)': Array.from({ length: 301 }, () => rng.int(3) - 1),
    'float32 deltas': Array.from({ length: 97 }, () => Math.fround(rng.float() - 0.45)),
    'float64 deltas': Array.from({ length: 130 }, () => (rng.float() - 0.45) / 3),
  };
  it.each(Object.entries(cases))('%s', (_, deltas) => {
    for (const seed of [1, 2]) {
      expect(signFlipTest(deltas, { seed, permutations: 500, margin: 0.01 })).toBe(
        plainSignFlip(deltas, seed, 0.01),
      );
      const means = plainBootstrapMeans(deltas, seed);
      const ci = pairedBootstrapCI(deltas, { seed, iterations: 200, level: 0.9 });
      const at = (q: number) => {
        const h = (means.length - 1) * q;
        const lo = Math.floor(h);
        return means[lo]! + (h - lo) * (means[Math.min(lo + 1, means.length - 1)]! - means[lo]!);
      };
      expect([ci.low, ci.high]).toEqual([at((1 - 0.9) / 2), at((1 + 0.9) / 2)]);
    }
  });
});
