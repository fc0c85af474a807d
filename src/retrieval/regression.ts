/**
 * The regression verdict of one consumer's benchmark suite: for each metric, is the
 * candidate embedding worse than the baseline by more than the contract allows?
 */
import { decide, floorMessage, isPowered, unitsNeeded } from './decision.js';
import { EvaluationError } from './errors.js';
import { compareBytes } from './ranking.js';
import { count, interval, percent, pValue, score, signed } from '../config/numbers.js';
import {
  deriveSeed,
  holmBonferroni,
  mean,
  minimumDetectableDrop,
  pairedBootstrapCI,
  sampleSd,
  signFlipTest,
  type ConfidenceInterval,
} from './stats.js';

/** A metric of the suite with its thresholds (names as in the contract). */
export interface MetricRule {
  readonly metric: string;
  /** The candidate's mean must not be below this. */
  readonly min?: number;
  /** Largest tolerated drop of the mean (baseline − candidate), in metric units. */
  readonly max_drop?: number;
}

/** Power of the blocking test of a floor with `max_drop`. */
export interface FloorPower {
  /**
   * Minimum detectable effect: the drop beyond max_drop that the test blocks with 80% power
   * at α (one-sided, α/k for a Holm family of k): a drop of max_drop + mde is blocked 80% of
   * the time. NaN when the deltas have no spread to estimate it from (one query).
   */
  readonly mde: number;
  /** mde ≤ max_drop: the suite resolves the allowance it enforces. */
  readonly powered: boolean;
  /** Queries that would make mde = max_drop, at the observed spread (⌈n · (mde/max_drop)²⌉). */
  readonly queriesNeeded: number;
  /** Size of the Holm family the test belongs to (the floors with max_drop). */
  readonly family: number;
}

/** Per-query scores of one metric for both embeddings (same query ids). */
export interface MetricScores {
  readonly rule: MetricRule;
  readonly baseline: ReadonlyMap<string, number>;
  readonly candidate: ReadonlyMap<string, number>;
}

/** Options of {@link regressionVerdict}. */
export interface VerdictOptions {
  /** Family-wise error rate of the blocking decision over the metrics of this call. */
  readonly alpha?: number;
  readonly seed: number;
  /** Bootstrap resamples (default 10,000). */
  readonly iterations?: number;
  /** Sign-flip assignments (default 10,000). */
  readonly permutations?: number;
  /** How many most-regressed queries to report (default 10). */
  readonly worst?: number;
}

/** `fail` blocks the promotion; `inconclusive` is a warning that carries the numbers. */
export type VerdictStatus = 'pass' | 'inconclusive' | 'fail';

/** One query's change. */
export interface QueryDelta {
  readonly qid: string;
  readonly baseline: number;
  readonly candidate: number;
  readonly delta: number;
}

/** The verdict of one metric, with every number it rests on. */
export interface MetricVerdict {
  readonly metric: string;
  readonly status: VerdictStatus;
  /** What was expected and what was found, with the numbers. */
  readonly message: string;
  readonly queries: number;
  readonly baselineMean: number;
  readonly candidateMean: number;
  /** candidateMean − baselineMean (negative: the candidate is worse). */
  readonly delta: number;
  /** Bootstrap CI of the mean delta at level 1 − alpha. */
  readonly ci: ConfidenceInterval;
  /** Raw one-sided sign-flip p of H0: delta ≥ −(max_drop ?? 0) (H0 "no drop" for a min-only floor). */
  readonly p: number;
  /**
   * p after Holm's adjustment over the metrics of this call that have max_drop — the tests
   * that can block. Absent for a min-only floor: its p never blocks, so it is not in the family.
   */
  readonly pHolm?: number;
  /** Min-only floor: the drop is significant (raw p < α, delta < 0), though nothing blocks on it. */
  readonly significantDrop?: boolean;
  /** Present when max_drop is set. */
  readonly power?: FloorPower;
  readonly min?: number;
  readonly maxDrop?: number;
  /** The queries that regressed most (delta < 0), worst first. */
  readonly worst: readonly QueryDelta[];
}

/** The verdict of one consumer's suite: the worst metric status, and each metric's. */
export interface RegressionVerdict {
  /** fail if any metric fails, else inconclusive if any is, else pass. */
  readonly status: VerdictStatus;
  readonly alpha: number;
  readonly seed: number;
  readonly metrics: readonly MetricVerdict[];
}

function pairScores(s: MetricScores): { qids: string[]; base: Float64Array; cand: Float64Array } {
  const { metric } = s.rule;
  const qids = [...s.baseline.keys()].sort(compareBytes);
  if (qids.length === 0) throw new EvaluationError(`${metric}: no query scores to compare`);
  const onlyCandidate = [...s.candidate.keys()].filter((q) => !s.baseline.has(q));
  const onlyBaseline = qids.filter((q) => !s.candidate.has(q));
  if (onlyCandidate.length > 0 || onlyBaseline.length > 0) {
    const example = onlyBaseline[0] ?? onlyCandidate[0];
    throw new EvaluationError(
      `${metric}: baseline and candidate were scored on different queries ` +
        `(${onlyBaseline.length} only in the baseline, ${onlyCandidate.length} only in the candidate, e.g. ${JSON.stringify(example)})`,
    );
  }
  const base = Float64Array.from(qids, (q) => s.baseline.get(q)!);
  const cand = Float64Array.from(qids, (q) => s.candidate.get(q)!);
  const bad = qids.findIndex((_, i) => !Number.isFinite(base[i]!) || !Number.isFinite(cand[i]!));
  if (bad >= 0)
    throw new EvaluationError(
      `${metric}: query ${JSON.stringify(qids[bad])} has a non-finite score`,
    );
  return { qids, base, cand };
}

/**
 * Decides, metric by metric, whether the candidate regressed. With d_i = candidate_i −
 * baseline_i over the n judged queries, δ = mean(d), [L, U] the percentile-bootstrap CI of δ
 * at level 1 − α, m = max_drop, p the one-sided sign-flip p-value of H0: δ ≥ −m (deltas
 * shifted by +m; m = 0 when max_drop is absent), p̃ that p Holm-adjusted over the k metrics
 * of this call that have max_drop (the tests that can block), se = sd(d)/√n and the minimum
 * detectable effect e = (z₁₋α/k + z₀.₈)·se:
 *
 * - `fail`         when min is set and mean(candidate) < min, or
 *                  when max_drop is set, p̃ < α and δ < −m (the drop is larger than allowed,
 *                  with the family-wise error rate of blocking held at α);
 * - `inconclusive` otherwise when max_drop is set and δ < −m (e ≤ m: the suite is powered
 *                  for m) or L < −m (e > m: it is not) — a warning with the numbers;
 * - `pass`         otherwise. A min-only floor is judged on its mean alone; its p tests
 *                  "no drop" and, below α with δ < 0, is said in the message (significantDrop).
 *
 * That is {@link decide} (src/retrieval/decision.ts), the rule staging judges by as well.
 * The same seed gives the same verdict; each metric draws from its own derived stream.
 *
 * @throws EvaluationError when a metric's baseline and candidate cover different queries,
 *   no query, or a non-finite score.
 */
export function regressionVerdict(
  metrics: readonly MetricScores[],
  options: VerdictOptions,
): RegressionVerdict {
  const { alpha = 0.05, seed, iterations = 10000, permutations = 10000, worst = 10 } = options;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);

  const prepared = metrics.map((s) => {
    const { qids, base, cand } = pairScores(s);
    const deltas = cand.map((c, i) => c - base[i]!);
    // Named by metric alone, not position: listing another floor before this one must not
    // move its draws (two floors on one metric share data, and may share draws too).
    const label = s.rule.metric;
    const ci = pairedBootstrapCI(deltas, {
      iterations,
      level: 1 - alpha,
      seed: deriveSeed(seed, `${label}:bootstrap`),
    });
    const p = signFlipTest(deltas, {
      permutations,
      seed: deriveSeed(seed, `${label}:sign-flip`),
      alternative: 'less',
      margin: s.rule.max_drop ?? 0,
    });
    return { s, qids, base, cand, deltas, ci, p };
  });
  // Only a test that can block belongs to the family whose error rate Holm holds at α: a
  // min-only floor's p (H0 "no drop") never blocks, and letting it in would make another
  // floor's verdict depend on whether an unrelated min-only floor is listed.
  const gated = prepared.flatMap((m, k) => (m.s.rule.max_drop !== undefined ? [k] : []));
  const adjustedGated = holmBonferroni(gated.map((k) => prepared[k]!.p));
  const adjusted = new Map(gated.map((k, j) => [k, adjustedGated[j]!]));
  const family = gated.length;

  const verdicts = prepared.map(({ s, qids, base, cand, deltas, ci, p }, k): MetricVerdict => {
    const { metric, min, max_drop: maxDrop } = s.rule;
    const pHolm = adjusted.get(k);
    const baselineMean = mean(base);
    const candidateMean = mean(cand);
    const delta = ci.mean;
    const n = qids.length;
    const level = `${percent(ci.level)} CI ${interval(ci)}`;
    const change = `${metric} changed by ${signed(delta)} (${score(baselineMean)} → ${score(candidateMean)}; ${level}, n = ${count(n)})`;
    let power: FloorPower | undefined;
    if (maxDrop !== undefined) {
      const mde = minimumDetectableDrop(sampleSd(deltas) / Math.sqrt(n), { alpha, family });
      power = {
        mde,
        powered: isPowered(Number.isNaN(mde) ? undefined : mde, maxDrop),
        queriesNeeded: unitsNeeded(n, mde, maxDrop),
        family,
      };
    }
    const decision = decide({
      direction: 'higher-is-better',
      candidate: candidateMean,
      paired: {
        baseline: baselineMean,
        delta,
        low: ci.low,
        high: ci.high,
        p,
        ...(pHolm !== undefined && { pAdjusted: pHolm }),
        alpha,
        ...(power && !Number.isNaN(power.mde) && { mde: power.mde }),
      },
      ...(min !== undefined && { min }),
      ...(maxDrop !== undefined && { maxDrop }),
    });
    const significantDrop = maxDrop === undefined && p < alpha && delta < 0;
    const pText = (relation: string) =>
      pHolm === undefined || family === 1
        ? `p = ${pValue(p)}${relation} α = ${alpha}`
        : `p = ${pValue(p)}, Holm-adjusted over ${family} floors ${pValue(pHolm)}${relation} α = ${alpha}`;
    let message: string;
    if (decision.by === 'min')
      message = floorMessage(metric, 'min', min!, candidateMean, baselineMean);
    else if (maxDrop === undefined)
      message = significantDrop
        ? `${change}: a significant drop (p = ${pValue(p)} < α = ${alpha}, one-sided test of no drop, not adjusted), which this floor does not limit: it sets only min = ${score(min!)}`
        : change;
    else if (decision.status === 'fail')
      message = `${change}: a drop larger than the allowed ${score(maxDrop)} (${pText(' <')})`;
    else if (decision.status === 'inconclusive')
      message =
        ci.high < -maxDrop
          ? `${change}: the whole CI lies below -${score(maxDrop)}, yet the drop beyond the allowed ${score(maxDrop)} is not significant${family > 1 ? " after Holm's adjustment" : ''} (${pText(' ≥')})`
          : power?.powered
            ? `${change}: the mean dropped by more than the allowed ${score(maxDrop)}, but not significantly (${pText(' ≥')})`
            : `${change}: the suite cannot rule out a drop larger than the allowed ${score(maxDrop)} (the CI reaches below -${score(maxDrop)}; ${pText(' ≥')})`;
    else message = `${change}, within the allowed drop of ${score(maxDrop)}`;
    const regressed = qids
      .map((qid, i) => ({ qid, baseline: base[i]!, candidate: cand[i]!, delta: deltas[i]! }))
      .filter((q) => q.delta < 0)
      .sort((a, b) => a.delta - b.delta || compareBytes(a.qid, b.qid))
      .slice(0, worst);
    return {
      metric,
      status: decision.status,
      message,
      queries: n,
      baselineMean,
      candidateMean,
      delta,
      ci,
      p,
      ...(pHolm !== undefined && { pHolm }),
      ...(significantDrop && { significantDrop }),
      ...(power && { power }),
      ...(min !== undefined ? { min } : {}),
      ...(maxDrop !== undefined ? { maxDrop } : {}),
      worst: regressed,
    };
  });

  const status: VerdictStatus = verdicts.some((v) => v.status === 'fail')
    ? 'fail'
    : verdicts.some((v) => v.status === 'inconclusive')
      ? 'inconclusive'
      : 'pass';
  return { status, alpha, seed, metrics: verdicts };
}
