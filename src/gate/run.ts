/**
 * The engine: resolve the plan (every file but the vectors, loaded and checked), then run
 * the steps in order — scan, vectors checks, consumers, benchmarks, staging, baseline,
 * versioning — judge the findings once, and build one report. No process, no console, no
 * @actions, no file written here: the edges (cli/, action/) do that.
 */
import { sha256File } from '../sources/hash.js';
import type { Finding } from '../config/findings.js';
import { sortFindings } from '../config/findings.js';
import type { LoadedManifest } from '../config/manifest.js';
import { runVersioning } from '../release/versioning.js';
import { stagingStep, stagingVersion } from '../staging/step.js';
import { VectorFileError } from '../vectors/types.js';
import { benchmarkStep, type EvaluatedRun } from './benchmark-step.js';
import { compareIds, compareManifests } from './checks/baseline.js';
import { checkConsumer } from './checks/consumers.js';
import { checkVectors, MANIFEST_NORM_TOLERANCE, unreadableFinding } from './checks/vectors.js';
import { judgeFindings, pendingConsumers } from './judge.js';
import {
  resolvePlan,
  type GateDeps,
  type GatePlan,
  type ResolvedPlan,
  type ResolvedVersion,
  type ScanOutcome,
} from './plan.js';
import {
  countFindings,
  decideVerdict,
  REPORT_SCHEMA_VERSION,
  type ConsumerResult,
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
  return executePlan(await resolvePlan(request), deps);
}

/** Runs every step of a resolved plan and judges the findings once. */
export async function executePlan(plan: ResolvedPlan, deps: GateDeps): Promise<GateOutcome> {
  const { request, candidate, baseline, contracts } = plan;
  const findings: Finding[] = [
    ...candidate.loaded.findings,
    ...(baseline?.loaded.findings ?? []),
    ...contracts.flatMap((c) => c.findings),
  ];
  const cm = candidate.loaded.manifest;

  const wantIds = Boolean(baseline?.loaded.manifest && cm);
  const candidateScan = await scanVersion(candidate, deps, wantIds, findings);
  const baselineScan = baseline && (await scanVersion(baseline, deps, wantIds, findings));

  if (cm && candidateScan) {
    findings.push(
      ...checkVectors(
        { ...cm, locate: (field) => candidate.loaded.doc.locate(field) },
        candidateScan.summary,
        candidateScan.outOfTolerance,
      ),
    );
  }

  const consumers: ConsumerResult[] = [];
  if (cm) {
    for (const c of contracts) {
      if (!c.contract) continue;
      const { result, findings: f } = checkConsumer(c, cm, candidateScan?.summary);
      consumers.push(result);
      findings.push(...f);
    }
    const active = consumers.filter((c) => c.applies && c.status === 'active');
    if (contracts.length > 0 && active.length === 0 && contracts.every((c) => c.contract)) {
      findings.push({
        id: 'contract.none-active',
        severity: 'warning',
        message: `no active consumer contract names embedding "${cm.name}"; nothing downstream vouches for this version`,
        location: candidate.loaded.doc.locate(['name']),
      });
    }
  }

  // Benchmarks and staging read the same vectors again: only when the scan found them readable.
  const readableBaseline = baselineScan ? baseline : undefined;
  const bench = candidateScan ? await benchmarkStep(plan, deps, readableBaseline) : undefined;
  if (bench) findings.push(...bench.findings);

  const staging =
    cm && candidateScan
      ? await stagingStep({
          workspace: request.workspace,
          cwd: request.cwd,
          seed: plan.seed,
          limits: request.staging,
          ort: deps.ort,
          openVectors: deps.openVectors,
          openSource: deps.openSource,
          candidate: stagingVersion(candidate.loaded, candidate.vectors!),
          baseline:
            readableBaseline && stagingVersion(readableBaseline.loaded, readableBaseline.vectors!),
          contracts,
        })
      : undefined;
  if (staging) findings.push(...staging.findings);

  let changes: Report['changes'];
  let coverage: Report['coverage'];
  const bm = baseline?.loaded.manifest;
  if (bm && cm) {
    const compared = compareManifests(bm, cm, candidate.loaded.doc);
    changes = compared.changes;
    findings.push(...compared.findings);
    if (candidateScan?.ids && baselineScan?.ids) {
      const ids = compareIds(baselineScan.ids, candidateScan.ids, candidateScan.summary.file);
      coverage = ids.coverage;
      findings.push(...ids.findings);
    }
  }

  const versioning = await runVersioning({
    workspace: request.workspace,
    cwd: request.cwd,
    registry: plan.registry,
    pointers: plan.pointers,
    compatibility: request.compatibility,
    candidate: {
      loaded: candidate.loaded,
      vectors: candidate.vectors,
      rows: candidateScan?.summary.rows,
      ids: candidateScan?.ids,
    },
    baseline: baseline && {
      loaded: baseline.loaded,
      vectors: baseline.vectors,
      rows: baselineScan?.summary.rows,
      ids: baselineScan?.ids,
    },
    contracts,
    now: (deps.now ?? (() => new Date()))(),
    open: deps.openVectors,
    suites: bench?.suites,
  });
  findings.push(...versioning.findings);

  const judged = judgeFindings(findings, {
    waivers: plan.waivers,
    override: request.override,
    failOn: request.failOn,
    now: deps.now ?? (() => new Date()),
    pendingConsumers: pendingConsumers(contracts),
  });
  const sorted = sortFindings(judged.findings);
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'embedding-gate', version: deps.toolVersion },
    verdict: decideVerdict(sorted, request.failOn),
    failOn: request.failOn,
    candidate: {
      ...versionInfo(candidate.loaded, candidateScan?.summary),
      ...(versioning.candidateManifestSha256
        ? { manifestSha256: versioning.candidateManifestSha256 }
        : {}),
    },
    ...(baseline ? { baseline: versionInfo(baseline.loaded, baselineScan?.summary) } : {}),
    consumers: consumers.sort((a, b) => a.consumer.localeCompare(b.consumer)),
    ...(changes ? { changes } : {}),
    ...(coverage ? { coverage } : {}),
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
  };
  return { report, runs: bench?.runs ?? [] };
}

/** Scans a version's declared vectors (and checks their recorded sha256); undefined when unreadable. */
async function scanVersion(
  version: ResolvedVersion,
  deps: GateDeps,
  collectIds: boolean,
  findings: Finding[],
): Promise<ScanOutcome | undefined> {
  const manifest = version.loaded.manifest;
  const vectors = version.vectors;
  if (!manifest || !vectors) return undefined;
  const declaredHash = manifest.vectors.sha256;
  const hashing = declaredHash
    ? sha256File(vectors.path, deps.openSource).catch(() => undefined)
    : undefined;
  let outcome: ScanOutcome | undefined;
  try {
    outcome = await deps.scan({
      path: vectors.path,
      displayPath: vectors.displayPath,
      open: vectors.open,
      expectUnitNorm: manifest.normalization === 'l2',
      normTolerance: MANIFEST_NORM_TOLERANCE,
      collectIds,
    });
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    findings.push(
      unreadableFinding(err, vectors.displayPath, `${manifest.name} ${manifest.version}`),
    );
  }
  const actual = await hashing;
  if (declaredHash && actual && actual !== declaredHash) {
    findings.push({
      id: 'vectors.sha256',
      severity: 'error',
      message:
        `manifest records sha256 ${declaredHash} for ${vectors.displayPath}, but the file hashes to ${actual}; ` +
        `the vectors changed after the manifest was written (released versions are immutable)`,
      location: version.loaded.doc.locate(['vectors', 'sha256']),
      expected: declaredHash,
      found: actual,
    });
  }
  return outcome;
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
