/**
 * The engine: resolve the plan (every file but the vectors, loaded and checked), then run
 * the steps in order — scan, vectors checks, consumers, benchmarks, staging, baseline,
 * versioning — judge the findings once, and build one report. No process, no console, no
 * @actions, no file written here: the edges (cli/, action/) do that.
 */
import type { Finding } from '../config/findings.js';
import { sortFindings } from '../config/findings.js';
import type { LoadedManifest } from '../config/manifest.js';
import { MAX_SAMPLE, readWhole, type SampleReader } from '../release/compat.js';
import { effectiveCompatibility, runVersioning } from '../release/versioning.js';
import { stagingStep } from '../staging/step.js';
import { benchmarkStep, type EvaluatedRun } from './benchmark-step.js';
import {
  baselineStep,
  consumersStep,
  idsStep,
  scannedVersion,
  scanStep,
  stagingInput,
  type Scans,
} from './steps.js';
import { checkPlaceholders } from './checks/placeholders.js';
import { judgeFindings, pendingConsumers } from './judge.js';
import { observeStep, type StepFacts } from './observer.js';
import { candidatesReader, keepFor, type SampleCandidates } from './shard-sample.js';
import { runtimeFindings, trackRuntime } from './runtime-use.js';
import {
  resolvePlan,
  type GateDeps,
  type GatePlan,
  type ResolvedPlan,
  type ScanRequest,
} from './plan.js';
import {
  countFindings,
  decideVerdict,
  REPORT_SCHEMA_VERSION,
  type Report,
  type VectorSummary,
  type VersionInfo,
} from './report-model.js';

/** What one gate run produced: the report, and the runs it evaluated when asked to keep them. */
export interface GateOutcome {
  readonly report: Report;
  /** Every evaluated TREC run, when the request set `keepRuns` (`--write-run` writes them). */
  readonly runs: readonly EvaluatedRun[];
}

/**
 * Runs the gate. Throws ConfigError (exit 2) from {@link resolvePlan} — before any vector
 * byte is read — when a named file cannot be read or parsed or a path escapes the
 * workspace; every other problem is a finding in the report.
 */
export async function runGate(request: GatePlan, deps: GateDeps): Promise<GateOutcome> {
  const plan = await observeStep(
    deps.observer,
    'plan',
    () => resolvePlan(request),
    (p) => ({
      candidate: p.candidate.loaded.doc.file,
      baseline: p.baseline?.loaded.doc.file,
      contracts: p.contracts.length,
      suites: p.suites.length,
      registry: p.registry ? 'yes' : undefined,
      waivers: p.waivers ? 'yes' : undefined,
      workspace: request.workspace,
    }),
  );
  return executePlan(plan, deps);
}

/** The facts of a scanned vectors file worth a debug line. */
function scanFacts(side: string, v: VectorSummary | undefined): StepFacts {
  if (!v) return { [side]: 'unreadable or absent' };
  const key = (fact: string) => side + '.' + fact;
  return {
    [key('file')]: v.file,
    [key('format')]: v.format,
    [key('rows')]: v.rows,
    [key('dims')]: v.dims,
    [key('bytes')]: v.bytes,
  };
}

/**
 * Runs every step of a resolved plan in order, then judges the findings once. Findings are
 * collected in step order, which the final sort keeps for findings of equal rank.
 */
export async function executePlan(plan: ResolvedPlan, givenDeps: GateDeps): Promise<GateOutcome> {
  const { request, candidate, baseline, contracts } = plan;
  // Every step that may run ONNX loads it through one tracked loader: the report says which ran.
  const runtime = trackRuntime(givenDeps.ort);
  const deps: GateDeps = { ...givenDeps, ort: runtime.ort };
  const findings: Finding[] = [
    ...candidate.loaded.findings,
    ...(baseline?.loaded.findings ?? []),
    ...contracts.flatMap((c) => c.findings),
  ];
  findings.push(
    ...checkPlaceholders([candidate.loaded, ...(baseline ? [baseline.loaded] : [])], contracts),
  );
  const o = deps.observer;
  const sample = sampleToKeep(plan, deps);
  const scans = await observeStep(
    o,
    'scan',
    () => scanStep(plan, deps, findings, sample),
    (s) => ({
      ...scanFacts('candidate', s.candidate?.summary),
      ...(plan.baseline ? scanFacts('baseline', s.baseline?.summary) : {}),
    }),
  );
  const ids = idsStep(plan, scans);
  const consumers = await observeStep(
    o,
    'consumers',
    () => consumersStep(plan, scans.candidate?.summary, findings, ids?.coverage),
    (c) => ({ consumers: c.length, satisfied: c.filter((x) => x.satisfied).length }),
  );

  // Benchmarks and staging read the same vectors again: only when the scan found them readable.
  const readableBaseline = scans.baseline ? baseline : undefined;
  const bench = scans.candidate
    ? await observeStep(
        o,
        'benchmarks',
        () => benchmarkStep(plan, deps, readableBaseline),
        (b) => ({ suites: plan.suites.length, rows: b?.rows.length ?? 0 }),
      )
    : undefined;
  if (bench) findings.push(...bench.findings);
  const staging = scans.candidate
    ? await observeStep(
        o,
        'staging',
        () => stagingStep(stagingInput(plan, deps, readableBaseline)),
        (s) => ({ findings: s?.findings.length ?? 0 }),
      )
    : undefined;
  if (staging) findings.push(...staging.findings);

  const compared = await observeStep(
    o,
    'baseline',
    () => baselineStep(plan, ids, findings),
    (c) => ({ changes: c.changes?.length, missing: c.coverage?.missing }),
  );
  const versioning = await observeStep(
    o,
    'versioning',
    () =>
      runVersioning({
        workspace: request.workspace,
        cwd: request.cwd,
        registry: plan.registry,
        pointers: plan.pointers,
        compatibility: request.compatibility,
        candidate: scannedVersion(candidate, scans.candidate),
        baseline: baseline && scannedVersion(baseline, scans.baseline),
        contracts,
        now: (deps.now ?? (() => new Date()))(),
        open: deps.openVectors,
        openSource: deps.openSource,
        ort: runtime.ort,
        ...((deps.compatibilitySample || sample) && {
          readSample: deps.compatibilitySample ?? sampleReader(plan, scans, deps),
        }),
        suites: bench?.suites,
        ...(plan.baselineChannel && { channel: plan.baselineChannel.channel }),
      }),
    (v) => ({ requiredBump: v.requiredBump?.level, findings: v.findings.length }),
  );
  findings.push(...versioning.findings);
  const onnxRuntime = runtime.record() ?? givenDeps.shardsRuntime;
  findings.push(...runtimeFindings(onnxRuntime));

  o?.stepStarted('judge', { findings: findings.length });
  const judged = judgeFindings(findings, {
    waivers: plan.waivers,
    override: request.override,
    failOn: request.failOn,
    now: deps.now ?? (() => new Date()),
    pendingConsumers: pendingConsumers(contracts),
    paths: { workspace: request.workspace, cwd: request.cwd },
  });
  const sorted = sortFindings(judged.findings);
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'embedding-gate', version: deps.toolVersion },
    verdict: decideVerdict(sorted, request.failOn),
    failOn: request.failOn,
    candidate: {
      ...versionInfo(candidate.loaded, scans.candidate?.summary),
      ...(versioning.candidateManifestSha256
        ? { manifestSha256: versioning.candidateManifestSha256 }
        : {}),
    },
    ...(baseline ? { baseline: versionInfo(baseline.loaded, scans.baseline?.summary) } : {}),
    consumers,
    ...(compared.changes ? { changes: compared.changes } : {}),
    ...(compared.coverage ? { coverage: compared.coverage } : {}),
    ...(bench?.rows.length ? { benchmarks: bench.rows } : {}),
    ...(bench?.suites.length ? { suites: bench.suites } : {}),
    ...(staging ? { staging: staging.report } : {}),
    ...(versioning.requiredBump ? { requiredBump: versioning.requiredBump } : {}),
    ...(versioning.compatibility ? { compatibility: versioning.compatibility } : {}),
    ...(versioning.pins ? { pins: versioning.pins } : {}),
    ...(versioning.lineage ? { lineage: versioning.lineage } : {}),
    findings: sorted,
    counts: countFindings(sorted),
    ...(judged.override ? { override: judged.override } : {}),
    ...(onnxRuntime ? { onnxRuntime } : {}),
  };
  o?.stepFinished('judge', {
    verdict: report.verdict,
    errors: report.counts.error,
    warnings: report.counts.warning,
    info: report.counts.info,
  });
  return { report, runs: bench?.runs ?? [] };
}

function versionInfo(loaded: LoadedManifest, vectors: VectorSummary | undefined): VersionInfo {
  const m = loaded.manifest;
  if (!m) return { manifest: loaded.doc.file };
  return {
    manifest: loaded.doc.file,
    name: m.name,
    version: m.version,
    tag: m.tag,
    model: `${m.model.name}@${m.model.revision}`,
    dims: m.dims,
    dtype: m.dtype,
    normalization: m.normalization,
    metric: m.metric,
    ...(vectors ? { vectors } : {}),
    created: m.created,
    dataset: m.inputs.dataset,
    ...(m.preprocessing ? { preprocessing: m.preprocessing } : {}),
    ...(m.parameters ? { parameters: m.parameters } : {}),
  };
}

/**
 * What the scans keep for the compatibility sample: one shard's worth of candidates (2n + 64
 * rows per version), unless the sample is read elsewhere (a merge answers from its shards')
 * or not at all (no vectors opener).
 */
export function sampleToKeep(plan: ResolvedPlan, deps: GateDeps): ScanRequest['sample'] {
  if (deps.compatibilitySample || !deps.openVectors) return undefined;
  const compat = effectiveCompatibility(plan.registry, plan.request.compatibility);
  return {
    seed: compat.seed,
    keep: keepFor(Math.min(Math.max(compat.sampleSize, 1), MAX_SAMPLE), 1),
  };
}

/**
 * The compatibility sample's reader for a single run: the rows from the scans' kept candidates
 * when they hold every sampled key for sure (gate/shard-sample.ts, the shards' rule), else the
 * file read again (few shared keys, or a scan that kept none).
 */
export function sampleReader(plan: ResolvedPlan, scans: Scans, deps: GateDeps): SampleReader {
  const byPath = new Map<string, (SampleCandidates | undefined)[]>();
  for (const side of ['candidate', 'baseline'] as const) {
    const path = plan[side]?.vectors?.path;
    if (path) byPath.set(path, [scans[side]?.sample]);
  }
  return candidatesReader(byPath, readWhole(deps.openVectors!));
}
