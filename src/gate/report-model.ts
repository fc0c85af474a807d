/**
 * The one report model every formatter renders. Its JSON form is documented in the README
 * and versioned by `schemaVersion`; add fields freely, bump the version when one changes
 * meaning or disappears.
 */
import type { Finding, Severity } from '../config/findings.js';
import type { RequiredBump } from '../release/bump.js';
import type { BenchmarkResult, SuiteReport } from '../retrieval/suite-report.js';

export type { RequiredBump } from '../release/bump.js';
export type { BenchmarkResult, SuiteReport } from '../retrieval/suite-report.js';
import type { CompatibilityReport } from '../release/compat.js';
import type { LineageCheck } from '../release/lineage.js';
import type { Metric, Normalization } from '../config/manifest.js';
import type { ConsumerPin } from '../release/registry-check.js';
import type { StagingReport } from '../staging/types.js';
import type { VectorDType, VectorFormat } from '../vectors/types.js';

export const REPORT_SCHEMA_VERSION = 1;

export type Verdict = 'pass' | 'fail';
/** The lowest severity that blocks promotion; `never` reports without blocking. */
export type FailOn = 'error' | 'warning' | 'never';

/** What the scan of one vectors file measured. */
export interface VectorSummary {
  readonly file: string;
  readonly format: VectorFormat;
  readonly dtype: VectorDType;
  readonly dims: number;
  readonly rows: number;
  readonly bytes: number;
  /** False when row numbers stand in for ids. */
  readonly hasIds: boolean;
  /**
   * The remote objects read (`s3://`, `http(s)://`), each with the version every byte was
   * read at: its URL as shown (no credential), ETag and, on a versioned bucket, version id.
   */
  readonly remote?: readonly {
    readonly url: string;
    readonly etag?: string;
    readonly versionId?: string;
  }[];
  readonly nonFinite: {
    readonly rows: number;
    readonly values: number;
    readonly firstIds: readonly string[];
  };
  readonly zero: { readonly rows: number; readonly firstIds: readonly string[] };
  /** L2 norms (popcount for binary vectors); absent for an empty file. */
  readonly norms?: {
    readonly min: number;
    readonly mean: number;
    readonly max: number;
    readonly p1: number;
    readonly p99: number;
    /** Norms at q = 0, 0.05, …, 1 (21 values, from the scan's quantile sketch), for the HTML report's plot. */
    readonly quantiles?: readonly number[];
  };
  readonly duplicateIds?: { readonly count: number; readonly firstIds: readonly string[] };
}

/** One declared version, as the report shows it. */
export interface VersionInfo {
  readonly manifest: string;
  readonly name?: string;
  readonly version?: string;
  readonly tag?: string;
  readonly model?: string;
  readonly dims?: number;
  readonly dtype?: VectorDType;
  readonly normalization?: Normalization;
  readonly metric?: Metric;
  readonly vectors?: VectorSummary;
  /** sha256 of the manifest file as gated, so `promote` can refuse a manifest edited since. */
  readonly manifestSha256?: string;
  /** Manifest facts the version card shows. */
  readonly created?: string;
  readonly dataset?: string;
  readonly preprocessing?: Readonly<Record<string, unknown>>;
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** One requirement of a consumer, checked. */
export interface RequirementResult {
  readonly requirement: 'dims' | 'dtype' | 'normalization' | 'metric' | 'version' | string;
  readonly expected: string;
  readonly found: string;
  readonly ok: boolean;
}

export interface ConsumerResult {
  readonly consumer: string;
  readonly owner: string;
  readonly contract: string;
  readonly status: 'active' | 'pending';
  /** Does this consumer read the candidate's embedding at all? */
  readonly applies: boolean;
  readonly satisfied: boolean;
  readonly requirements: readonly RequirementResult[];
}

/** What changed from the baseline to the candidate. */
export interface ChangeSummary {
  readonly field:
    'dims' | 'dtype' | 'metric' | 'normalization' | 'model' | 'model.revision' | 'inputs';
  readonly from: string;
  readonly to: string;
}

export interface CoverageSummary {
  readonly baselineIds: number;
  readonly candidateIds: number;
  readonly missing: number;
  readonly added: number;
  readonly firstMissing: readonly string[];
  readonly firstAdded: readonly string[];
  /** Undeclared missing ids tolerated as a warning; beyond it `baseline.ids-missing` is an error. */
  readonly tolerance?: number;
  /** With `removals` in the manifest: declared ids absent from the candidate (not in `missing`). */
  readonly removed?: number;
  /** With `removals`: declared ids still in the candidate. */
  readonly removalsPresent?: number;
}

export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'embedding-gate'; readonly version: string };
  readonly verdict: Verdict;
  readonly failOn: FailOn;
  readonly candidate: VersionInfo;
  readonly baseline?: VersionInfo;
  readonly consumers: readonly ConsumerResult[];
  readonly changes?: readonly ChangeSummary[];
  readonly coverage?: CoverageSummary;
  readonly findings: readonly Finding[];
  /** Findings per severity, not counting suppressed (waived or overridden) ones. */
  readonly counts: Readonly<Record<Severity, number>>;
  /** Benchmark comparisons, once a suite ran (benchmark issue); formatters render them when present. */
  readonly benchmarks?: readonly BenchmarkResult[];
  /** Per benchmark suite: scores, cross-version cells, most regressed queries. */
  readonly suites?: readonly SuiteReport[];
  /** The version bump the changes require (versioning issue); rendered when present. */
  readonly requiredBump?: RequiredBump;
  /** May old and new vectors share one index? Measured on a sample of shared ids (src/release/compat.ts). */
  readonly compatibility?: CompatibilityReport;
  /** With a registry: each consumer's pinned version and its status (src/release/registry-check.ts). */
  readonly pins?: readonly ConsumerPin[];
  /** The candidate's model and dataset pointers (DVC, Git LFS) compared with its manifest. */
  readonly lineage?: readonly LineageCheck[];
  /** A pull request's override label accepted a declared breaking change. */
  readonly override?: OverrideRecord;
  /** Consumers' own models run on the vectors, and reproducibility probes per modality (src/staging). */
  readonly staging?: StagingReport;
  /**
   * The ONNX runtime that ran the run's kNN, models and compatibility products; absent when
   * none ran. Which one ran never changes a result or the verdict, only the time taken.
   */
  readonly onnxRuntime?: OnnxRuntimeRecord;
}

/** Which onnxruntime a run used, and where it came from (src/onnx/runtime-resolve.ts). */
export interface OnnxRuntimeRecord {
  /** `native`: onnxruntime-node's CPU library; `wasm`: onnxruntime-web's WebAssembly build. */
  readonly backend: 'native' | 'wasm';
  readonly package: 'onnxruntime-node' | 'onnxruntime-web';
  readonly version: string;
  /**
   * `dir`: EMBEDDING_GATE_ONNXRUNTIME_DIR; `installed`: an installed onnxruntime-node;
   * `cache`: the tool cache; `download`: downloaded by this run; `wasm-fallback`: no native
   * runtime could be had (see `reason`); `forced`: EMBEDDING_GATE_ONNXRUNTIME=wasm.
   */
  readonly source: 'dir' | 'installed' | 'cache' | 'download' | 'wasm-fallback' | 'forced';
  /** Why the native runtime did not run (`wasm-fallback`, `forced`). Never a credential. */
  readonly reason?: string;
}

/** Who accepted a declared breaking change through the override label, and why. */
export interface OverrideRecord {
  readonly label: string;
  /** Login of the person who applied it. */
  readonly by: string;
  /** How `by` was determined: the sender of the `labeled` event, or the pull request's author. */
  readonly byRole: 'label-sender' | 'pull-request-author';
  readonly reason: string;
  readonly pullRequest?: { readonly number: number; readonly url?: string };
  /** How many findings the override kept from blocking. */
  readonly lifted: number;
}

/**
 * Decides the verdict: blocked when any finding that is neither suppressed nor a pending
 * consumer's is at or above the fail level. The only place that maps severities to pass/fail.
 */
export function decideVerdict(findings: readonly Finding[], failOn: FailOn): Verdict {
  if (failOn === 'never') return 'pass';
  const blocking: readonly Severity[] = failOn === 'warning' ? ['error', 'warning'] : ['error'];
  return findings.some((f) => !f.suppressed && !f.pending && blocking.includes(f.severity))
    ? 'fail'
    : 'pass';
}

/** Does this one finding block promotion at `failOn`? (Suppressed and pending ones never do.) */
export function isBlocking(finding: Finding, failOn: FailOn): boolean {
  return decideVerdict([finding], failOn) === 'fail';
}

/** Counts findings per severity; suppressed (waived or overridden) findings do not count. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (!f.suppressed) counts[f.severity]++;
  return counts;
}
