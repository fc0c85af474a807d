/**
 * `validate`: the structural checks of one vectors file without a manifest, for a quick
 * look at a file before writing its manifest.
 */
import { progressOf } from './observer.js';
import { REMOTE_REF, redactUrl } from '../config/paths.js';
import { isPgRef, redact } from '../vectors/pgvector/ref.js';
import { relative, resolve } from 'node:path';
import type { Normalization } from '../config/manifest.js';
import {
  countFindings,
  decideVerdict,
  REPORT_SCHEMA_VERSION,
  type FailOn,
  type Report,
} from './report-model.js';
import { VectorFileError, type OpenOptions, type VectorDType } from '../vectors/types.js';
import { checkVectors, MANIFEST_NORM_TOLERANCE, unreadableFinding } from './checks/vectors.js';
import { sortFindings, type Finding } from '../config/findings.js';
import type { GateDeps, ScanRequest } from './plan.js';

export interface ValidatePlan {
  readonly file: string;
  readonly open: OpenOptions;
  readonly dims?: number;
  readonly dtype?: VectorDType;
  readonly normalization?: Normalization;
  readonly normTolerance?: number;
  readonly failOn: FailOn;
  readonly cwd: string;
}

/** How `validate` scans its file (one place, so a shard of it scans the same way). */
export function validateScanRequest(plan: ValidatePlan): ScanRequest {
  // A URL or a table is read as given and shown without its credentials.
  const table = isPgRef(plan.file);
  const remote = table || REMOTE_REF.test(plan.file);
  const path = remote ? plan.file : resolve(plan.cwd, plan.file);
  return {
    path,
    displayPath: table
      ? redact(plan.file)
      : remote
        ? redactUrl(plan.file)
        : relative(plan.cwd, path) || path,
    open: plan.open,
    expectUnitNorm: plan.normalization === 'l2',
    normTolerance: plan.normTolerance ?? MANIFEST_NORM_TOLERANCE,
    collectIds: false,
  };
}

/** Scans one file and checks it against the expectations given on the command line. */
export async function runValidate(plan: ValidatePlan, deps: GateDeps): Promise<Report> {
  const { displayPath, path } = validateScanRequest(plan);
  const findings: Finding[] = [];
  let vectors: Report['candidate']['vectors'];
  try {
    deps.observer?.stepStarted('scan', { file: displayPath });
    const onRows = progressOf(deps.observer, 'scan', 'rows');
    const outcome = await deps.scan({ ...validateScanRequest(plan), ...(onRows && { onRows }) });
    deps.observer?.stepFinished('scan');
    vectors = outcome.summary;
    findings.push(
      ...checkVectors(
        { dims: plan.dims, dtype: plan.dtype, normalization: plan.normalization },
        outcome.summary,
        outcome.outOfTolerance,
      ),
    );
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    findings.push(unreadableFinding(err, displayPath, undefined, path));
  }
  const sorted = sortFindings(findings);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'embedding-gate', version: deps.toolVersion },
    verdict: decideVerdict(sorted, plan.failOn),
    failOn: plan.failOn,
    candidate: {
      manifest: displayPath,
      ...(vectors ? { dims: vectors.dims, dtype: vectors.dtype, vectors } : {}),
    },
    consumers: [],
    findings: sorted,
    counts: countFindings(sorted),
  };
}
