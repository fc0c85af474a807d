/**
 * Embedding version manifests: the typed form of `contracts/manifest.schema.json`, and
 * loading one from disk with its schema findings.
 */
import { loadDocument, type LoadOptions, type SourceDocument } from './document.js';
import type { Finding } from './findings.js';
import { validateDocument } from './schema.js';
import type { Metric, Normalization, VectorDType, VectorFormat } from './vocabulary.js';

export type { Metric, Normalization } from './vocabulary.js';

/** One immutable embedding version, as its manifest declares it. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly tag: string;
  readonly description?: string;
  readonly model: {
    readonly name: string;
    readonly revision: string;
    readonly sha256?: string;
    /** md5 of the checkpoint as DVC records it (for a DVC `pointer`). */
    readonly md5?: string;
    /** Bytes of the checkpoint (compared with the pointer's `size`). */
    readonly size?: number;
    /** A DVC `.dvc` file or a Git LFS pointer file for the checkpoint, relative to the manifest. */
    readonly pointer?: string;
  };
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly vectors: {
    /**
     * A file, folder or glob relative to the manifest, an s3:// or http(s):// URL, a
     * postgres:// table (src/vectors/pgvector/ref.ts), or a list of files or URLs (parts).
     */
    readonly path: string | readonly string[];
    readonly format?: VectorFormat;
    readonly id_column?: string;
    readonly vector_column?: string;
    readonly ids?: string;
    /** The file's sha256, or a dataset's digest (sources/hash.ts `datasetDigest`). */
    readonly sha256?: string;
    /** postgres:// only: column → value, all of which a row must equal. */
    readonly where?: Readonly<Record<string, string | number | boolean>>;
    /** A dataset's parts as released: name relative to the dataset, size, sha256. */
    readonly parts?: readonly {
      readonly path: string;
      readonly size?: number;
      readonly sha256: string;
    }[];
  };
  readonly dims: number;
  readonly dtype: VectorDType;
  readonly normalization: Normalization;
  readonly metric: Metric;
  readonly created: string;
  readonly inputs: {
    readonly dataset: string;
    readonly sha256: string;
    /** md5 of the dataset as DVC records it (for a DVC `pointer`). */
    readonly md5?: string;
    readonly size?: number;
    /** A DVC `.dvc` file or a Git LFS pointer file for the dataset, relative to the manifest. */
    readonly pointer?: string;
  };
  readonly preprocessing?: Readonly<Record<string, unknown>>;
  readonly parent?: string;
  /** Baseline ids removed on purpose: a text file of ids, one per line, relative to the manifest. */
  readonly removals?: { readonly ids: string };
  /** The row count of the vectors file (`vectors.rows` when the measured one differs). */
  readonly expected_rows?: number;
  /** Benchmark suites this version was evaluated on, with recorded mean scores. */
  readonly suites?: readonly {
    readonly path: string;
    readonly results?: Readonly<Record<string, number>>;
  }[];
  /** Reproducibility probe of the embedding model (src/staging). */
  readonly probe?: ProbeDeclaration;
  /** Encoders sharing this space, by modality (text, image, audio...). */
  readonly encoders?: Readonly<Record<string, EncoderDeclaration>>;
}

/** One encoder of a multimodal space: its model's identity and, optionally, a probe. */
export interface EncoderDeclaration {
  readonly description?: string;
  readonly model: { readonly name: string; readonly revision: string; readonly sha256?: string };
  readonly probe?: ProbeDeclaration;
}

/** A reproducibility probe: an ONNX embedding model and the inputs to re-embed with it. */
export interface ProbeDeclaration {
  /** ONNX file, relative to the manifest. */
  readonly model: string;
  /** sha256 of the ONNX file, verified when present. */
  readonly sha256?: string;
  /** Arrow IPC or Parquet file: an id column and one column per model input. */
  readonly set: string;
  readonly format?: 'arrow' | 'arrow-stream' | 'parquet';
  /** Default `id`. */
  readonly id_column?: string;
  /** Probe-set column per model input (default: the input's name). */
  readonly columns?: Readonly<Record<string, string>>;
  /** Per model input, one row's shape without the batch dimension. */
  readonly shapes?: Readonly<Record<string, readonly number[]>>;
  /** The output holding the embedding (default: the only output). */
  readonly output?: string;
  /** Largest allowed 1 − cos (default by the stored dtype). */
  readonly tolerance?: number;
  readonly batch_size?: number;
  /** Stored vectors to compare with (default: the manifest's `vectors`). */
  readonly vectors?: {
    readonly path: string;
    readonly format?: VectorFormat;
    readonly id_column?: string;
    readonly vector_column?: string;
    readonly ids?: string;
  };
}

/** A manifest file as loaded: the document (for locations) and, when valid, the typed value. */
export interface LoadedManifest {
  readonly doc: SourceDocument;
  /** Present only when the document satisfies the schema. */
  readonly manifest?: Manifest;
  readonly findings: readonly Finding[];
}

/**
 * Loads and validates a manifest. Throws ConfigError when the file cannot be read or
 * parsed (or breaks `limits`); schema problems come back as findings.
 */
export async function loadManifest(
  file: string,
  cwd?: string,
  options?: LoadOptions,
): Promise<LoadedManifest> {
  const doc = await loadDocument(file, cwd, options);
  const findings = validateDocument('manifest', doc);
  return findings.length ? { doc, findings } : { doc, manifest: doc.data as Manifest, findings };
}
