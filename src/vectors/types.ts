/**
 * The one interface every vector reader implements.
 *
 * Readers stream record batches: no reader ever materialises a whole file, so the
 * memory a scan needs is bounded by the batch size, not by the file size.
 */

export {
  VECTOR_DTYPES,
  VECTOR_FORMATS,
  type VectorDType,
  type VectorFormat,
} from '../config/vocabulary.js';
import type { VectorDType, VectorFormat, VectorsOpenSpec } from '../config/vocabulary.js';

/**
 * The raw values of one batch, row-major, `rows * width` elements long.
 * float16 is carried as its raw bit patterns (Uint16Array) and decoded by the kernels;
 * binary is carried as packed bytes (Uint8Array, `ceil(dims / 8)` bytes per row).
 */
export type VectorValues = Float32Array | Float64Array | Uint16Array | Int8Array | Uint8Array;

/**
 * The most values per vector any reader accepts (bits, for packed binary). The largest
 * embedding models write a few thousand; a header or schema that declares more is taken for
 * damage, before anything sized by it is allocated (the scan keeps per-dimension state).
 */
export const MAX_DIMS = 1 << 20;

/** One streamed slice of a vectors file. */
export interface VectorBatch {
  /** 0-based index of this batch's first row within the whole file. */
  readonly rowOffset: number;
  readonly rows: number;
  /** Logical dimensionality (bits for `binary`). */
  readonly dims: number;
  readonly dtype: VectorDType;
  /** Row-major values; valid only until the next batch is requested (readers may reuse buffers). */
  readonly values: VectorValues;
  /**
   * The ids of this batch's rows, as strings (integer ids are rendered in base 10).
   * Absent when the file carries no ids: the 0-based row number is then the id.
   */
  readonly ids?: readonly string[];
  /**
   * The same ids as UTF-8 bytes, when the reader has them that way (Arrow string and
   * integer columns): id r is `data[offsets[r] - offsets[0], offsets[r + 1] - offsets[0])`.
   * The scan hashes these directly, and such readers decode `ids` only if it is read,
   * which spares a string per row. Valid only until the next batch is requested.
   */
  readonly idBytes?: IdBytes;
}

/** A batch's ids as UTF-8 bytes; see {@link VectorBatch.idBytes}. */
export interface IdBytes {
  readonly offsets: Int32Array;
  readonly data: Uint8Array;
}

/** What a reader knows about a file from its header or schema, before scanning. */
export interface VectorFileInfo {
  readonly path: string;
  readonly format: VectorFormat;
  readonly dtype: VectorDType;
  readonly dims: number;
  /** Row count when the header states it (npy, arrow file footer, parquet metadata). */
  readonly rows?: number;
  /** Names of the columns used, for columnar formats. */
  readonly vectorColumn?: string;
  readonly idColumn?: string;
  /** True when ids come from the file or a sidecar; false when row numbers stand in. */
  readonly hasIds: boolean;
}

/** Options shared by every reader: what a resolved vectors reference says, plus a batch hint. */
export interface OpenOptions extends VectorsOpenSpec {
  /** Rows per batch the reader aims for (a hint; readers of chunked formats follow the file). */
  readonly batchRows?: number;
}

/** An opened vectors file. */
export interface VectorSource {
  readonly info: VectorFileInfo;
  /** Streams the file's batches in order. Throws {@link VectorFileError} on a broken file. */
  batches(): AsyncIterable<VectorBatch>;
  /**
   * Streams the batches from the one holding file row `row` on, as {@link batches} would
   * stream them, without reading or decoding the whole batches (row groups, record batches,
   * parts) before it: row offsets stay the file's, and the first batch may start before
   * `row`. Absent when the format cannot start anywhere but at its first row (JSON Lines,
   * a stream). A shard's slice starts here (vectors/row-slice.ts).
   */
  batchesFrom?(row: number): AsyncIterable<VectorBatch>;
  /** Releases file handles. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * A vectors file that cannot be read as promised. Carries where it broke, so the
 * message can name the file and the byte offset, line or row.
 */
export class VectorFileError extends Error {
  override readonly name = 'VectorFileError';
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly where?: { readonly byte?: number; readonly line?: number; readonly row?: number },
  ) {
    super(`${file}${formatWhere(where)}: ${detail}`);
  }
}

function formatWhere(where?: { byte?: number; line?: number; row?: number }): string {
  if (!where) return '';
  if (where.line !== undefined) return `:${where.line}`;
  if (where.byte !== undefined) return ` (byte ${where.byte})`;
  if (where.row !== undefined) return ` (row ${where.row})`;
  return '';
}
