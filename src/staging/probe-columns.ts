/**
 * A probe set in memory: per model input, every row's values back to back in the input's
 * element type, and the builder both probe-set readers fill.
 */
import { float32ToFloat16Bits } from '../vectors/float16.js';

/** Element types a probe column can be converted to (onnxruntime tensor type names). */
export type ProbeElement =
  'float32' | 'float64' | 'float16' | 'int64' | 'int32' | 'int8' | 'uint8' | 'bool';

/** Values of one column, all rows back to back. */
export type ProbeValues =
  Float32Array | Float64Array | Uint16Array | BigInt64Array | Int32Array | Int8Array | Uint8Array;

/** One model input's column: row r is `values[offsets[r], offsets[r + 1])`. */
export interface ProbeColumn {
  readonly offsets: Int32Array;
  readonly values: ProbeValues;
}

/** What to read for one model input. */
export interface ProbeColumnRequest {
  readonly input: string;
  readonly column: string;
  readonly type: ProbeElement;
}

/** A probe set as read. */
export interface ProbeSet {
  readonly ids: readonly string[];
  /** By model input name. */
  readonly columns: ReadonlyMap<string, ProbeColumn>;
}

/** A probe set that cannot be read as declared; the message names the file, and the column or row. */
export class ProbeSetError extends Error {
  override readonly name = 'ProbeSetError';
}

/** Input types a float column may not feed (values would be truncated). */
export const INTEGER_TARGETS = new Set<ProbeElement>(['int64', 'int32', 'int8', 'uint8', 'bool']);

/** Collects one column's rows, then packs them into the target typed array. */
export class ColumnBuilder {
  private readonly rows: (ArrayLike<number> | ArrayLike<bigint>)[] = [];
  private total = 0;

  constructor(readonly request: ProbeColumnRequest) {}

  push(row: ArrayLike<number> | ArrayLike<bigint>): void {
    this.rows.push(row);
    this.total += row.length;
  }

  build(): ProbeColumn {
    const offsets = new Int32Array(this.rows.length + 1);
    const values = allocate(this.request.type, this.total);
    let at = 0;
    this.rows.forEach((row, r) => {
      for (let j = 0; j < row.length; j++) values[at + j] = convert(this.request.type, row[j]!);
      at += row.length;
      offsets[r + 1] = at;
    });
    return { offsets, values };
  }
}

function allocate(type: ProbeElement, n: number): ProbeValues & { [i: number]: number | bigint } {
  switch (type) {
    case 'float32':
      return new Float32Array(n);
    case 'float64':
      return new Float64Array(n);
    case 'float16':
      return new Uint16Array(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'int8':
      return new Int8Array(n);
    case 'uint8':
    case 'bool':
      return new Uint8Array(n);
  }
}

function convert(type: ProbeElement, v: number | bigint): number | bigint {
  if (type === 'int64') return typeof v === 'bigint' ? v : BigInt(v);
  if (type === 'float16') return float32ToFloat16Bits(Number(v));
  if (type === 'bool') return v ? 1 : 0;
  return Number(v);
}

/** A file's column names for messages. */
export function describeColumns(names: readonly string[]): string {
  return names.length ? names.join(', ') : 'none';
}
