/**
 * Staging validation's settings and the report section it adds: consumers' own models
 * run on the candidate's vectors, and reproducibility probes of the embedding model.
 */
import type { VectorDType } from '../vectors/types.js';

/** Size caps of the files staging reads, set by whoever runs the gate (never by a pull request). */
export interface StagingLimits {
  /** Largest ONNX model file read (default {@link DEFAULT_MAX_MODEL_BYTES}). */
  readonly maxModelBytes?: number;
  /** Largest labels file or probe set read (default {@link DEFAULT_MAX_DATA_BYTES}). */
  readonly maxDataBytes?: number;
  /** onnxruntime intra-op threads (default: the machine's available parallelism). */
  readonly threads?: number;
}

/** 512 MiB: larger than most exported encoders and classifiers, small enough to refuse a stray checkpoint dump. */
export const DEFAULT_MAX_MODEL_BYTES = 512 * 1024 * 1024;
/** 256 MiB for labels files and probe sets, which are read whole. */
export const DEFAULT_MAX_DATA_BYTES = 256 * 1024 * 1024;

/**
 * Default probe tolerance on 1 − cos by the stored vectors' dtype: a few orders of
 * magnitude above the rounding each dtype introduces, far below what another checkpoint
 * or another preprocessing produces (≳ 1e-2 on real encoders).
 */
export const DEFAULT_PROBE_TOLERANCE: Readonly<Record<Exclude<VectorDType, 'binary'>, number>> = {
  float64: 1e-7,
  float32: 1e-5,
  float16: 1e-3,
  int8: 1e-2,
  uint8: 1e-2,
};

/** A tensor as the model declares it (onnxruntime's metadata). */
export interface TensorSignature {
  readonly name: string;
  readonly type: string;
  /** Dimensions: numbers, symbolic names, or -1 when unknown. */
  readonly shape: readonly (number | string)[];
}

/** What one consumer's model measured. */
export interface StagingConsumerResult {
  readonly consumer: string;
  readonly contract: string;
  readonly status: 'active' | 'pending';
  readonly model: string;
  readonly task: string;
  readonly metric: string;
  /**
   * `pass` / `fail` / `inconclusive` as in the benchmark verdict; `error` when the model
   * could not be run (its findings say why).
   */
  readonly outcome: 'pass' | 'fail' | 'inconclusive' | 'error';
  readonly input?: TensorSignature;
  readonly output?: TensorSignature;
  /** Labeled ids found in the candidate's vectors (the candidate's metric is over these). */
  readonly examples?: number;
  /** Ids in both versions' vectors and labeled: the paired comparison is over these. */
  readonly paired?: number;
  readonly candidate?: number;
  readonly baseline?: number;
  /** candidate − baseline in metric units (for mse, positive is worse). */
  readonly delta?: number;
  readonly ci?: { readonly low: number; readonly high: number; readonly level: number };
  /** One-sided p of H0 "worsening ≤ max_drop". */
  readonly p?: number;
  /** Bootstrap resamples (and sign-flip draws) used. */
  readonly iterations?: number;
  readonly min?: number;
  readonly max?: number;
  readonly maxDrop?: number;
}

/** One re-embedded id and its deviation. */
export interface ProbeDeviation {
  readonly id: string;
  /** 1 − cos(re-embedded, stored). */
  readonly deviation: number;
}

/** What one probe measured. */
export interface ProbeResult {
  /** The encoder's modality (`encoders` key), or `model` for the manifest's own `probe`. */
  readonly modality: string;
  readonly model: string;
  readonly set: string;
  /** The stored vectors compared with. */
  readonly vectors: string;
  readonly outcome: 'pass' | 'fail' | 'error';
  readonly tolerance: number;
  readonly rows?: number;
  readonly compared?: number;
  /** Probe ids absent from the stored vectors. */
  readonly missing?: number;
  /** Compared ids whose deviation exceeds the tolerance. */
  readonly exceeding?: number;
  readonly maxDeviation?: number;
  readonly meanDeviation?: number;
  /** The largest deviations, worst first (at most 10). */
  readonly worst?: readonly ProbeDeviation[];
}

/** The report's `staging` section. */
export interface StagingReport {
  readonly consumers: readonly StagingConsumerResult[];
  readonly probes: readonly ProbeResult[];
}
