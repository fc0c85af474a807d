/**
 * Power of the regression verdict: the minimum detectable effect is what it claims (a drop of
 * max_drop + mde is blocked about 80% of the time), and a harmless re-run (true drop 0)
 * carries at most the `bench.underpowered` warning — on a suite that cannot resolve its
 * max_drop as much as on one that can.
 *
 * Each replication uses 1,000 sign flips and 200 bootstrap resamples instead of 10,000, so
 * 200 seeds take about a second; p is still resolved to 0.001.
 */
import { describe, expect, it } from 'vitest';
import { floorFindings } from '../../src/gate/checks/quality-floors.js';
import type { QualityFloor } from '../../src/config/contract.js';
import { regressionVerdict } from '../../src/retrieval/regression.js';
import { unitsNeeded } from '../../src/retrieval/decision.js';
import { minimumDetectableDrop, normalQuantile, Rng } from '../../src/retrieval/stats.js';
import { metricFunction, perExampleScores } from '../../src/staging/metrics.js';
import { pairedVerdict } from '../../src/staging/verdict.js';

const FAST = { iterations: 200, permutations: 1000 };
const REPS = 200;

function scores(seed: number, n: number, trueDelta: number, sd: number) {
  const rng = new Rng(seed);
  const baseline = new Map<string, number>();
  const candidate = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const b = 0.2 + 0.6 * rng.float();
    const q = `q${String(i).padStart(4, '0')}`;
    baseline.set(q, b);
    candidate.set(q, b + trueDelta + sd * rng.normal());
  }
  return { baseline, candidate };
}

function run(floor: QualityFloor, seed: number, n: number, trueDelta: number, sd: number) {
  const m = regressionVerdict([{ rule: floor, ...scores(5000 + seed, n, trueDelta, sd) }], {
    seed,
    ...FAST,
  }).metrics[0]!;
  return { m, findings: floorFindings(m, floor, 'c', 's') };
}

describe('normalQuantile', () => {
  it('matches the tables', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.0125)).toBeCloseTo(-2.241403, 6);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424, 5);
    expect(normalQuantile(0)).toBeNaN();
  });

  it('gives the textbook minimum detectable effect and the queries to reach a target', () => {
    // (1.645 + 0.842) · se; Holm over 2 floors uses α/2.
    expect(minimumDetectableDrop(0.01)).toBeCloseTo(0.024865, 5);
    expect(minimumDetectableDrop(0.01, { family: 2 })).toBeCloseTo(0.028015, 5);
    // se ∝ 1/√n: halving the effect takes four times the queries.
    expect(unitsNeeded(300, 0.02, 0.01)).toBe(1200);
    expect(unitsNeeded(300, NaN, 0.01)).toBeNaN();
  });
});

describe('power, simulated over 200 seeds', () => {
  it('blocks a drop of max_drop + mde about 80% of the time', () => {
    const n = 300;
    const sd = 0.15;
    const mde = minimumDetectableDrop(sd / Math.sqrt(n));
    let blocked = 0;
    for (let s = 1; s <= REPS; s++)
      if (
        run({ suite: 's', metric: 'ndcg@10', max_drop: 0.01 }, s, n, -(0.01 + mde), sd).m.status ===
        'fail'
      )
        blocked++;
    // Binomial(200, 0.8): 99.9% of runs fall in [141, 178].
    expect(blocked).toBeGreaterThanOrEqual(141);
    expect(blocked).toBeLessThanOrEqual(178);
  });

  it('a harmless re-run of an underpowered suite carries only bench.underpowered', () => {
    // sd 0.15 on 300 queries: mde ≈ 0.0215 > max_drop 0.01.
    const floor: QualityFloor = { suite: 's', metric: 'ndcg@10', max_drop: 0.01 };
    let inconclusive = 0;
    for (let s = 1; s <= REPS; s++) {
      const { m, findings } = run(floor, s, 300, 0, 0.15);
      if (m.status === 'inconclusive') inconclusive++;
      expect(m.status).not.toBe('fail');
      expect(findings.map((f) => f.id)).toEqual(['bench.underpowered']);
      expect(findings[0]!.message).toMatch(/about [\d,]+ judged queries would resolve max_drop/);
    }
    // The CI test of an unresolving suite reaches below −max_drop in most harmless runs: that
    // is why its inconclusive outcome is folded into the one underpowered warning.
    expect(inconclusive).toBeGreaterThan(REPS / 2);
  });

  it('a harmless re-run of a powered suite carries no warning at all', () => {
    // sd 0.05 on 300 queries: mde ≈ 0.0072 ≤ max_drop 0.01.
    const floor: QualityFloor = { suite: 's', metric: 'ndcg@10', max_drop: 0.01 };
    let oldRuleWarns = 0;
    for (let s = 1; s <= REPS; s++) {
      const { m, findings } = run(floor, s, 300, 0, 0.05);
      expect(m.power!.powered).toBe(true);
      expect(findings).toEqual([]);
      if (m.ci.low < -0.01) oldRuleWarns++;
    }
    // The former rule (warn when the CI reaches below −max_drop) warned on some of these.
    expect(oldRuleWarns).toBeGreaterThan(0);
  });

  it('a powered suite still catches a real drop: blocked or inconclusive, never a silent pass', () => {
    const floor: QualityFloor = { suite: 's', metric: 'ndcg@10', max_drop: 0.01 };
    for (let s = 1; s <= 50; s++) {
      const { m } = run(floor, s, 300, -0.025, 0.05);
      expect(m.status).not.toBe('pass');
    }
  });
});

describe('messages say what the numbers say', () => {
  const opts = { seed: 3, iterations: 2000, permutations: 2000 };
  const ndcg = scores(28, 300, -0.0177, 0.08);
  const recall = scores(1028, 300, 0, 0.08);

  it('names the whole CI below -max_drop when only the adjustment withholds significance', () => {
    const v = regressionVerdict(
      [
        { rule: { metric: 'ndcg@10', max_drop: 0.01 }, ...ndcg },
        { rule: { metric: 'recall@100', max_drop: 0.01 }, ...recall },
      ],
      opts,
    ).metrics[0]!;
    expect(v.status).toBe('inconclusive');
    expect(v.ci.high).toBeLessThan(-0.01);
    expect(v.p).toBeLessThan(0.05);
    expect(v.pHolm).toBeGreaterThanOrEqual(0.05);
    expect(v.message).toContain(
      "the whole CI lies below -0.0100, yet the drop beyond the allowed 0.0100 is not significant after Holm's adjustment (p = 0.0265, Holm-adjusted over 2 floors 0.0530 ≥ α = 0.05)",
    );
  });

  it('a min-only floor beside it stays out of the family and says its significant drop', () => {
    const [a, b] = regressionVerdict(
      [
        { rule: { metric: 'ndcg@10', max_drop: 0.01 }, ...ndcg },
        { rule: { metric: 'recall@100', min: 0.1 }, ...scores(7, 300, -0.02, 0.08) },
      ],
      opts,
    ).metrics;
    expect(a!.pHolm).toBe(a!.p);
    expect(a!.status).toBe('fail');
    expect(b!.pHolm).toBeUndefined();
    expect(b!.status).toBe('pass');
    expect(b!.significantDrop).toBe(true);
    expect(b!.message).toMatch(
      /: a significant drop \(p = .* < α = 0\.05, one-sided test of no drop, not adjusted\), which this floor does not limit: it sets only min = 0\.1000$/,
    );
    const ids = floorFindings(b!, { suite: 's', metric: 'recall@100', min: 0.1 }, 'c', 's').map(
      (f) => f.id,
    );
    expect(ids).toEqual(['bench.significant-drop']);
  });
});

describe('staging judges by the same rule (decide with the comparison’s power)', () => {
  /** Both versions right on 90% of examples, independently: a harmless retrain. */
  function noisyPair(n: number, seed: number) {
    const rng = new Rng(seed);
    const truth = new Int32Array(n).fill(1);
    const side = () => {
      const pred = Int32Array.from({ length: n }, () => (rng.float() < 0.9 ? 1 : 0));
      return {
        value: metricFunction('accuracy', { classes: pred }, { classes: truth }),
        perExample: perExampleScores('accuracy', { classes: pred }, { classes: truth }),
      };
    };
    return [side(), side()] as const;
  }

  it('a harmless re-run of a powered comparison never warns; an unpowered one says what would resolve it', () => {
    // 200 examples, per-example sd ≈ 0.42: mde ≈ 0.074. max_drop 0.12 is resolved (a harmless
    // run is inconclusive only when δ < −0.12, Φ(−4) ≈ 3e-5), 0.02 is not. At max_drop = mde
    // the rate would be Φ(−2.49) ≈ 0.6%: the rule's bound, not zero.
    let unpoweredInconclusive = 0;
    for (let s = 1; s <= 12; s++) {
      const [base, cand] = noisyPair(200, 900 + s);
      const powered = pairedVerdict({ metric: 'accuracy', maxDrop: 0.12 }, base, cand, 200, s);
      expect(powered.mde).toBeLessThanOrEqual(0.12);
      expect(powered.status).toBe('pass');
      const unpowered = pairedVerdict({ metric: 'accuracy', maxDrop: 0.02 }, base, cand, 200, s);
      expect(unpowered.examplesNeeded).toBeGreaterThan(200);
      if (unpowered.status === 'inconclusive') {
        unpoweredInconclusive++;
        expect(unpowered.message).toMatch(
          /200 paired examples detect a worsening of 0\.\d{4} with 80% power, about [\d,]+ would resolve the allowed 0\.0200\)$/,
        );
      }
    }
    expect(unpoweredInconclusive).toBeGreaterThan(0);
  });
});
