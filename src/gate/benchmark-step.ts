/**
 * The benchmark step of the gate: gather the suites (from `--suites` and the candidate
 * manifest), the consumers' floors, both sides' vectors, and run the regression checks.
 */
import { relative, resolve } from 'node:path';
import { discoverSuites, loadSuite, type LoadedSuite } from '../config/suite.js';
import type { LoadedManifest } from '../config/manifest.js';
import type { BenchmarkResult, SuiteReport } from './report-model.js';
import { openVectors } from '../vectors/open.js';
import { runBenchmarks } from './checks/benchmarks.js';
import type { LoadedContract } from '../config/contract.js';
import type { Finding } from '../config/findings.js';
import { declaredVectors, resolveInWorkspace } from '../config/paths.js';
import { DEFAULT_SEED, type GateDeps, type GatePlan } from './plan.js';

/**
 * Loads every suite and runs the benchmarks when there is anything to run: a suite to
 * evaluate, or a consumer floor to judge. Returns undefined when there is neither.
 */
export async function benchmarkStep(
  plan: GatePlan,
  deps: GateDeps,
  candidate: LoadedManifest,
  baseline: LoadedManifest | undefined,
  contracts: readonly LoadedContract[],
): Promise<{ suites: SuiteReport[]; rows: BenchmarkResult[]; findings: Finding[] } | undefined> {
  const manifest = candidate.manifest!;
  const applicable = contracts.filter((c) => c.contract && c.contract.embedding === manifest.name);
  const files = new Map<string, string>();
  for (const file of await discoverSuites(plan.suites ?? [], plan.cwd))
    files.set(resolve(plan.cwd, file), file);
  const recorded = new Map<string, Readonly<Record<string, number>>>();
  const recordedByPath = new Map<string, Readonly<Record<string, number>>>();
  (manifest.suites ?? []).forEach((entry, index) => {
    const path = resolveInWorkspace(
      candidate.doc,
      ['suites', index, 'path'],
      entry.path,
      plan.workspace,
    );
    files.set(path, relative(plan.cwd, path) || path);
    if (entry.results) recordedByPath.set(path, entry.results);
  });
  if (files.size === 0 && !applicable.some((c) => c.contract!.quality?.length)) return undefined;

  const findings: Finding[] = [];
  const suites: LoadedSuite[] = [];
  for (const [path, display] of [...files].sort(([, a], [, b]) => a.localeCompare(b))) {
    const loaded = await loadSuite(display, plan.cwd);
    findings.push(...loaded.findings);
    suites.push(loaded);
    const results = recordedByPath.get(path);
    if (loaded.suite && results) recorded.set(loaded.suite.suite, results);
  }
  const side = (loaded: LoadedManifest) => ({
    manifest: loaded.manifest!,
    vectors: declaredVectors(loaded, loaded.manifest!, plan),
  });
  const outcome = await runBenchmarks({
    candidate: side(candidate),
    ...(baseline?.manifest && { baseline: side(baseline) }),
    contracts: applicable,
    suites,
    recorded,
    workspace: plan.workspace,
    cwd: plan.cwd,
    seed: plan.seed ?? DEFAULT_SEED,
    writeRuns: plan.writeRuns,
    openVectors: deps.openVectors ?? openVectors,
  });
  return { ...outcome, findings: [...findings, ...outcome.findings] };
}
