/**
 * DuckDB result chunks → Apache Arrow data, so that Parquet batches go through the same
 * {@link toVectorBatch} as Arrow files. DuckDB hands out its vectors as views of native
 * memory that live only as long as the chunk, so every value is copied once here, into
 * buffers the caller may reuse from one batch to the next.
 */
import * as arrow from 'apache-arrow';
import type * as Duck from '@duckdb/node-bindings';
import type { DuckModule } from './duckdb.js';
import { stringBytes } from './duckdb.js';
import { float32ToFloat16Bits } from '../float16.js';
import { VectorFileError } from '../types.js';

/** Element types DuckDB delivers for vectors, by DuckDB type id, with their Arrow types. */
export type ElementKind = 'float32' | 'float64' | 'int8' | 'uint8';

/** How the vector column is turned into Arrow. */
export interface VectorColumnPlan {
  readonly name: string;
  /** FixedSizeList when the file's Arrow schema says so; List otherwise. */
  readonly layout: 'fixed-size-list' | 'list';
  readonly listSize?: number;
  /** What DuckDB delivers. */
  readonly source: ElementKind;
  /** float16 columns arrive from DuckDB widened to float32 and are narrowed back, exactly. */
  readonly float16: boolean;
}

/** How the id column is turned into Arrow. */
export type IdColumnPlan =
  | { readonly kind: 'string' }
  | { readonly kind: 'int'; readonly type: arrow.Int; readonly itemSize: 1 | 2 | 4 | 8 };

const SOURCE_ITEM_SIZE: Readonly<Record<ElementKind, number>> = {
  float32: 4,
  float64: 8,
  int8: 1,
  uint8: 1,
};

/** Growable scratch memory reused across batches (batch values are valid until the next batch). */
export class Scratch {
  private bytes = new Uint8Array(0);

  get(byteLength: number): Uint8Array {
    if (this.bytes.byteLength < byteLength)
      this.bytes = new Uint8Array(Math.ceil(byteLength * 1.25) + 64);
    return this.bytes;
  }
}

/** Arrow type of the vector column as built here. */
export function vectorArrowType(plan: VectorColumnPlan): arrow.FixedSizeList | arrow.List {
  const element = plan.float16 ? new arrow.Float16() : arrowElement(plan.source);
  const field = new arrow.Field('item', element, true);
  return plan.layout === 'fixed-size-list'
    ? new arrow.FixedSizeList(plan.listSize!, field)
    : new arrow.List(field);
}

function arrowElement(kind: ElementKind): arrow.DataType {
  switch (kind) {
    case 'float32':
      return new arrow.Float32();
    case 'float64':
      return new arrow.Float64();
    case 'int8':
      return new arrow.Int8();
    case 'uint8':
      return new arrow.Uint8();
  }
}

/**
 * One DuckDB chunk's vector and id columns, fetched once. The bindings hand out copies
 * (`vector_get_data` copies into a fresh buffer), so in the common case — the rows'
 * elements back to back, no float16 narrowing — batches are views of that copy.
 */
export class ChunkColumns {
  readonly rows: number;
  private readonly entries: Uint32Array;
  private readonly rowValidity: Uint8Array | undefined;
  private readonly childBytes: Uint8Array;
  private readonly childValidity: Uint8Array | undefined;
  private readonly ids:
    { readonly data: Uint8Array; readonly validity: Uint8Array | undefined } | undefined;

  constructor(
    private readonly duck: DuckModule,
    chunk: Duck.DataChunk,
    private readonly plan: VectorColumnPlan,
    private readonly idPlan: IdColumnPlan | undefined,
  ) {
    const rows = duck.data_chunk_get_size(chunk);
    this.rows = rows;
    const vector = duck.data_chunk_get_vector(chunk, 0);
    // list_entry_t {uint64 offset; uint64 length}, read as 32-bit halves: no BigInt per row.
    const entryBytes = duck.vector_get_data(vector, rows * 16);
    this.entries = new Uint32Array(entryBytes.buffer, entryBytes.byteOffset, rows * 4);
    this.rowValidity = validityOf(duck, vector, rows);
    const child = duck.list_vector_get_child(vector);
    const childCount = duck.list_vector_get_size(vector);
    this.childBytes = duck.vector_get_data(child, childCount * SOURCE_ITEM_SIZE[plan.source]);
    this.childValidity = validityOf(duck, child, childCount);
    if (idPlan) {
      const idVector = duck.data_chunk_get_vector(chunk, 1);
      const width = idPlan.kind === 'int' ? idPlan.itemSize : 16;
      this.ids = {
        data: duck.vector_get_data(idVector, rows * width),
        validity: validityOf(duck, idVector, rows),
      };
    }
  }

  private entryOffset(row: number): number {
    return this.entries[4 * row]! + this.entries[4 * row + 1]! * 2 ** 32;
  }

  private entryLength(row: number): number {
    return this.entries[4 * row + 2]! + this.entries[4 * row + 3]! * 2 ** 32;
  }

  /**
   * Rows [start, end) of the vector column as Arrow List or FixedSizeList data. `scratch`
   * backs gathered or narrowed values; `rowOffset` (the file row of `start`) names the row
   * of a FixedSizeList vector of the wrong length.
   */
  vectorRows(
    start: number,
    end: number,
    scratch: { values: Scratch; nulls: Scratch },
    rowOffset: number,
    file: string,
  ): arrow.Data<arrow.FixedSizeList | arrow.List> {
    const { plan, rowValidity, childValidity, childBytes } = this;
    const rows = end - start;
    const itemSize = SOURCE_ITEM_SIZE[plan.source];
    const fixed = plan.layout === 'fixed-size-list' ? plan.listSize! : undefined;

    // List offsets, and whether the rows' elements lie back to back in the child vector
    // (they do for a plain scan).
    const offsets = new Int32Array(rows + 1);
    const first = rows > 0 ? this.entryOffset(start) : 0;
    let contiguous = true;
    let cursor = first;
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const row = start + r;
      const valid = !rowValidity || bit(rowValidity, row);
      const offset = this.entryOffset(row);
      let length = valid ? this.entryLength(row) : 0;
      if (offset !== cursor) contiguous = false;
      cursor = offset + length;
      if (fixed !== undefined) {
        if (valid && length !== fixed) {
          throw new VectorFileError(
            file,
            `vector in column "${plan.name}" has ${length} values, expected ${fixed} (FixedSizeList)`,
            {
              row: rowOffset + r,
            },
          );
        }
        if (!valid) contiguous = false; // a null row still takes `fixed` slots
        length = fixed;
      }
      total += length;
      offsets[r + 1] = total;
    }

    let values: ArrayBufferView;
    let nullBitmap: Uint8Array | undefined;
    const aligned = (childBytes.byteOffset + first * itemSize) % itemSize === 0;
    if (contiguous && !plan.float16 && aligned) {
      values = typedView(
        childBytes.subarray(first * itemSize, (first + total) * itemSize),
        total,
        plan,
      );
      if (childValidity)
        nullBitmap = copyBits(
          childValidity,
          first,
          scratch.nulls.get(((total + 7) >> 3) + 8),
          0,
          total,
        );
    } else {
      const outItem = plan.float16 ? 2 : itemSize;
      const out = scratch.values.get(total * outItem);
      const outNulls =
        childValidity || rowValidity ? scratch.nulls.get(((total + 7) >> 3) + 8) : undefined;
      // Row by row; null rows of a FixedSizeList get zero-filled, invalid slots.
      if (outNulls) outNulls.fill(0xff, 0, (total + 7) >> 3);
      for (let r = 0; r < rows; r++) {
        const row = start + r;
        const at = offsets[r]!;
        const length = offsets[r + 1]! - at;
        if (!rowValidity || bit(rowValidity, row)) {
          const from = this.entryOffset(row);
          copyElements(childBytes, from, out, at, length, plan);
          if (childValidity && outNulls) copyBits(childValidity, from, outNulls, at, length);
        } else {
          out.fill(0, at * outItem, (at + length) * outItem);
          if (outNulls) for (let i = at; i < at + length; i++) setBit(outNulls, i, false);
        }
      }
      values = typedView(out, total, plan);
      if (outNulls) nullBitmap = outNulls.subarray(0, (total + 7) >> 3);
    }

    const type = vectorArrowType(plan);
    const childData = arrow.makeData({
      type: type.children[0]!.type as arrow.Float32,
      length: total,
      data: values as Float32Array,
      ...(nullBitmap && { nullBitmap }),
    });
    const listNulls = rowValidity ? rowBits(rowValidity, start, rows) : undefined;
    if (fixed !== undefined) {
      return arrow.makeData({
        type: type as arrow.FixedSizeList,
        length: rows,
        child: childData,
        ...(listNulls && { nullBitmap: listNulls }),
      });
    }
    return arrow.makeData({
      type: type as arrow.List,
      length: rows,
      valueOffsets: offsets,
      child: childData,
      ...(listNulls && { nullBitmap: listNulls }),
    });
  }

  /** Rows [start, end) of the id column as Arrow Utf8 or Int data. */
  idRows(start: number, end: number): arrow.Data<arrow.Utf8 | arrow.Int> {
    const { idPlan, ids, duck } = this;
    if (!idPlan || !ids) throw new Error('idRows: no id column was read');
    const rows = end - start;
    const nullBitmap = ids.validity ? rowBits(ids.validity, start, rows) : undefined;
    if (idPlan.kind === 'int') {
      const data = ids.data.slice(start * idPlan.itemSize, end * idPlan.itemSize);
      return arrow.makeData({
        type: idPlan.type,
        length: rows,
        data: new idPlan.type.ArrayType(data.buffer, 0, rows) as Int32Array,
        ...(nullBitmap && { nullBitmap }),
      });
    }
    const view = new DataView(ids.data.buffer, ids.data.byteOffset, ids.data.byteLength);
    const parts = new Array<Uint8Array>(rows);
    const offsets = new Int32Array(rows + 1);
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const valid = !ids.validity || bit(ids.validity, start + r);
      const part = valid ? stringBytes(duck, ids.data, start + r, view) : EMPTY;
      parts[r] = part;
      total += part.byteLength;
      offsets[r + 1] = total;
    }
    const bytes = new Uint8Array(total);
    for (let r = 0; r < rows; r++) bytes.set(parts[r]!, offsets[r]!);
    return arrow.makeData({
      type: new arrow.Utf8(),
      length: rows,
      valueOffsets: offsets,
      data: bytes,
      ...(nullBitmap && { nullBitmap }),
    });
  }
}

const EMPTY = new Uint8Array(0);

/** A vector's validity mask (bit set = valid, LSB first, as in Arrow), or undefined when all are valid. */
function validityOf(duck: DuckModule, vector: Duck.Vector, count: number): Uint8Array | undefined {
  if (count === 0) return undefined;
  const mask = duck.vector_get_validity(vector, Math.ceil(count / 64) * 8) as Uint8Array | null;
  return mask ?? undefined;
}

function bit(bits: Uint8Array, i: number): boolean {
  return (bits[i >> 3]! & (1 << (i & 7))) !== 0;
}

/** Bits [from, from + count) of `bits` as a new bitmap starting at bit 0. */
function rowBits(bits: Uint8Array, from: number, count: number): Uint8Array {
  const out = new Uint8Array((count + 7) >> 3);
  copyBits(bits, from, out, 0, count);
  return out;
}

/** Copies `count` bits from `src` at bit `from` into `dst` at bit `to`; returns the used part of `dst`. */
function copyBits(
  src: Uint8Array,
  from: number,
  dst: Uint8Array,
  to: number,
  count: number,
): Uint8Array {
  if ((from & 7) === 0 && (to & 7) === 0) {
    const whole = count >> 3;
    dst.set(src.subarray(from >> 3, (from >> 3) + whole), to >> 3);
    for (let i = whole * 8; i < count; i++) setBit(dst, to + i, bit(src, from + i));
  } else {
    for (let i = 0; i < count; i++) setBit(dst, to + i, bit(src, from + i));
  }
  return dst.subarray(0, (to + count + 7) >> 3);
}

function setBit(bits: Uint8Array, i: number, value: boolean): void {
  if (value) bits[i >> 3]! |= 1 << (i & 7);
  else bits[i >> 3]! &= ~(1 << (i & 7));
}

/** Copies `count` elements from the DuckDB child vector (element `from`) into `out` (element `to`). */
function copyElements(
  src: Uint8Array,
  from: number,
  out: Uint8Array,
  to: number,
  count: number,
  plan: VectorColumnPlan,
): void {
  const itemSize = SOURCE_ITEM_SIZE[plan.source];
  if (!plan.float16) {
    out.set(src.subarray(from * itemSize, (from + count) * itemSize), to * itemSize);
    return;
  }
  const floats = new Float32Array(src.buffer, src.byteOffset + from * 4, count);
  const halves = new Uint16Array(out.buffer, out.byteOffset + to * 2, count);
  for (let i = 0; i < count; i++) halves[i] = float32ToFloat16Bits(floats[i]!);
}

function typedView(out: Uint8Array, count: number, plan: VectorColumnPlan): ArrayBufferView {
  if (plan.float16) return new Uint16Array(out.buffer, out.byteOffset, count);
  switch (plan.source) {
    case 'float32':
      return new Float32Array(out.buffer, out.byteOffset, count);
    case 'float64':
      return new Float64Array(out.buffer, out.byteOffset, count);
    case 'int8':
      return new Int8Array(out.buffer, out.byteOffset, count);
    case 'uint8':
      return new Uint8Array(out.buffer, out.byteOffset, count);
  }
}
