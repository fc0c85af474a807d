/**
 * The regression verdict on synthetic per-query scores with a known true change:
 * nDCG-like baselines in [0.2, 0.8] and per-query noise of sd 0.15 on the delta.
 */
import { describe, expect, it } from 'vitest';
import { EvaluationError } from '../../src/retrieval/errors.js';
import { regressionVerdict, type MetricScores } from '../../src/retrieval/regression.js';
import { holmBonferroni, Rng } from '../../src/retrieval/stats.js';

function scores(seed: number, n: number, trueDelta: number, sd = 0.15) {
  const rng = new Rng(seed);
  const baseline = new Map<string, number>();
  const candidate = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const b = 0.2 + 0.6 * rng.float();
    baseline.set(`q${String(i).padStart(4, '0')}`, b);
    candidate.set(`q${String(i).padStart(4, '0')}`, b + trueDelta + sd * rng.normal());
  }
  return { baseline, candidate };
}

const one = (
  metric: string,
  rule: Partial<MetricScores['rule']>,
  data: ReturnType<typeof scores>,
): MetricScores => ({
  rule: { metric, ...rule },
  ...data,
});

describe('regressionVerdict on 500 queries (sd 0.15)', () => {
  it('blocks a real 3-point drop when 1 point is allowed', () => {
    const v = regressionVerdict([one('ndcg@10', { max_drop: 0.01 }, scores(42, 500, -0.03))], {
      seed: 7,
    });
    const m = v.metrics[0]!;
    expect(v.status).toBe('fail');
    expect(m.status).toBe('fail');
    expect(m.delta).toBeLessThan(-0.01);
    expect(m.ci.high).toBeLessThan(0);
    expect(m.pHolm).toBeLessThan(0.05);
    expect(m.message).toMatch(
      /^ndcg@10 changed by -0\.0\d{3} \(.*; 95% CI \[.*\], n = 500\): a drop larger than the allowed 0\.0100 \(p = /,
    );
  });

  it('passes a small drop well inside the margin', () => {
    const v = regressionVerdict([one('ndcg@10', { max_drop: 0.05 }, scores(42, 500, -0.005))], {
      seed: 7,
    });
    expect(v.metrics[0]!.status).toBe('pass');
    expect(v.metrics[0]!.ci.low).toBeGreaterThan(-0.05);
    expect(v.metrics[0]!.message).toContain('within the allowed drop of 0.0500');
  });

  it('is inconclusive, with the numbers, when the true drop sits on the margin', () => {
    const v = regressionVerdict([one('ndcg@10', { max_drop: 0.01 }, scores(42, 500, -0.01))], {
      seed: 7,
    });
    const m = v.metrics[0]!;
    expect(v.status).toBe('inconclusive');
    expect(m.ci.low).toBeLessThan(-0.01);
    expect(m.ci.high).toBeGreaterThan(-0.01);
    expect(m.message).toContain('cannot rule out a drop larger than the allowed 0.0100');
    expect(m.message).toMatch(/95% CI \[-0\.\d{4}, [-+]?0\.\d{4}\]/);
  });

  it('fails on the minimum alone, whatever the change', () => {
    const data = scores(42, 500, 0.02);
    const fast = { seed: 7, iterations: 1000, permutations: 1000 };
    const v = regressionVerdict([one('recall@100', { min: 0.9 }, data)], fast);
    expect(v.metrics[0]!.status).toBe('fail');
    expect(v.metrics[0]!.message).toMatch(
      /^recall@100 = 0\.\d{4} is below the required minimum 0\.9000/,
    );
    expect(regressionVerdict([one('recall@100', { min: 0.3 }, data)], fast).status).toBe('pass');
  });

  it('reports the ten most regressed queries, worst first', () => {
    const data = scores(3, 500, -0.03);
    const m = regressionVerdict([one('ndcg@10', { max_drop: 0.01 }, data)], {
      seed: 1,
      iterations: 500,
      permutations: 500,
    }).metrics[0]!;
    const all = [...data.baseline.keys()]
      .map((q) => data.candidate.get(q)! - data.baseline.get(q)!)
      .sort((a, b) => a - b);
    expect(m.worst).toHaveLength(10);
    expect(m.worst.map((w) => w.delta)).toEqual(all.slice(0, 10));
    expect(m.worst[0]!.candidate - m.worst[0]!.baseline).toBe(m.worst[0]!.delta);
  });

  it('is deterministic for a seed, and Holm-adjusts across the run’s metrics', () => {
    const metrics = [
      one('ndcg@10', { max_drop: 0.01 }, scores(5, 300, -0.02)),
      one('recall@100', { max_drop: 0.01 }, scores(6, 300, -0.02)),
      one('mrr@10', {}, scores(8, 300, 0)),
    ];
    const a = regressionVerdict(metrics, { seed: 11, iterations: 1000, permutations: 2000 });
    const b = regressionVerdict(metrics, { seed: 11, iterations: 1000, permutations: 2000 });
    expect(b).toEqual(a);
    // Holm's family is the floors that can block (max_drop); mrr@10 (no threshold) stays out.
    expect(a.metrics.map((m) => m.pHolm)).toEqual([
      ...holmBonferroni(a.metrics.slice(0, 2).map((m) => m.p)),
      undefined,
    ]);
    // Adding a metric does not change another metric's random stream.
    const first = regressionVerdict(metrics.slice(0, 1), {
      seed: 11,
      iterations: 1000,
      permutations: 2000,
    });
    expect(first.metrics[0]!.ci).toEqual(a.metrics[0]!.ci);
    expect(first.metrics[0]!.p).toBe(a.metrics[0]!.p);
  });

  it('refuses scores of different query sets and empty input', () => {
    const data = scores(1, 10, 0);
    const fewer = new Map([...data.candidate].slice(1));
    expect(() =>
      regressionVerdict([{ rule: { metric: 'm' }, baseline: data.baseline, candidate: fewer }], {
        seed: 1,
      }),
    ).toThrow(
      /m: baseline and candidate were scored on different queries \(1 only in the baseline, 0 only in the candidate, e\.g\. "q0000"\)/,
    );
    const empty = new Map<string, number>();
    expect(() =>
      regressionVerdict([{ rule: { metric: 'm' }, baseline: empty, candidate: empty }], {
        seed: 1,
      }),
    ).toThrow(EvaluationError);
  });
});

/** Smallest k with P(X ≥ k) ≤ tail for X ~ Binomial(n, p). */
function upperCritical(n: number, p: number, tail: number): number {
  const pmf = (k: number): number => {
    let logC = 0;
    for (let i = 1; i <= k; i++) logC += Math.log(n - k + i) - Math.log(i);
    return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p));
  };
  let k = n;
  let sum = 0;
  while (k > 0 && sum + pmf(k) <= tail) sum += pmf(k--);
  return k + 1;
}

describe('calibration: how often a candidate without a real regression is blocked', () => {
  // 200 replications of 300 queries each. To keep this to about a second, each replication
  // uses 1,000 sign flips and 200 bootstrap resamples instead of 10,000: p is still resolved
  // to 0.001, far finer than the α = 0.05 decision, and the bootstrap only decides between
  // pass and inconclusive, which a block does not depend on.
  const REPS = 200;
  const limit = upperCritical(REPS, 0.05, 0.001);

  function blockRate(trueDelta: number, maxDrop: number): number {
    let blocked = 0;
    for (let s = 1; s <= REPS; s++) {
      const v = regressionVerdict(
        [one('ndcg@10', { max_drop: maxDrop }, scores(1000 + s, 300, trueDelta))],
        {
          seed: s,
          iterations: 200,
          permutations: 1000,
        },
      );
      if (v.status === 'fail') blocked++;
    }
    return blocked;
  }

  it(`blocks no more than the nominal 5% (≤ ${limit} of ${REPS}) under the pure null, and is not vacuous`, () => {
    const blocked = blockRate(0, 0);
    expect(blocked).toBeLessThanOrEqual(limit);
    // At the boundary of H0 a sound level-5% test rejects about 5% of the time, not never.
    expect(blocked).toBeGreaterThanOrEqual(2);
  });

  it('blocks no more than the nominal rate when the true drop equals max_drop (the hardest null)', () => {
    expect(blockRate(-0.01, 0.01)).toBeLessThanOrEqual(limit);
  });
});
