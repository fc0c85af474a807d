/**
 * Consumers' quality floors on one suite: paired, significance-tested verdicts per metric
 * (src/retrieval/regression.ts), table rows for the report, and the findings that block.
 * Findings carry their natural severity and the consumer; whether a pending consumer's
 * finding blocks is decided once, in judgeFindings (src/gate/judge.ts).
 */
import { decide } from '../../retrieval/decision.js';
import {
  regressionVerdict,
  type FloorPower,
  type MetricRule,
  type MetricVerdict,
} from '../../retrieval/regression.js';
import { mean } from '../../retrieval/stats.js';
import type { BenchmarkResult, SuiteReport } from '../report-model.js';
import type { LoadedContract, QualityFloor } from '../../config/contract.js';
import type { Finding } from '../../config/findings.js';
import { count, score } from '../../config/numbers.js';

/** Why a floor's suite cannot resolve its max_drop, and what would. */
function underpoweredMessage(
  metric: string,
  maxDrop: number,
  power: FloorPower,
  queries: number,
): string {
  const what = `${metric} allows a drop of ${score(maxDrop)}, but`;
  if (!Number.isFinite(power.mde))
    return `${what} ${count(queries)} judged queries give no spread to estimate the suite's power from`;
  const family = power.family > 1 ? `, α/${power.family} for Holm over ${power.family} floors` : '';
  return (
    `${what} the suite blocks drops only from ${score(maxDrop + power.mde)} on with 80% power ` +
    `(minimum detectable effect ${score(power.mde)} beyond max_drop at α = 0.05${family}, n = ${count(queries)}); ` +
    `about ${count(power.queriesNeeded)} judged queries would resolve max_drop ${score(maxDrop)}`
  );
}

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
      const floor = located[i]!.floor;
      const block = floor.on_inconclusive === 'block';
      const power = m.power;
      const mde = power && Number.isFinite(power.mde) ? power.mde : undefined;
      rows.push({
        suite,
        consumer: c.consumer,
        metric: m.metric,
        baseline: m.baselineMean,
        candidate: m.candidateMean,
        delta: m.delta,
        ci: { low: m.ci.low, high: m.ci.high, level: m.ci.level },
        status: m.status,
        queries: m.queries,
        p: m.p,
        ...(m.pHolm !== undefined && { pHolm: m.pHolm }),
        ...(m.min !== undefined && { min: m.min }),
        ...(m.maxDrop !== undefined && { maxDrop: m.maxDrop }),
        ...(mde !== undefined && { mde }),
        ...(power &&
          !power.powered &&
          Number.isFinite(power.queriesNeeded) && {
            queriesNeeded: power.queriesNeeded,
          }),
        ...(block && m.maxDrop !== undefined && { onInconclusive: 'block' as const }),
      });
      if (m.worst.length)
        regressions.push({ consumer: c.consumer, metric: m.metric, worst: m.worst });
      findings.push(...floorFindings(m, floor, c.consumer, suite, where(located[i]!)));
    });
  }
  return { rows, regressions };
}

/**
 * The findings of one floor's verdict: `bench.regression` for a fail; `bench.inconclusive`
 * for an inconclusive outcome (an error with `on_inconclusive: block`); `bench.underpowered`
 * when the suite cannot resolve the floor's max_drop, which also tells an inconclusive
 * outcome under `warn` — a harmless re-run of such a suite is inconclusive more often than
 * not, and one warning that says why is enough; `bench.significant-drop` (info) when a
 * min-only floor passes over a significant drop.
 */
export function floorFindings(
  m: MetricVerdict,
  floor: QualityFloor,
  consumer: string,
  suite: string,
  location?: Finding['location'],
): Finding[] {
  const block = floor.on_inconclusive === 'block' && m.maxDrop !== undefined;
  const power = m.power;
  const mde = power && Number.isFinite(power.mde) ? power.mde : undefined;
  const base = {
    consumer,
    ...(location && { location }),
    expected: { min: m.min, max_drop: m.maxDrop, ...(block && { on_inconclusive: 'block' }) },
    found: {
      baseline: m.baselineMean,
      candidate: m.candidateMean,
      delta: m.delta,
      ci: [m.ci.low, m.ci.high],
      p: m.p,
      ...(m.pHolm !== undefined && { pHolm: m.pHolm }),
      ...(mde !== undefined && { mde }),
    },
  };
  const out: Finding[] = [];
  const underpowered = power !== undefined && !power.powered;
  const folded = m.status === 'inconclusive' && !block && underpowered;
  const said = `${consumer} on ${suite}: ${m.message}`;
  if (m.status === 'fail')
    out.push({ id: 'bench.regression', severity: 'error', message: said, ...base });
  else if (m.status === 'inconclusive' && !folded)
    out.push({
      id: 'bench.inconclusive',
      severity: block ? 'error' : 'warning',
      message: block ? `${said} (on_inconclusive: block)` : said,
      ...base,
    });
  if (underpowered) {
    const why = underpoweredMessage(m.metric, m.maxDrop!, power, m.queries);
    out.push({
      id: 'bench.underpowered',
      severity: 'warning',
      message: `${consumer} on ${suite}: ${why}${folded ? `. This run is inconclusive: ${m.message}` : ''}`,
      ...base,
    });
  }
  if (m.significantDrop)
    out.push({ id: 'bench.significant-drop', severity: 'info', message: said, ...base });
  return out;
}
