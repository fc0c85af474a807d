/**
 * The staging verdict of one consumer's model: does the candidate score below the floor,
 * or worse than the baseline by more than the contract allows?
 *
 * The decision rule is the benchmark's, on examples instead of queries: one rule,
 * `decide` in src/retrieval/decision.ts. With o = +1 for metrics where higher is better
 * and −1 for mse, the oriented change is δ = o · (candidate − baseline) (negative: worse),
 * m = max_drop, α = 0.05:
 *
 * - `fail`         when the candidate is below `min` (above `max` for mse), or when
 *                  p < α and δ < −m (a worsening beyond the allowance, significant);
 * - `inconclusive` otherwise when δ < −m on a comparison powered for m (its minimum detectable
 *                  effect e = (z₀.₉₅ + z₀.₈)·se ≤ m), or when the CI's lower end (oriented) is
 *                  below −m on one that is not — a warning, whose message then says how many
 *                  paired examples would resolve m;
 * - `pass`         otherwise.
 *
 * Per-example metrics (accuracy, mse) use the benchmark's statistics on the paired
 * per-example deltas: the percentile bootstrap CI of the mean and the one-sided sign-flip
 * test of H0: δ ≥ −m. roc_auc and macro_f1 are not means of per-example scores, so both
 * sides are recomputed on each paired bootstrap resample of the examples (the same
 * examples for both, as multiplicities): the CI is the percentile interval of the resampled
 * δ*, and p = (1 + #{δ* ≥ −m}) / (B + 1), the bootstrap's own one-sided p, which is below α
 * exactly when the one-sided upper bound lies below −m.
 */
import {
  decide,
  floorMessage,
  isPowered,
  unitsNeeded,
  type Decision,
  type PairedEvidence,
} from '../retrieval/decision.js';
import {
  deriveSeed,
  minimumDetectableDrop,
  pairedBootstrapCI,
  sampleSd,
  quantileSorted,
  Rng,
  signFlipTest,
} from '../retrieval/stats.js';
import { higherIsBetter, isPerExample, type StagingMetric } from './metrics.js';
import { count, interval, percent, pValue, score, signed } from '../config/numbers.js';

/** A contract's thresholds for one metric. */
export interface StagingRule {
  readonly metric: StagingMetric;
  readonly min?: number;
  readonly max?: number;
  readonly maxDrop?: number;
}

/** One side's metric as a function of example weights, and its per-example scores when it is a mean. */
export interface SideMetric {
  readonly value: (weights?: ArrayLike<number>) => number;
  readonly perExample?: Float64Array;
}

/** The verdict with every number it rests on. */
export interface StagingVerdict {
  readonly status: 'pass' | 'fail' | 'inconclusive';
  /** The contract field that decided a fail or an inconclusive (see `Decision`). */
  readonly decidedBy?: Decision['by'];
  readonly message: string;
  readonly candidate: number;
  readonly baseline?: number;
  /** candidate − baseline, in metric units. */
  readonly delta?: number;
  readonly ci?: { readonly low: number; readonly high: number; readonly level: number };
  readonly p?: number;
  /**
   * With max_drop: the worsening beyond max_drop detected with 80% power at α (from the
   * standard error of the paired delta); the comparison is powered when mde ≤ max_drop.
   */
  readonly mde?: number;
  /** With max_drop and mde > max_drop: paired examples that would make mde = max_drop. */
  readonly examplesNeeded?: number;
  readonly iterations?: number;
}

/** Significance level of the blocking decision. */
export const STAGING_ALPHA = 0.05;

/**
 * Bootstrap resamples (and sign-flip draws) for n examples: 10,000 up to 2,000 examples,
 * then fewer so that the work stays near 2·10⁷ draws, never under 1,000.
 */
export function bootstrapIterations(n: number): number {
  return Math.min(10000, Math.max(1000, Math.floor(2e7 / Math.max(1, n))));
}

/** The candidate alone (no baseline): only the floor can be judged. */
export function floorVerdict(rule: StagingRule, candidate: SideMetric): StagingVerdict {
  const value = candidate.value();
  const decision = decideStaging(rule, value);
  return {
    status: decision.status,
    decidedBy: decision.by,
    message: describeFloor(rule, decision, value) ?? `${rule.metric} = ${score(value)}`,
    candidate: value,
  };
}

function decideStaging(rule: StagingRule, candidate: number, paired?: PairedEvidence): Decision {
  return decide({
    direction: higherIsBetter(rule.metric) ? 'higher-is-better' : 'lower-is-better',
    candidate,
    ...(paired && { paired }),
    ...(rule.min !== undefined && { min: rule.min }),
    ...(rule.max !== undefined && { max: rule.max }),
    ...(rule.maxDrop !== undefined && { maxDrop: rule.maxDrop }),
  });
}

function describeFloor(
  rule: StagingRule,
  decision: Decision,
  candidate: number,
  baseline?: number,
): string | undefined {
  if (decision.by === 'min')
    return floorMessage(rule.metric, 'min', rule.min!, candidate, baseline);
  if (decision.by === 'max')
    return floorMessage(rule.metric, 'max', rule.max!, candidate, baseline);
  return undefined;
}

/**
 * The paired verdict over n examples present in both versions (see the module comment).
 * The same seed gives the same verdict.
 */
export function pairedVerdict(
  rule: StagingRule,
  baseline: SideMetric,
  candidate: SideMetric,
  n: number,
  seed: number,
): StagingVerdict {
  const orient = higherIsBetter(rule.metric) ? 1 : -1;
  const margin = rule.maxDrop ?? 0;
  const iterations = bootstrapIterations(n);
  const level = 1 - STAGING_ALPHA;
  const baseValue = baseline.value();
  const candValue = candidate.value();
  let oriented: { low: number; high: number };
  let p: number;
  let standardError: number;
  if (isPerExample(rule.metric) && baseline.perExample && candidate.perExample) {
    const deltas = new Float64Array(n);
    for (let i = 0; i < n; i++)
      deltas[i] = orient * (candidate.perExample[i]! - baseline.perExample[i]!);
    oriented = pairedBootstrapCI(deltas, {
      iterations,
      level,
      seed: deriveSeed(seed, 'staging:bootstrap'),
    });
    p = signFlipTest(deltas, {
      permutations: iterations,
      seed: deriveSeed(seed, 'staging:sign-flip'),
      alternative: 'less',
      margin,
    });
    standardError = sampleSd(deltas) / Math.sqrt(n);
  } else {
    ({ oriented, p, standardError } = bootstrapMetric(
      baseline,
      candidate,
      n,
      orient,
      margin,
      iterations,
      seed,
    ));
  }
  const mde =
    rule.maxDrop === undefined
      ? undefined
      : minimumDetectableDrop(standardError, { alpha: STAGING_ALPHA });
  const known = mde !== undefined && Number.isFinite(mde) ? mde : undefined;
  const examplesNeeded =
    rule.maxDrop !== undefined && known !== undefined && !isPowered(known, rule.maxDrop)
      ? unitsNeeded(n, known, rule.maxDrop)
      : undefined;
  const delta = candValue - baseValue;
  const ci =
    orient === 1
      ? { low: oriented.low, high: oriented.high, level }
      : { low: -oriented.high, high: -oriented.low, level };
  const worse = orient === 1 ? 'drop' : 'rise';
  const change =
    `${rule.metric} changed by ${signed(delta)} (${score(baseValue)} → ${score(candValue)}; ` +
    `${percent(level)} CI ${interval(ci)}, n = ${count(n)})`;
  const decision = decideStaging(rule, candValue, {
    baseline: baseValue,
    delta,
    low: ci.low,
    high: ci.high,
    p,
    alpha: STAGING_ALPHA,
    ...(known !== undefined && { mde: known }),
  });
  const beyond = `a ${worse} larger than the allowed ${score(margin)}`;
  const message =
    describeFloor(rule, decision, candValue, baseValue) ??
    (decision.status === 'fail'
      ? `${change}: ${beyond} (p = ${pValue(p)} < α = ${STAGING_ALPHA})`
      : decision.status === 'inconclusive'
        ? inconclusiveMessage(change, beyond, p, ci, orient, margin, known, n, examplesNeeded)
        : rule.maxDrop === undefined
          ? change
          : `${change}, within the allowed ${worse} of ${score(margin)}`);
  return {
    status: decision.status,
    decidedBy: decision.by,
    message,
    candidate: candValue,
    baseline: baseValue,
    delta,
    ci,
    p,
    ...(known !== undefined && { mde: known }),
    ...(examplesNeeded !== undefined && Number.isFinite(examplesNeeded) && { examplesNeeded }),
    iterations,
  };
}

/**
 * What an inconclusive outcome rests on: the whole CI past the allowance but p ≥ α; the
 * estimate past it on a powered comparison; or an unpowered comparison whose CI reaches past
 * it — then how many examples would resolve max_drop, since that is the warning's remedy.
 */
function inconclusiveMessage(
  change: string,
  beyond: string,
  p: number,
  ci: { low: number; high: number },
  orient: number,
  margin: number,
  mde: number | undefined,
  n: number,
  examplesNeeded: number | undefined,
): string {
  const bound = orient === 1 ? `below -${score(margin)}` : `above ${score(margin)}`;
  const whole = orient === 1 ? ci.high < -margin : ci.low > margin;
  const stats = `p = ${pValue(p)} ≥ α = ${STAGING_ALPHA}`;
  if (whole)
    return `${change}: the whole CI lies ${bound}, yet ${beyond} is not significant (${stats})`;
  if (mde !== undefined && isPowered(mde, margin))
    return `${change}: the estimate is ${beyond}, but not significantly (${stats})`;
  const power =
    mde === undefined
      ? ''
      : `; ${count(n)} paired examples detect a worsening of ${score(margin + mde)} with 80% power` +
        (examplesNeeded !== undefined && Number.isFinite(examplesNeeded)
          ? `, about ${count(examplesNeeded)} would resolve the allowed ${score(margin)}`
          : '');
  return `${change}: the labeled examples cannot rule out ${beyond} (the CI reaches ${bound}; ${stats}${power})`;
}

/** Paired bootstrap of a metric that is not a per-example mean. */
function bootstrapMetric(
  baseline: SideMetric,
  candidate: SideMetric,
  n: number,
  orient: number,
  margin: number,
  iterations: number,
  seed: number,
): { oriented: { low: number; high: number }; p: number; standardError: number } {
  const rng = new Rng(deriveSeed(seed, 'staging:metric-bootstrap'));
  const weights = new Float64Array(n);
  const draws: number[] = [];
  // Rng.int is exact up to 2^21 examples; beyond that a float draw's bias is negligible.
  const pick = n <= 2097152 ? () => rng.int(n) : () => Math.floor(rng.float() * n);
  let within = 0;
  for (let b = 0; b < iterations; b++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) {
      const k = pick();
      weights[k] = weights[k]! + 1;
    }
    const d = orient * (candidate.value(weights) - baseline.value(weights));
    // A resample may lack a class (roc_auc, macro_f1 undefined): it carries no information.
    if (Number.isNaN(d)) continue;
    draws.push(d);
    if (d >= -margin) within++;
  }
  if (draws.length === 0) return { oriented: { low: NaN, high: NaN }, p: 1, standardError: NaN };
  const sorted = Float64Array.from(draws).sort();
  const alpha = STAGING_ALPHA;
  return {
    oriented: {
      low: quantileSorted(sorted, alpha / 2),
      high: quantileSorted(sorted, 1 - alpha / 2),
    },
    p: (1 + within) / (draws.length + 1),
    // The bootstrap's spread of δ* estimates the standard error of δ itself.
    standardError: sampleSd(sorted),
  };
}
