/**
 * The engine's own steps, each on the resolved plan: scan both versions, check the vectors
 * and every consumer, compare with the baseline. Each appends its findings, in order, to the
 * run's list and returns what the report needs; none prints, writes or exits.
 */
import type { Finding } from '../config/findings.js';
import type { VectorsDigest } from '../sources/hash.js';
import { SourceError } from '../sources/types.js';
import { datasetPartFindings } from './checks/dataset.js';
import type { ScannedVersion } from '../release/versioning.js';
import { stagingVersion, type StagingStepInput } from '../staging/step.js';
import { VectorFileError } from '../vectors/types.js';
import { checkExpectedRows, compareIds, compareManifests } from './checks/baseline.js';
import { checkConsumer } from './checks/consumers.js';
import { checkVectors, MANIFEST_NORM_TOLERANCE, unreadableFinding } from './checks/vectors.js';
import type { GateDeps, ResolvedPlan, ResolvedVersion, ScanOutcome, ScanRequest } from './plan.js';
import { progressOf } from './observer.js';
import { digestOfVectors } from './scan.js';
import type { ConsumerResult, CoverageSummary, Report, VectorSummary } from './report-model.js';

/** What the scans measured; a side is absent when its manifest is invalid or its vectors unreadable. */
export interface Scans {
  readonly candidate?: ScanOutcome;
  readonly baseline?: ScanOutcome;
}

/**
 * Scans both versions' vectors and checks the candidate's against its manifest. With `sample`
 * (a candidate compared with a baseline), each scan also keeps the compatibility sample's
 * candidates, so the sample is not read a second time.
 */
export async function scanStep(
  plan: ResolvedPlan,
  deps: GateDeps,
  findings: Finding[],
  sample?: ScanRequest['sample'],
): Promise<Scans> {
  const { candidate, baseline } = plan;
  const cm = candidate.loaded.manifest;
  const wantIds = wantsIds(plan);
  const keep = wantIds ? sample : undefined;
  // Both versions at once, each keeping its own findings, joined in a fixed order (the first
  // failure, in that order, is the step's). A single run's scans share this thread and gain
  // little (5.41 / 5.89 s against 5.44 / 6.04 s for 3 GB .npy + 3 GB Arrow, load 1.5–1.7);
  // a merge's whole-file sha256s run on worker threads (sources/hash-worker.ts), side by side.
  const candidateFindings: Finding[] = [];
  const baselineFindings: Finding[] = [];
  const [c, b] = await Promise.allSettled([
    scanVersion(candidate, deps, wantIds, candidateFindings, 'candidate', keep),
    baseline && scanVersion(baseline, deps, wantIds, baselineFindings, 'baseline', keep),
  ]);
  if (c.status === 'rejected') throw c.reason;
  if (b.status === 'rejected') throw b.reason;
  findings.push(...candidateFindings, ...baselineFindings);
  const candidateScan = c.value;
  const baselineScan = b.value;
  if (cm && candidateScan) {
    findings.push(
      ...checkVectors(
        { ...cm, locate: (field) => candidate.loaded.doc.locate(field) },
        candidateScan.summary,
        candidateScan.outOfTolerance,
      ),
      ...checkExpectedRows(cm, candidateScan.summary.rows, candidate.loaded.doc),
    );
  }
  return {
    ...(candidateScan && { candidate: candidateScan }),
    ...(baselineScan && { baseline: baselineScan }),
  };
}

/** Whether the scans collect ids: only to compare a candidate with a baseline. */
export function wantsIds(plan: ResolvedPlan): boolean {
  return Boolean(plan.baseline?.loaded.manifest && plan.candidate.loaded.manifest);
}

/**
 * How a version's vectors are scanned (one place, so a shard scans as the single run does);
 * undefined when its manifest is invalid or names no vectors.
 */
export function scanRequestFor(
  version: ResolvedVersion,
  collectIds: boolean,
): ScanRequest | undefined {
  const manifest = version.loaded.manifest;
  const vectors = version.vectors;
  if (!manifest || !vectors) return undefined;
  return {
    path: vectors.path,
    displayPath: vectors.displayPath,
    open: vectors.open,
    expectUnitNorm: manifest.normalization === 'l2',
    normTolerance: MANIFEST_NORM_TOLERANCE,
    collectIds,
  };
}

/** Scans a version's declared vectors (and checks their recorded sha256); undefined when unreadable. */
async function scanVersion(
  version: ResolvedVersion,
  deps: GateDeps,
  collectIds: boolean,
  findings: Finding[],
  side: 'candidate' | 'baseline',
  sample?: ScanRequest['sample'],
): Promise<ScanOutcome | undefined> {
  const manifest = version.loaded.manifest;
  const vectors = version.vectors;
  if (!manifest || !vectors) return undefined;
  const declaredHash = manifest.vectors.sha256;
  const declaredParts = manifest.vectors.parts;
  const hash = Boolean(declaredHash || declaredParts);
  let outcome: ScanOutcome | undefined;
  try {
    const onRows = progressOf(deps.observer, 'scan', 'rows', side);
    outcome = await deps.scan({
      ...scanRequestFor(version, collectIds)!,
      ...(hash && { hash }),
      ...(onRows && { onRows }),
      ...(sample && { sample }),
    });
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    findings.push(
      unreadableFinding(
        err,
        vectors.displayPath,
        `${manifest.name} ${manifest.version}`,
        vectors.path,
      ),
    );
  }
  let digest: VectorsDigest | undefined;
  if (hash) {
    // The scan hashes what it reads (one pass); a scanner that did not (it failed, or it is a
    // stand-in) leaves the digest to a pass of its own.
    try {
      if (outcome?.digestError) throw outcome.digestError;
      digest =
        outcome?.digest ?? (await digestOfVectors(vectors.path, vectors.open, deps.openSource));
    } catch (e) {
      // A remote failure is a ConfigError (exit 2, naming the URL); a local file that could
      // not be read for its hash is a finding that says so, never silence.
      if (!(e instanceof SourceError)) throw e;
      findings.push({
        id: 'vectors.sha256',
        severity: 'error',
        message: `cannot verify the recorded sha256 of ${vectors.displayPath}: ${e.message}`,
        location: version.loaded.doc.locate(['vectors', declaredHash ? 'sha256' : 'parts']),
        ...(declaredHash && { expected: declaredHash }),
      });
    }
  }
  const actual = digest?.sha256;
  if (declaredParts && digest?.parts) {
    findings.push(
      ...datasetPartFindings(
        declaredParts,
        digest.parts,
        vectors.displayPath,
        version.loaded.doc.locate(['vectors', 'parts']),
      ),
    );
  }
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

/**
 * The id coverage of the baseline, computed once after the scans (consumers' `min_coverage`
 * and the baseline step both read it); its findings join the run in the baseline step.
 */
export function idsStep(
  plan: ResolvedPlan,
  scans: Scans,
): { coverage: CoverageSummary; findings: Finding[] } | undefined {
  const c = scans.candidate;
  const b = scans.baseline;
  if (!plan.candidate.loaded.manifest || !plan.baseline?.loaded.manifest) return undefined;
  if (!c?.ids || !b?.ids) return undefined;
  return compareIds(b.ids, c.ids, c.summary.file, plan.removals);
}

/** Checks every valid contract against the candidate; sorted by consumer for the report. */
export function consumersStep(
  plan: ResolvedPlan,
  summary: VectorSummary | undefined,
  findings: Finding[],
  coverage?: CoverageSummary,
): ConsumerResult[] {
  const { candidate, contracts } = plan;
  const cm = candidate.loaded.manifest;
  if (!cm) return [];
  const consumers: ConsumerResult[] = [];
  for (const c of contracts) {
    if (!c.contract) continue;
    const { result, findings: f } = checkConsumer(c, cm, summary, coverage);
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
  return consumers.sort((a, b) => a.consumer.localeCompare(b.consumer));
}

/** What changed from the baseline's manifest, and which ids the candidate lost or gained. */
export function baselineStep(
  plan: ResolvedPlan,
  ids: ReturnType<typeof idsStep>,
  findings: Finding[],
): { changes?: Report['changes']; coverage?: Report['coverage'] } {
  const cm = plan.candidate.loaded.manifest;
  const bm = plan.baseline?.loaded.manifest;
  if (!bm || !cm) return {};
  const compared = compareManifests(bm, cm, plan.candidate.loaded.doc);
  findings.push(...compared.findings);
  if (!ids) return { changes: compared.changes };
  findings.push(...ids.findings);
  return { changes: compared.changes, coverage: ids.coverage };
}

/** Staging's view of the plan: the candidate and (readable) baseline with their vectors. */
export function stagingInput(
  plan: ResolvedPlan,
  deps: GateDeps,
  readableBaseline: ResolvedVersion | undefined,
): StagingStepInput {
  const { request, candidate } = plan;
  const onModel = progressOf(deps.observer, 'staging', 'models');
  return {
    ...(onModel && { onModel }),
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
    contracts: plan.contracts,
    ...(deps.consumerRun && { consumerRun: deps.consumerRun }),
    ...(deps.probeRun && { probeRun: deps.probeRun }),
  };
}

/** A version as the versioning checks see it: resolved by the plan, measured by the scan. */
export function scannedVersion(
  version: ResolvedVersion,
  scan: ScanOutcome | undefined,
): ScannedVersion {
  return {
    loaded: version.loaded,
    vectors: version.vectors,
    rows: scan?.summary.rows,
    ids: scan?.ids,
  };
}
