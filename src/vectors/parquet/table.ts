/**
 * Whole columns of a small Parquet file, each row's leaf values flattened in order: what
 * the probe-set reader needs (ids, token lists, nested pixel lists), on the same footer and
 * page decoding as the vectors reader.
 */
import type * as arrow from 'apache-arrow';
import type { ByteSource } from '../../sources/types.js';
import { decodeFloat16 } from '../float16.js';
import { VectorFileError } from '../types.js';
import { decompressorFor } from './codecs.js';
import type { ByteArrays } from './encodings.js';
import {
  Physical,
  readEnvelope,
  readMetadata,
  type ParquetMetadata,
  type SchemaNode,
} from './meta.js';
import { ChunkPages } from './pages.js';

/** One column: row r's values are `values[offsets[r], offsets[r + 1])`. */
export interface FlatColumn {
  readonly offsets: Int32Array;
  readonly values: ArrayLike<number> | ArrayLike<bigint> | readonly string[];
  /** The first row holding a null (or an empty list), or -1. */
  readonly nullRow: number;
}

/** A Parquet file opened for whole-column reads. */
export interface ParquetTable {
  readonly schema: arrow.Schema;
  readonly rows: number;
  /** The column named `name` (a field of {@link schema}), read whole. */
  column(name: string): Promise<FlatColumn>;
}

/** Reads the footer of `source` (which the caller keeps and closes). */
export async function openParquetTable(source: ByteSource): Promise<ParquetTable> {
  const meta = await readMetadata(source, await readEnvelope(source));
  return {
    schema: meta.schema,
    rows: meta.rows,
    column: (name) => readColumn(source, meta, name),
  };
}

function leafOf(node: SchemaNode): SchemaNode | undefined {
  let n = node;
  while (n.physical === undefined) {
    if (n.children.length !== 1) return undefined;
    n = n.children[0]!;
  }
  return n;
}

async function readColumn(
  source: ByteSource,
  meta: ParquetMetadata,
  name: string,
): Promise<FlatColumn> {
  const index = meta.schema.fields.findIndex((f) => f.name === name);
  const node = meta.nodes[index];
  const leaf = node && leafOf(node);
  if (!leaf)
    throw new VectorFileError(source.display, `column "${name}" is not a column of values`);
  // Probe sets are small files: a row count this large is a lying footer.
  if (meta.rows > 1 << 26)
    throw new VectorFileError(
      source.display,
      `the footer states ${meta.rows} rows; expected at most ${1 << 26}`,
    );
  const offsets = new Int32Array(meta.rows + 1);
  const parts: (Uint8Array | ByteArrays)[] = [];
  let row = -1;
  let values = 0;
  let nullRow = -1;
  for (const group of meta.rowGroups) {
    const chunk = group.columns[leaf.column!]!;
    const decompress = await decompressorFor(chunk.codec);
    if (typeof decompress === 'string') throw new VectorFileError(source.display, decompress);
    const pages = new ChunkPages(source, chunk, leaf, decompress, name);
    for (let page = await pages.next(); page; page = await pages.next()) {
      const starts = page.rowStarts;
      let k = 0;
      for (let s = 0; s < page.count; s++) {
        if (!starts || (k < starts.length && starts[k] === s)) {
          k++;
          row++;
          if (row >= meta.rows)
            throw new VectorFileError(
              source.display,
              `column "${name}" holds more rows than the footer's ${meta.rows}`,
            );
          offsets[row] = values;
        }
        if (row < 0)
          throw new VectorFileError(source.display, `column "${name}" does not start at a row`);
        if (page.defs && page.defs[s]! < leaf.maxDef) {
          if (nullRow < 0) nullRow = row;
        } else {
          values++;
        }
      }
      // Copied: a page's bytes may live in the page reader's reused buffer.
      parts.push(page.values instanceof Uint8Array ? page.values.slice() : page.values);
    }
  }
  if (row + 1 !== meta.rows)
    throw new VectorFileError(
      source.display,
      `column "${name}" holds ${row + 1} rows, the footer ${meta.rows}`,
    );
  for (let r = row + 1; r <= meta.rows; r++) offsets[r] = values;
  return { offsets, values: flatten(leaf, parts, values), nullRow };
}

function flatten(
  leaf: SchemaNode,
  parts: (Uint8Array | ByteArrays)[],
  count: number,
): FlatColumn['values'] {
  if (leaf.physical === Physical.BYTE_ARRAY) {
    const decoder = new TextDecoder();
    return parts.flatMap((p) => {
      const a = p as ByteArrays;
      return Array.from({ length: a.offsets.length - 1 }, (_, i) =>
        decoder.decode(a.data.subarray(a.offsets[i]!, a.offsets[i + 1]!)),
      );
    });
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + (p as Uint8Array).length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p as Uint8Array, at);
    at += (p as Uint8Array).length;
  }
  switch (leaf.physical) {
    case Physical.BOOLEAN:
      return bytes.subarray(0, count);
    case Physical.INT32:
      return new Int32Array(bytes.buffer, 0, count);
    case Physical.INT64:
      return new BigInt64Array(bytes.buffer, 0, count);
    case Physical.FLOAT:
      return new Float32Array(bytes.buffer, 0, count);
    case Physical.DOUBLE:
      return new Float64Array(bytes.buffer, 0, count);
    case Physical.FIXED_LEN_BYTE_ARRAY:
      if (leaf.typeLength === 2) {
        const halves = new Uint16Array(bytes.buffer, 0, count);
        return Float32Array.from(halves, decodeFloat16);
      }
  }
  throw new VectorFileError('', `physical type ${leaf.physical} is not read`);
}
