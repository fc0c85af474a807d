/**
 * Ids of Arrow string and integer columns as UTF-8 bytes ({@link IdBytes}), with the
 * strings decoded only if someone reads `batch.ids`: the scan hashes the bytes, so a
 * million-row file costs no million strings (and no garbage collection of them).
 */
import type { IdBytes, VectorBatch } from '../types.js';

export type IntIdArray =
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/**
 * A batch whose `ids` are decoded from `idBytes` on first access (then kept). The batch's
 * other fields are as given.
 */
export function withIdBytes(
  batch: Omit<VectorBatch, 'ids' | 'idBytes'>,
  idBytes: IdBytes,
): VectorBatch {
  let ids: string[] | undefined;
  return Object.defineProperties(
    { ...batch, idBytes },
    { ids: { enumerable: true, get: () => (ids ??= idStrings(idBytes, batch.rows)) } },
  ) as VectorBatch;
}

/**
 * Ids of a UTF-8 column slice: `offsets[0..rows]` index `data`, whose first byte sits at
 * offset `dataBase`. The bytes are not copied.
 */
export function utf8IdBytes(
  offsets: Int32Array | BigInt64Array,
  data: Uint8Array,
  rows: number,
  dataBase: number,
): IdBytes {
  const first = Number(offsets[0]);
  const last = Number(offsets[rows]);
  let local: Int32Array;
  if (offsets instanceof Int32Array) {
    local = offsets.subarray(0, rows + 1);
  } else {
    local = new Int32Array(rows + 1);
    for (let r = 0; r <= rows; r++) local[r] = Number(offsets[r]) - first;
  }
  return { offsets: local, data: data.subarray(first - dataBase, last - dataBase) };
}

/** Integer ids written out in base 10, as the UTF-8 bytes of their decimal strings. */
export function intIdBytes(values: IntIdArray, rows: number): IdBytes {
  const offsets = new Int32Array(rows + 1);
  const data = new Uint8Array(rows * 20 + 1);
  const digits = new Uint8Array(20);
  let p = 0;
  for (let r = 0; r < rows; r++) {
    const raw = values[r]!;
    let v =
      typeof raw === 'bigint'
        ? raw >= -0x1fffffffffffffn && raw <= 0x1fffffffffffffn
          ? Number(raw)
          : undefined
        : raw;
    if (v === undefined) {
      // Beyond 2^53 a double cannot hold it; render through BigInt's own decimal string.
      for (const ch of raw.toString()) data[p++] = ch.charCodeAt(0);
    } else {
      if (v < 0) {
        data[p++] = 0x2d; // '-'
        v = -v;
      }
      let n = 0;
      do {
        digits[n++] = 0x30 + (v % 10);
        v = Math.floor(v / 10);
      } while (v > 0);
      while (n > 0) data[p++] = digits[--n]!;
    }
    offsets[r + 1] = p;
  }
  return { offsets, data: data.subarray(0, p) };
}

/** The ids as strings. All-ASCII ids (the usual case) are decoded in one call and sliced. */
export function idStrings(idBytes: IdBytes, rows: number): string[] {
  const { offsets, data } = idBytes;
  const base = offsets[0]!;
  const out = new Array<string>(rows);
  let ascii = true;
  for (let i = 0; i < data.length; i++) {
    if (data[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
    for (let r = 0; r < rows; r++) out[r] = text.slice(offsets[r]! - base, offsets[r + 1]! - base);
    return out;
  }
  const decoder = new TextDecoder('utf-8');
  for (let r = 0; r < rows; r++)
    out[r] = decoder.decode(data.subarray(offsets[r]! - base, offsets[r + 1]! - base));
  return out;
}
