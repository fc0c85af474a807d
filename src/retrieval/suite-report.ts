/** What the gate measured on a benchmark suite, as the report carries it. */

/** One metric of one benchmark suite, baseline against candidate. */
export interface BenchmarkResult {
  readonly suite: string;
  readonly consumer?: string;
  readonly metric: string;
  readonly baseline: number;
  readonly candidate: number;
  /** candidate − baseline (negative: the candidate is worse). */
  readonly delta: number;
  /** Confidence interval of the delta. */
  readonly ci?: { readonly low: number; readonly high: number; readonly level: number };
  readonly status: 'pass' | 'inconclusive' | 'fail';
  /** Judged queries the means are over. */
  readonly queries?: number;
  /** Raw one-sided sign-flip p of H0: delta ≥ −max_drop (H0 "no drop" on a min-only floor). */
  readonly p?: number;
  /**
   * `p` Holm-adjusted over the consumer's floors on this suite that have max_drop (the tests
   * that can block); absent on a min-only floor, which is judged on its mean alone.
   */
  readonly pHolm?: number;
  readonly min?: number;
  readonly maxDrop?: number;
  /**
   * Floors with max_drop: the drop beyond max_drop blocked with 80% power at α = 0.05
   * (one-sided, α/k over a Holm family of k). A drop of maxDrop + mde is blocked 80% of the time.
   */
  readonly mde?: number;
  /** Floors with max_drop and mde > maxDrop: queries that would bring mde down to maxDrop. */
  readonly queriesNeeded?: number;
  /** The floor's `on_inconclusive` when it is `block`. */
  readonly onInconclusive?: 'block';
}

/** Everything measured on one benchmark suite. */
export interface SuiteReport {
  readonly suite: string;
  readonly file: string;
  /** Judged queries. */
  readonly queries: number;
  /** Documents retrieved per query. */
  readonly k: number;
  /** Seed of the bootstrap and permutation draws: the same seed gives the same verdict. */
  readonly seed: number;
  readonly candidate: { readonly version: string; readonly metric: string };
  readonly baseline?: { readonly version: string; readonly metric: string };
  /** Mean score per metric; `recorded` is what the candidate manifest claims. */
  readonly scores: readonly {
    readonly metric: string;
    readonly candidate: number;
    readonly baseline?: number;
    readonly delta?: number;
    readonly recorded?: number;
  }[];
  /**
   * Cross-version retrieval (same dims only): new queries against the old corpus and old
   * queries against the new corpus, beside the same-version scores. Backward-compatible
   * representation learning asks cross-version ≥ old-with-old.
   */
  readonly cross?: readonly {
    readonly metric: string;
    readonly baselineBaseline: number;
    readonly candidateCandidate: number;
    readonly candidateQueriesBaselineCorpus: number;
    readonly baselineQueriesCandidateCorpus: number;
  }[];
  /**
   * Every judged query's score per metric (qids sorted; `baseline[i]` and `candidate[i]` are
   * query `qids[i]`'s), so the HTML report can plot per-query deltas. 10,000 queries and
   * three metrics add about 0.6 MB to the JSON report.
   */
  readonly perQuery?: {
    readonly qids: readonly string[];
    readonly metrics: readonly {
      readonly metric: string;
      readonly candidate: readonly number[];
      readonly baseline?: readonly number[];
    }[];
  };
  /** Per consumer and metric with a baseline: the queries that regressed most, worst first. */
  readonly regressions: readonly {
    readonly consumer: string;
    readonly metric: string;
    readonly worst: readonly {
      readonly qid: string;
      readonly baseline: number;
      readonly candidate: number;
      readonly delta: number;
    }[];
  }[];
}
