/**
 * The benchmark step of the gate: the plan's suites (from `--suites` and the candidate
 * manifest, already loaded with their qrels), the consumers' floors, both sides' vectors,
 * and the regression checks.
 */
import type { Finding } from '../config/findings.js';
import { openVectors } from '../vectors/open.js';
import { runBenchmarks, type EvaluatedRun } from './checks/benchmarks.js';
import { progressOf } from './observer.js';
import type { GateDeps, ResolvedPlan, ResolvedVersion } from './plan.js';
import type { BenchmarkResult, SuiteReport } from './report-model.js';

export type { EvaluatedRun } from './checks/benchmarks.js';

/**
 * Runs the benchmarks when there is anything to run: a suite to evaluate, or a consumer
 * floor to judge. Returns undefined when there is neither. `baseline` is given only when its
 * vectors were readable.
 */
export async function benchmarkStep(
  plan: ResolvedPlan,
  deps: GateDeps,
  baseline: ResolvedVersion | undefined,
): Promise<
  | { suites: SuiteReport[]; rows: BenchmarkResult[]; findings: Finding[]; runs: EvaluatedRun[] }
  | undefined
> {
  const candidate = plan.candidate;
  const manifest = candidate.loaded.manifest!;
  const applicable = plan.contracts.filter(
    (c) => c.contract && c.contract.embedding === manifest.name,
  );
  if (plan.suites.length === 0 && !applicable.some((c) => c.contract!.quality?.length))
    return undefined;

  const findings = plan.suites.flatMap((s) => s.loaded.findings);
  const side = (version: ResolvedVersion) => ({
    manifest: version.loaded.manifest!,
    vectors: version.vectors!,
  });
  const outcome = await runBenchmarks({
    candidate: side(candidate),
    ...(baseline?.loaded.manifest && { baseline: side(baseline) }),
    contracts: applicable,
    suites: plan.suites,
    seed: plan.seed,
    keepRuns: plan.request.keepRuns ?? false,
    openVectors: deps.openVectors ?? openVectors,
    ...(deps.ort && { ort: deps.ort }),
    progress: (what) => progressOf(deps.observer, 'benchmarks', 'corpus rows', `kNN ${what}`),
    ...(deps.benchmarkSearch && { search: deps.benchmarkSearch }),
  });
  return { ...outcome, findings: [...findings, ...outcome.findings] };
}
