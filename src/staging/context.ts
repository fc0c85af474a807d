/** What every part of staging validation is given: the outside world, as parameters. */
import type { Manifest } from '../config/manifest.js';
import type { OrtModule } from '../onnx/session.js';
import type { ModelOutputs } from './run-model.js';
import type { Compared } from './probe-judge.js';
import type { RowFeed } from './probe-run.js';
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
   * file. A shard of `check` records its labeled rows; the merge runs the model over the
   * shards' rows (gate/shard-staging.ts).
   */
  readonly consumerRun?: ConsumerRun;
  /**
   * Runs a probe's comparison over the stored vectors; absent: over the whole file. A shard
   * records its rows of the probe ids; the merge compares over the shards' rows.
   */
  readonly probeRun?: ProbeRun;
  /**
   * A shard's staging: both versions' rows of the shard are read for every consumer (by
   * `consumerRun`), whatever the candidate's rows show; nothing is judged (the merge judges once).
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

/** One probe's comparison: the stored vectors of the probe ids, re-embedded and compared. */
export interface ProbeRunRequest {
  /** The probe's modality (`model` for the manifest's own probe). */
  readonly modality: string;
  /** The stored vectors, open (the whole file). */
  readonly source: VectorSource;
  /** The probe set's ids, in its order. */
  readonly ids: readonly string[];
  /** How each probe row is fed (its shapes' key groups the rows into model runs). */
  readonly feeds: readonly RowFeed[];
  /** Compares over `source` (the whole file, or a shard's rows of it); undefined after a finding. */
  readonly run: (source: VectorSource) => Promise<Compared | undefined>;
}

/** A probe's comparisons, or undefined after a finding. */
export type ProbeRun = (request: ProbeRunRequest) => Promise<Compared | undefined>;
