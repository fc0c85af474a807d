/**
 * The one decision rule of every quality threshold the gate judges: a benchmark suite's
 * metrics (src/retrieval/regression.ts, per query) and a consumer's staging metric
 * (src/staging/verdict.ts, per labeled example). Callers compute the numbers — means, the
 * paired deltas' CI, p-values — and word the message; this module only decides.
 *
 * With o = +1 when higher is better and −1 when lower is better (mse), δ = candidate −
 * baseline, the oriented change o·δ (negative: worse), L the lower end of the oriented CI
 * (the CI's low when higher is better, −high otherwise), m = max_drop and p̃ the p-value that
 * decides (the multiplicity-adjusted one when there is one, else the raw one):
 *
 * - `fail` by `min`/`max`  when the candidate is below `min` or above `max` (checked first,
 *                          and the only thing checked without a baseline);
 * - `fail` by `max_drop`   when m is set, p̃ < α and o·δ < −m: a worsening beyond the
 *                          allowance, with the error rate of blocking held at α;
 * - `inconclusive`         otherwise when m is set and
 *                          - the comparison is powered for m (its minimum detectable effect
 *                            e, see `PairedEvidence.mde`, is at most m) and o·δ < −m: the
 *                            estimate is past the allowance but not significant; or
 *                          - it is not powered (e > m, or e unknown) and L < −m: a worsening
 *                            beyond the allowance is still plausible;
 * - `pass`                 otherwise.
 *
 * Why two inconclusive tests: with no true worsening, L < −m happens by chance in
 * Φ(z₁₋α/₂ − m/se) of runs (about 30% when e = m, se the standard error of δ), so "L < −m" would warn on harmless re-runs
 * of a powered suite. On a powered suite a pass needs only o·δ ≥ −m, which a true worsening
 * of m + e (blocked with 80% power) escapes with probability Φ(−m/se) ≤ Φ(−2.49) ≈ 0.6%, and
 * a harmless re-run turns inconclusive just as rarely. An unpowered suite keeps the
 * cautious CI test; its callers say that the suite cannot resolve m (`bench.underpowered`).
 *
 * The comparisons are strict and written so that a NaN never fails or warns: a NaN bound
 * (a bootstrap with no usable resample) passes, and callers report an undefined metric
 * on their own.
 */

/** Which way is better for a metric (mse is the lower-is-better one). */
import { score } from '../config/numbers.js';

export type Direction = 'higher-is-better' | 'lower-is-better';

/** The paired comparison with a baseline, in metric units. */
export interface PairedEvidence {
  readonly baseline: number;
  /** candidate − baseline: the mean of the paired deltas, or the difference of the metric values. */
  readonly delta: number;
  /** The CI of `delta` (not oriented: low ≤ high in metric units). */
  readonly low: number;
  readonly high: number;
  /** One-sided p of H0 "the worsening is at most max_drop" (max_drop = 0 when unset). */
  readonly p: number;
  /** `p` after an adjustment over several metrics (Holm); decides instead of `p` when present. */
  readonly pAdjusted?: number;
  /** Significance level of the blocking decision (the CI's level is 1 − alpha). */
  readonly alpha: number;
  /**
   * Minimum detectable effect: the worsening beyond max_drop that the blocking test detects
   * with 80% power (`minimumDetectableDrop` in stats.ts), in metric units. The comparison is
   * powered for max_drop when mde ≤ max_drop. Unknown (absent or NaN): treated as not powered.
   */
  readonly mde?: number;
}

/** Everything the rule looks at. */
export interface DecisionInput {
  readonly direction: Direction;
  /** The candidate's value of the metric (its mean over queries or examples). */
  readonly candidate: number;
  /** Present when a baseline was compared; without it only `min`/`max` are judged. */
  readonly paired?: PairedEvidence;
  /** Floor: the candidate must not be below. */
  readonly min?: number;
  /** Ceiling: the candidate must not be above. */
  readonly max?: number;
  /** Largest tolerated worsening, in metric units (oriented: a drop, or a rise for mse). */
  readonly maxDrop?: number;
}

/** The outcome, and the contract field that decided it when it is not a pass. */
export type Decision =
  | { readonly status: 'fail'; readonly by: 'min' | 'max' | 'max_drop' }
  | { readonly status: 'inconclusive'; readonly by: 'max_drop' }
  | { readonly status: 'pass'; readonly by?: undefined };

const PASS: Decision = { status: 'pass' };

/** Applies the rule of the module comment. Pure; never throws. */
export function decide(input: DecisionInput): Decision {
  const { candidate, min, max, maxDrop, paired } = input;
  if (min !== undefined && candidate < min) return { status: 'fail', by: 'min' };
  if (max !== undefined && candidate > max) return { status: 'fail', by: 'max' };
  if (maxDrop === undefined || !paired) return PASS;
  const higher = input.direction === 'higher-is-better';
  const change = higher ? paired.delta : -paired.delta;
  const worstPlausible = higher ? paired.low : -paired.high;
  if ((paired.pAdjusted ?? paired.p) < paired.alpha && change < -maxDrop)
    return { status: 'fail', by: 'max_drop' };
  const powered = isPowered(paired.mde, maxDrop);
  if (powered ? change < -maxDrop : worstPlausible < -maxDrop)
    return { status: 'inconclusive', by: 'max_drop' };
  return PASS;
}

/** Whether a comparison with minimum detectable effect `mde` resolves `maxDrop` (NaN: no). */
export function isPowered(mde: number | undefined, maxDrop: number): boolean {
  return mde !== undefined && mde <= maxDrop;
}

/**
 * Queries (or examples) needed for a minimum detectable effect of `maxDrop`, from n and the
 * current effect `mde` (se ∝ 1/√n): ⌈n · (mde / maxDrop)²⌉. NaN when it cannot be said.
 */
export function unitsNeeded(n: number, mde: number, maxDrop: number): number {
  if (!(maxDrop > 0) || !Number.isFinite(mde)) return NaN;
  return Math.ceil(n * (mde / maxDrop) ** 2);
}

/**
 * The message of a floor failure (`min` or `max` decided), the same for suites and staging:
 * `accuracy = 0.6000 is below the required minimum 0.8000 (baseline 0.9000)`.
 */
export function floorMessage(
  metric: string,
  by: 'min' | 'max',
  bound: number,
  candidate: number,
  baseline?: number,
): string {
  const base = baseline === undefined ? '' : ` (baseline ${score(baseline)})`;
  const what = by === 'min' ? 'below the required minimum' : 'above the allowed maximum';
  return `${metric} = ${score(candidate)} is ${what} ${score(bound)}${base}`;
}
