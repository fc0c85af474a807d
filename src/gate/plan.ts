/** What the engine is asked to do, and the outside things it runs with. */
import type { OrtModule } from '../onnx/session.js';
import type { CompatibilityOverrides } from '../release/versioning.js';
import type { VectorOpener } from '../release/compat.js';
import type { StagingLimits } from '../staging/types.js';
import type { OpenOptions } from '../vectors/types.js';
import type { OverrideDeclaration } from './override.js';
import type { FailOn, VectorSummary } from './report-model.js';

/** The seed of the regression statistics when the plan gives none. */
export const DEFAULT_SEED = 20240917;

/** Everything the gate needs to know, decoded and validated once at the edge. */
export interface GatePlan {
  /** Candidate manifest path. */
  readonly candidate: string;
  /** Baseline (production) manifest path. */
  readonly baseline?: string;
  /** Contract directories, files or globs. */
  readonly contracts: readonly string[];
  readonly failOn: FailOn;
  /** Files named by manifests must resolve inside this directory. */
  readonly workspace: string;
  /** Directory relative paths in the plan are relative to. */
  readonly cwd: string;
  /** Waivers file (`contracts/waivers.schema.json`). */
  readonly waivers?: string;
  /** An override label on the pull request accepts a declared breaking change. */
  readonly override?: OverrideDeclaration;
  /** Benchmark suite files or globs, besides those the candidate manifest lists. */
  readonly suites?: readonly string[];
  /** Seed of the regression statistics (bootstrap, sign-flip test); default DEFAULT_SEED (benchmark-step.ts). */
  readonly seed?: number;
  /** Directory to write every evaluated TREC run to, for debugging. */
  readonly writeRuns?: string;
  /** Version registry (`contracts/registry.schema.json`): immutability, released hashes, deprecations. */
  readonly registry?: string;
  /** Sample size and seed of the space-compatibility analysis (over the registry's policy). */
  readonly compatibility?: CompatibilityOverrides;
  /** Size caps and threads of staging validation (ONNX models, labels, probe sets). */
  readonly staging?: StagingLimits;
}

export interface ScanRequest {
  readonly path: string;
  /** Path as shown in messages. */
  readonly displayPath: string;
  readonly open: OpenOptions;
  /** Count rows whose |‖v‖ − 1| exceeds `normTolerance`. */
  readonly expectUnitNorm: boolean;
  readonly normTolerance: number;
  /** Return the set of ids (for baseline coverage). */
  readonly collectIds: boolean;
}

export interface ScanOutcome {
  readonly summary: VectorSummary;
  readonly outOfTolerance?: { readonly rows: number; readonly firstIds: readonly string[] };
  readonly ids?: ReadonlySet<string>;
}

/** Reads and measures one vectors file; throws VectorFileError when it is broken. */
export type Scanner = (request: ScanRequest) => Promise<ScanOutcome>;

export interface GateDeps {
  readonly scan: Scanner;
  readonly toolVersion: string;
  /** The clock (waiver expiry); the current time when absent. */
  readonly now?: () => Date;
  /** Opens vectors files for the compatibility sample; without it the spaces are not compared. */
  readonly openVectors?: VectorOpener;
  /** onnxruntime for staging validation; onnxruntime-node (loaded on first use) when absent. */
  readonly ort?: () => Promise<OrtModule>;
}
