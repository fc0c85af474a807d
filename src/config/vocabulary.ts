/**
 * The words user files and readers share: element types, on-disk formats, normalisation,
 * metrics, and how a resolved vectors reference is opened. The config floor owns them so
 * that loaders need nothing from the readers above.
 */

/** Element types a vectors file may hold. `binary` is packed bits in uint8 bytes. */
export type VectorDType = 'float32' | 'float16' | 'float64' | 'int8' | 'uint8' | 'binary';

export const VECTOR_DTYPES: readonly VectorDType[] = [
  'float32',
  'float16',
  'float64',
  'int8',
  'uint8',
  'binary',
];

/** On-disk formats, named as users write them in `--format` and `vectors.format`. */
export type VectorFormat = 'arrow' | 'arrow-stream' | 'parquet' | 'npy' | 'jsonl' | 'binary';

export const VECTOR_FORMATS: readonly VectorFormat[] = [
  'arrow',
  'arrow-stream',
  'parquet',
  'npy',
  'jsonl',
  'binary',
];

export type Normalization = 'l2' | 'none';
export type Metric = 'cosine' | 'dot' | 'l2';

/** How to open a vectors file: what a manifest or suite says beside the path. */
export interface VectorsOpenSpec {
  /** Force a format instead of deriving it from the extension. */
  readonly format?: VectorFormat;
  /** Columnar formats: which column holds the vectors (auto-detected when absent). */
  readonly vectorColumn?: string;
  /** Columnar formats: which column holds the ids (`id` when present, when absent). */
  readonly idColumn?: string;
  /** npy and binary: a text file with one id per line (resolved inside the workspace). */
  readonly idsPath?: string;
  /** binary: bits per vector (required: a packed file does not record it). */
  readonly dims?: number;
  /**
   * A dataset named part by part (paths or URLs, resolved): read in this order as one
   * vectors file, instead of the reference's own path.
   */
  readonly parts?: readonly string[];
  /** How messages and the dataset digest name each of `parts` (the part itself when absent). */
  readonly partNames?: readonly string[];
}

/** A vectors reference resolved once, inside the workspace: what every step that reads it shares. */
export interface VectorsRef {
  /** Absolute path. */
  readonly path: string;
  /** The path as messages show it (relative to the working directory when possible). */
  readonly displayPath: string;
  readonly open: VectorsOpenSpec;
}
