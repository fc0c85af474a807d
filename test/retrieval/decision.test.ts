import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decide,
  floorMessage,
  type Decision,
  type DecisionInput,
  type PairedEvidence,
} from '../../src/retrieval/decision.js';

type Status = Decision['status'];

/** Metric values: a continuous range plus a few round numbers so that ties with a bound occur. */
const value = fc.oneof(
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom(-1, -0.5, -0.05, 0, 0.05, 0.5, 1),
);
const pValue = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, 0.01, 0.05, 0.2, 1),
);
const alpha = fc.constantFrom(0.01, 0.05, 0.1);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const drop = maybe(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.05)));

/** Paired evidence whose CI contains its point estimate, as every caller's does. */
const paired: fc.Arbitrary<PairedEvidence> = fc
  .record({
    baseline: value,
    delta: value,
    below: fc.double({ min: 0, max: 1, noNaN: true }),
    above: fc.double({ min: 0, max: 1, noNaN: true }),
    p: pValue,
    adjust: maybe(pValue),
    alpha,
  })
  .map(({ baseline, delta, below, above, p, adjust, alpha }) => ({
    baseline,
    delta,
    low: delta - below,
    high: delta + above,
    p,
    // An adjusted p is never below the raw one (Holm).
    ...(adjust !== undefined && { pAdjusted: Math.max(p, adjust) }),
    alpha,
  }));

const input: fc.Arbitrary<DecisionInput> = fc
  .record({
    direction: fc.constantFrom('higher-is-better' as const, 'lower-is-better' as const),
    candidate: value,
    paired: maybe(paired),
    min: maybe(value),
    max: maybe(value),
    maxDrop: drop,
  })
  .map(({ paired, min, max, maxDrop, ...rest }): DecisionInput => ({
    ...rest,
    ...(paired && { paired }),
    ...(min !== undefined && { min }),
    ...(max !== undefined && { max }),
    ...(maxDrop !== undefined && { maxDrop }),
  }));

// The rules as they were written before there was one (regression.ts and staging/verdict.ts),
// kept verbatim as oracles: the single rule must decide exactly as both did.
function oldBenchmarkRule(
  min: number | undefined,
  maxDrop: number | undefined,
  candidateMean: number,
  delta: number,
  ciLow: number,
  pHolm: number,
  alpha: number,
): Status {
  if (min !== undefined && candidateMean < min) return 'fail';
  if (maxDrop !== undefined && pHolm < alpha && delta < -maxDrop) return 'fail';
  if (maxDrop !== undefined && ciLow < -maxDrop) return 'inconclusive';
  return 'pass';
}

function oldStagingRule(
  rule: { min?: number; max?: number; maxDrop?: number },
  orient: 1 | -1,
  candValue: number,
  baseValue: number,
  oriented: { low: number; high: number },
  p: number,
): Status {
  const margin = rule.maxDrop ?? 0;
  const floor =
    (rule.min !== undefined && candValue < rule.min) ||
    (rule.max !== undefined && candValue > rule.max);
  const orientedDelta = orient * (candValue - baseValue);
  if (floor) return 'fail';
  if (rule.maxDrop !== undefined && p < 0.05 && orientedDelta < -margin) return 'fail';
  if (rule.maxDrop !== undefined && oriented.low < -margin) return 'inconclusive';
  return 'pass';
}

describe('decide: the one rule, the same outcomes as the two it replaced', () => {
  it('decides as the benchmark rule did', () => {
    fc.assert(
      fc.property(value, paired, maybe(value), drop, (candidate, e, min, maxDrop) => {
        const d = decide({
          direction: 'higher-is-better',
          candidate,
          paired: e,
          ...(min !== undefined && { min }),
          ...(maxDrop !== undefined && { maxDrop }),
        });
        expect(d.status).toBe(
          oldBenchmarkRule(min, maxDrop, candidate, e.delta, e.low, e.pAdjusted ?? e.p, e.alpha),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('decides as the staging rule did, NaN bounds included', () => {
    const bound = fc.oneof(value, fc.constant(NaN));
    fc.assert(
      fc.property(
        fc.constantFrom(1 as const, -1 as const),
        fc.record({ min: maybe(value), max: maybe(value), maxDrop: drop }),
        fc.tuple(value, value, bound, bound, pValue),
        (orient, rule, [candValue, baseValue, a, b, p]) => {
          const oriented = { low: Math.min(a, b), high: Number.isNaN(a) ? a : Math.max(a, b) };
          // staging/verdict.ts reports the CI in metric units, turned back for mse.
          const ci = orient === 1 ? oriented : { low: -oriented.high, high: -oriented.low };
          const d = decide({
            direction: orient === 1 ? 'higher-is-better' : 'lower-is-better',
            candidate: candValue,
            paired: { baseline: baseValue, delta: candValue - baseValue, ...ci, p, alpha: 0.05 },
            ...(rule.min !== undefined && { min: rule.min }),
            ...(rule.max !== undefined && { max: rule.max }),
            ...(rule.maxDrop !== undefined && { maxDrop: rule.maxDrop }),
          });
          expect(d.status).toBe(oldStagingRule(rule, orient, candValue, baseValue, oriented, p));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('judges only the floor without a baseline, as floorVerdict and the no-baseline suite path did', () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decide({ ...i, paired: undefined });
        const broken =
          (i.min !== undefined && i.candidate < i.min) ||
          (i.max !== undefined && i.candidate > i.max);
        expect(d.status).toBe(broken ? 'fail' : 'pass');
        if (broken) expect(d.by === 'min' || d.by === 'max').toBe(true);
      }),
    );
  });
});

describe('decide: properties', () => {
  it('is monotone: a worse candidate never passes where a better one fails or is inconclusive', () => {
    fc.assert(
      fc.property(
        input.filter((i) => i.paired !== undefined),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (better, shift, pRise) => {
          // Worse: the candidate, the change and its CI move the bad way; p rises.
          const sign = better.direction === 'higher-is-better' ? -1 : 1;
          const e = better.paired!;
          const worse: DecisionInput = {
            ...better,
            candidate: better.candidate + sign * shift,
            paired: {
              ...e,
              delta: e.delta + sign * shift,
              low: e.low + sign * shift,
              high: e.high + sign * shift,
              p: Math.min(1, e.p + pRise),
              ...(e.pAdjusted !== undefined && { pAdjusted: Math.min(1, e.pAdjusted + pRise) }),
            },
          };
          // A floor only makes sense on the side where the metric worsens.
          const floorOnly = (x: DecisionInput): DecisionInput =>
            x.direction === 'higher-is-better'
              ? { ...x, max: undefined }
              : { ...x, min: undefined };
          const b = decide(floorOnly(better)).status;
          const w = decide(floorOnly(worse)).status;
          if (b !== 'pass') expect(w).not.toBe('pass');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is symmetric in direction: a lower-is-better metric with negated values decides the same', () => {
    const swap = { min: 'max', max: 'min', max_drop: 'max_drop' } as const;
    fc.assert(
      fc.property(input, (i) => {
        // Both floors broken at once needs min > max, a contract nobody can meet: then the
        // floor checked first names itself in both directions.
        fc.pre(i.min === undefined || i.max === undefined || i.min <= i.max);
        const e = i.paired;
        const mirrored: DecisionInput = {
          direction: i.direction === 'higher-is-better' ? 'lower-is-better' : 'higher-is-better',
          candidate: -i.candidate,
          ...(i.max !== undefined && { min: -i.max }),
          ...(i.min !== undefined && { max: -i.min }),
          ...(i.maxDrop !== undefined && { maxDrop: i.maxDrop }),
          ...(e && {
            paired: { ...e, baseline: -e.baseline, delta: -e.delta, low: -e.high, high: -e.low },
          }),
        };
        const d = decide(i);
        const m = decide(mirrored);
        expect(m.status).toBe(d.status);
        expect(m.by).toBe(d.by && swap[d.by]);
      }),
      { numRuns: 2000 },
    );
  });

  it('is inconclusive exactly when the CI reaches past −max_drop without significance', () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decide(i);
        const e = i.paired;
        const o = i.direction === 'higher-is-better' ? 1 : -1;
        const floorMet =
          !(i.min !== undefined && i.candidate < i.min) &&
          !(i.max !== undefined && i.candidate > i.max);
        const reaches =
          e !== undefined && i.maxDrop !== undefined && (o === 1 ? e.low : -e.high) < -i.maxDrop;
        const significant =
          e !== undefined &&
          i.maxDrop !== undefined &&
          (e.pAdjusted ?? e.p) < e.alpha &&
          o * e.delta < -i.maxDrop;
        expect(d.status === 'inconclusive').toBe(floorMet && reaches && !significant);
        if (d.status === 'fail' && d.by === 'max_drop') expect(significant).toBe(true);
        if (i.maxDrop === undefined || e === undefined) expect(d.by).not.toBe('max_drop');
      }),
      { numRuns: 2000 },
    );
  });

  it('blocks on the adjusted p, not the raw one', () => {
    const d = decide({
      direction: 'higher-is-better',
      candidate: 0.5,
      maxDrop: 0.01,
      paired: {
        baseline: 0.6,
        delta: -0.1,
        low: -0.12,
        high: -0.08,
        p: 0.01,
        pAdjusted: 0.06,
        alpha: 0.05,
      },
    });
    expect(d).toEqual({ status: 'inconclusive', by: 'max_drop' });
    expect(
      decide({
        ...{ direction: 'higher-is-better', candidate: 0.5, maxDrop: 0.01 },
        paired: { baseline: 0.6, delta: -0.1, low: -0.12, high: -0.08, p: 0.01, alpha: 0.05 },
      }),
    ).toEqual({ status: 'fail', by: 'max_drop' });
  });

  it('passes a NaN CI (no usable resample) and checks the floor before the drop', () => {
    const nan = { baseline: 0.9, delta: -0.5, low: NaN, high: NaN, p: 1, alpha: 0.05 };
    expect(
      decide({ direction: 'higher-is-better', candidate: 0.4, maxDrop: 0.01, paired: nan }),
    ).toEqual({ status: 'pass' });
    expect(
      decide({
        direction: 'higher-is-better',
        candidate: 0.4,
        min: 0.5,
        maxDrop: 0.01,
        paired: { ...nan, p: 0, low: -0.6, high: -0.4 },
      }),
    ).toEqual({ status: 'fail', by: 'min' });
  });

  it('words a floor failure the same for suites and staging', () => {
    expect(floorMessage('accuracy', 'min', 0.8, 0.6, 0.9)).toBe(
      'accuracy = 0.6000 is below the required minimum 0.8000 (baseline 0.9000)',
    );
    expect(floorMessage('mse', 'max', 0.1, 0.25)).toBe(
      'mse = 0.2500 is above the allowed maximum 0.1000',
    );
  });
});

describe('decide with the comparison’s power', () => {
  it('on a powered comparison (mde ≤ max_drop) warns on the estimate; otherwise as before', () => {
    fc.assert(
      fc.property(
        value,
        paired,
        maybe(value),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (candidate, e, min, maxDrop, mde) => {
          const withPower = decide({
            direction: 'higher-is-better',
            candidate,
            paired: { ...e, mde },
            ...(min !== undefined && { min }),
            maxDrop,
          });
          const old = oldBenchmarkRule(
            min,
            maxDrop,
            candidate,
            e.delta,
            e.low,
            e.pAdjusted ?? e.p,
            e.alpha,
          );
          if (mde > maxDrop) expect(withPower.status).toBe(old);
          else if (old === 'fail') expect(withPower.status).toBe('fail');
          else expect(withPower.status).toBe(e.delta < -maxDrop ? 'inconclusive' : 'pass');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
