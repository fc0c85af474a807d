/**
 * The engine: load the plan's files, scan the vectors, run every check, build one report.
 * No process, no console, no @actions here: the edges (cli/, action/) do that.
 */
import { sha256File } from '../fsutil/hash.js';
import type { Manifest, LoadedManifest } from '../config/manifest.js';
import { loadManifest } from '../config/manifest.js';
import { runVersioning } from '../release/versioning.js';
import {
  countFindings,
  decideVerdict,
  REPORT_SCHEMA_VERSION,
  type ConsumerResult,
  type Report,
  type VectorSummary,
  type VersionInfo,
} from './report-model.js';
import { VectorFileError } from '../vectors/types.js';
import { compareIds, compareManifests } from './checks/baseline.js';
import { checkConsumer } from './checks/consumers.js';
import { checkVectors, MANIFEST_NORM_TOLERANCE, unreadableFinding } from './checks/vectors.js';
import { discoverContracts, loadContract, type LoadedContract } from '../config/contract.js';
import { sortFindings, type Finding } from '../config/findings.js';
import { declaredVectors } from '../config/paths.js';
import { benchmarkStep } from './benchmark-step.js';
import { DEFAULT_SEED, type GateDeps, type GatePlan, type ScanOutcome } from './plan.js';
import { stagingStep } from '../staging/step.js';
import { judgeFindings, loadWaivers, pendingConsumers } from './judge.js';

/**
 * Runs the gate. Throws ConfigError (exit 2) when a named file cannot be read or parsed
 * or a path escapes the workspace; every other problem is a finding in the report.
 */
export async function runGate(plan: GatePlan, deps: GateDeps): Promise<Report> {
  const findings: Finding[] = [];
  const candidate = await loadManifest(plan.candidate, plan.cwd);
  const baseline = plan.baseline ? await loadManifest(plan.baseline, plan.cwd) : undefined;
  const contractFiles = await discoverContracts(plan.contracts, plan.cwd);
  const waivers = plan.waivers ? await loadWaivers(plan.waivers, plan.cwd) : undefined;
  const contracts: LoadedContract[] = [];
  for (const file of contractFiles) contracts.push(await loadContract(file, plan.cwd));

  findings.push(...candidate.findings);
  if (baseline) findings.push(...baseline.findings);
  for (const c of contracts) findings.push(...c.findings);

  const wantIds = Boolean(baseline?.manifest && candidate.manifest);
  const candidateScan = candidate.manifest
    ? await scanDeclared(candidate, candidate.manifest, plan, deps, wantIds, findings)
    : undefined;
  const baselineScan = baseline?.manifest
    ? await scanDeclared(baseline, baseline.manifest, plan, deps, wantIds, findings)
    : undefined;

  if (candidate.manifest && candidateScan) {
    findings.push(
      ...checkVectors(
        { ...candidate.manifest, locate: (field) => candidate.doc.locate(field) },
        candidateScan.summary,
        candidateScan.outOfTolerance,
      ),
    );
  }

  const consumers: ConsumerResult[] = [];
  if (candidate.manifest) {
    for (const c of contracts) {
      if (!c.contract) continue;
      const { result, findings: f } = checkConsumer(c, candidate.manifest, candidateScan?.summary);
      consumers.push(result);
      findings.push(...f);
    }
    const active = consumers.filter((c) => c.applies && c.status === 'active');
    if (contracts.length > 0 && active.length === 0 && contracts.every((c) => c.contract)) {
      findings.push({
        id: 'contract.none-active',
        severity: 'warning',
        message: `no active consumer contract names embedding "${candidate.manifest.name}"; nothing downstream vouches for this version`,
        location: candidate.doc.locate(['name']),
      });
    }
  }

  // Benchmarks read the same vectors again: only when the scan found them readable.
  const bench =
    candidate.manifest && candidateScan
      ? await benchmarkStep(plan, deps, candidate, baselineScan ? baseline : undefined, contracts)
      : undefined;
  if (bench) findings.push(...bench.findings);

  const staging =
    candidate.manifest && candidateScan
      ? await stagingStep({
          workspace: plan.workspace,
          cwd: plan.cwd,
          seed: plan.seed ?? DEFAULT_SEED,
          limits: plan.staging,
          ort: deps.ort,
          openVectors: deps.openVectors,
          candidate,
          baseline: baselineScan ? baseline : undefined,
          contracts,
        })
      : undefined;
  if (staging) findings.push(...staging.findings);

  let changes: Report['changes'];
  let coverage: Report['coverage'];
  if (baseline?.manifest && candidate.manifest) {
    const compared = compareManifests(baseline.manifest, candidate.manifest, candidate.doc);
    changes = compared.changes;
    findings.push(...compared.findings);
    if (candidateScan?.ids && baselineScan?.ids) {
      const ids = compareIds(baselineScan.ids, candidateScan.ids, candidateScan.summary.file);
      coverage = ids.coverage;
      findings.push(...ids.findings);
    }
  }

  const versioning = await runVersioning({
    workspace: plan.workspace,
    cwd: plan.cwd,
    registry: plan.registry,
    compatibility: plan.compatibility,
    candidate: { loaded: candidate, rows: candidateScan?.summary.rows, ids: candidateScan?.ids },
    baseline: baseline && {
      loaded: baseline,
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
    waivers,
    override: plan.override,
    failOn: plan.failOn,
    now: deps.now ?? (() => new Date()),
    pendingConsumers: pendingConsumers(contracts),
  });
  const sorted = sortFindings(judged.findings);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'embedding-gate', version: deps.toolVersion },
    verdict: decideVerdict(sorted, plan.failOn),
    failOn: plan.failOn,
    candidate: {
      ...versionInfo(candidate, candidateScan?.summary),
      ...(versioning.candidateManifestSha256
        ? { manifestSha256: versioning.candidateManifestSha256 }
        : {}),
    },
    ...(baseline ? { baseline: versionInfo(baseline, baselineScan?.summary) } : {}),
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
}

async function scanDeclared(
  loaded: LoadedManifest,
  manifest: Manifest,
  plan: GatePlan,
  deps: GateDeps,
  collectIds: boolean,
  findings: Finding[],
): Promise<ScanOutcome | undefined> {
  const { path, displayPath, open } = declaredVectors(loaded, manifest, plan);
  const declaredHash = manifest.vectors.sha256;
  const hashing = declaredHash ? sha256File(path).catch(() => undefined) : undefined;
  let outcome: ScanOutcome | undefined;
  try {
    outcome = await deps.scan({
      path,
      displayPath,
      open,
      expectUnitNorm: manifest.normalization === 'l2',
      normTolerance: MANIFEST_NORM_TOLERANCE,
      collectIds,
    });
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    findings.push(unreadableFinding(err, displayPath, `${manifest.name} ${manifest.version}`));
  }
  const actual = await hashing;
  if (declaredHash && actual && actual !== declaredHash) {
    findings.push({
      id: 'vectors.sha256',
      severity: 'error',
      message:
        `manifest records sha256 ${declaredHash} for ${displayPath}, but the file hashes to ${actual}; ` +
        `the vectors changed after the manifest was written (released versions are immutable)`,
      location: loaded.doc.locate(['vectors', 'sha256']),
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
