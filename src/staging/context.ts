/** What every part of staging validation is given: the outside world, as parameters. */
import type { Manifest } from '../config/manifest.js';
import type { OrtModule } from '../onnx/session.js';
import type { ModelOutputs } from './run-model.js';
import type { SourceOpener } from '../sources/types.js';
import type { OpenOptions, VectorDType, VectorSource } from '../vectors/types.js';

/** One version's vectors, as its manifest declares them. */
export interface StagingSide {
  readonly manifest: Manifest;
  readonly vectors: {
    readonly path: string;
    readonly displayPath: string;
    readonly open: OpenOptions;
    /** The manifest's dims and dtype (the scan has checked the file against them). */
    readonly info: { readonly dims: number; readonly dtype: VectorDType };
  };
}

/** The settings and dependencies of one staging run. */
export interface StagingContext {
  readonly workspace: string;
  readonly cwd: string;
  readonly ort: OrtModule;
  readonly openVectors: (path: string, opts: OpenOptions) => Promise<VectorSource>;
  /** Where model, labels and probe-set bytes come from (the gate's byte sources). */
  readonly openSource: SourceOpener;
  readonly limits: {
    readonly maxModelBytes: number;
    readonly maxDataBytes: number;
    readonly threads?: number;
  };
  /** Seed of the bootstrap and sign-flip draws. */
  readonly seed: number;
  readonly candidate: StagingSide;
  readonly baseline?: StagingSide;
  /**
   * Runs a consumer's model over one version's labeled vectors; absent: `run` over the whole
   * file. A shard of `check` runs its rows and records them; the merge answers from the
   * shards' outputs (gate/shard-staging.ts).
   */
  readonly consumerRun?: ConsumerRun;
  /**
   * A shard's staging: every consumer's model runs over both versions' rows of the shard,
   * whatever the candidate's rows show; nothing is judged (the merge judges once).
   */
  readonly recordOnly?: boolean;
}

/** One run of a consumer's model over one version's labeled vectors. */
export interface ConsumerRunRequest {
  readonly consumer: string;
  readonly side: 'candidate' | 'baseline';
  readonly vectors: StagingSide['vectors'];
  /** Labeled id → example, in the labels' order. */
  readonly index: ReadonlyMap<string, number>;
  /** Runs the model over `source` (the whole file, or a shard's rows of it). */
  readonly run: (source: VectorSource) => Promise<ModelOutputs>;
}

/** Each example's output row of a run; throws ModelRunError or VectorFileError as the run does. */
export type ConsumerRun = (request: ConsumerRunRequest) => Promise<ModelOutputs>;
