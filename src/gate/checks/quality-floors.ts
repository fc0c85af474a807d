/**
 * Consumers' quality floors on one suite: paired, significance-tested verdicts per metric
 * (src/retrieval/regression.ts), table rows for the report, and the findings that block.
 * Findings carry their natural severity and the consumer; whether a pending consumer's
 * finding blocks is decided once, in judgeFindings (src/gate/judge.ts).
 */
import { decide } from '../../retrieval/decision.js';
import { regressionVerdict, type MetricRule } from '../../retrieval/regression.js';
import { mean } from '../../retrieval/stats.js';
import type { BenchmarkResult, SuiteReport } from '../report-model.js';
import type { LoadedContract, QualityFloor } from '../../config/contract.js';
import type { Finding } from '../../config/findings.js';
import { score } from '../../config/numbers.js';

/** A floor with the contract that states it and its index in `quality`, for locations. */
export interface Located {
  readonly floor: QualityFloor;
  readonly contract: LoadedContract;
  readonly index: number;
}

/** The mean of per-query scores. */
export function meanOf(scores: ReadonlyMap<string, number>): number {
  return mean(Float64Array.from(scores.values()));
}

/** Per-query scores by metric name, then query id. */
export type ScoresByMetric = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Every consumer's floors on one suite → table rows, most regressed queries, findings. */
export function judgeConsumers(
  seed: number,
  suite: string,
  floors: readonly Located[],
  cand: ScoresByMetric,
  base: ScoresByMetric | undefined,
  findings: Finding[],
): { rows: BenchmarkResult[]; regressions: SuiteReport['regressions'][number][] } {
  const byContract = new Map<LoadedContract, Located[]>();
  for (const f of floors) byContract.set(f.contract, [...(byContract.get(f.contract) ?? []), f]);
  const rows: BenchmarkResult[] = [];
  const regressions: SuiteReport['regressions'][number][] = [];
  const contracts = [...byContract].sort(([a], [b]) =>
    a.contract!.consumer.localeCompare(b.contract!.consumer),
  );
  for (const [contract, located] of contracts) {
    const c = contract.contract!;
    const where = (l: Located) => contract.doc.locate(['quality', l.index]);
    if (!base) {
      // Without a baseline only absolute floors can be judged; a max_drop stays unverified.
      for (const l of located) {
        const candidateMean = meanOf(cand.get(l.floor.metric)!);
        const decision = decide({
          direction: 'higher-is-better',
          candidate: candidateMean,
          ...(l.floor.min !== undefined && { min: l.floor.min }),
        });
        if (decision.status === 'fail') {
          findings.push({
            id: 'bench.regression',
            severity: 'error',
            consumer: c.consumer,
            message: `${c.consumer} requires ${l.floor.metric} ≥ ${score(l.floor.min)} on ${suite}, candidate scores ${score(candidateMean)}`,
            location: where(l),
          });
        }
        if (l.floor.max_drop !== undefined) {
          findings.push({
            id: 'bench.no-baseline',
            severity: 'warning',
            consumer: c.consumer,
            message: `${c.consumer} allows a drop of at most ${l.floor.max_drop} in ${l.floor.metric} on ${suite}; that needs a baseline with query embeddings for this suite, so it was not verified`,
            location: where(l),
          });
        }
      }
      continue;
    }
    const rules: MetricRule[] = located.map((l) => l.floor);
    const verdict = regressionVerdict(
      rules.map((rule) => ({
        rule,
        baseline: base.get(rule.metric)!,
        candidate: cand.get(rule.metric)!,
      })),
      { seed },
    );
    verdict.metrics.forEach((m, i) => {
      rows.push({
        suite,
        consumer: c.consumer,
        metric: m.metric,
        baseline: m.baselineMean,
        candidate: m.candidateMean,
        delta: m.delta,
        ci: { low: m.ci.low, high: m.ci.high, level: m.ci.level },
        status: m.status,
        p: m.p,
        pHolm: m.pHolm,
        ...(m.min !== undefined && { min: m.min }),
        ...(m.maxDrop !== undefined && { maxDrop: m.maxDrop }),
      });
      if (m.worst.length)
        regressions.push({ consumer: c.consumer, metric: m.metric, worst: m.worst });
      if (m.status === 'pass') return;
      findings.push({
        id: m.status === 'fail' ? 'bench.regression' : 'bench.inconclusive',
        severity: m.status === 'fail' ? 'error' : 'warning',
        consumer: c.consumer,
        message: `${c.consumer} on ${suite}: ${m.message}`,
        location: where(located[i]!),
        expected: { min: m.min, max_drop: m.maxDrop },
        found: {
          baseline: m.baselineMean,
          candidate: m.candidateMean,
          delta: m.delta,
          ci: [m.ci.low, m.ci.high],
          p: m.pHolm,
        },
      });
    });
  }
  return { rows, regressions };
}
