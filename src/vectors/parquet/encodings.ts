/**
 * Parquet's value and level encodings: the RLE / bit-packed hybrid (levels and dictionary
 * indices), PLAIN, BYTE_STREAM_SPLIT and the three DELTA encodings Spark and parquet-mr
 * write for ids. Each decoder checks its lengths against the bytes it was given and throws
 * {@link EncodingError} (the page reader adds the file offset) rather than reading past them.
 */

/** Damaged encoded data, at a byte offset relative to the page's decompressed bytes. */
export class EncodingError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Variable-length values: value i is `data[offsets[i], offsets[i + 1])`. */
export interface ByteArrays {
  readonly offsets: Int32Array;
  readonly data: Uint8Array;
}

/** A run of the hybrid encoding, handed to a visitor: `count` copies of `value`, or bit-packed values. */
type RunVisitor = {
  rle(value: number, from: number, count: number): void;
  packed(bytes: Uint8Array, at: number, from: number, count: number): void;
};

function varint(b: Uint8Array, pos: { p: number }, end: number): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 5; i++) {
    if (pos.p >= end) throw new EncodingError('ends inside a varint', pos.p);
    const byte = b[pos.p++]!;
    result += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return result;
    scale *= 128;
  }
  throw new EncodingError('varint longer than 5 bytes', pos.p);
}

/** Walks the runs of a hybrid stream `b[start, end)` that hold the first `count` values. */
function walkHybrid(
  b: Uint8Array,
  start: number,
  end: number,
  width: number,
  count: number,
  visit: RunVisitor,
): void {
  const pos = { p: start };
  const valueBytes = (width + 7) >> 3;
  let done = 0;
  while (done < count) {
    const header = varint(b, pos, end);
    if ((header & 1) === 0) {
      const n = Math.min(header / 2, count - done);
      if (header === 0) throw new EncodingError('empty RLE run', pos.p);
      if (pos.p + valueBytes > end) throw new EncodingError('ends inside an RLE run', pos.p);
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value += b[pos.p + i]! * 2 ** (8 * i);
      pos.p += valueBytes;
      visit.rle(value, done, n);
      done += n;
    } else {
      const groups = (header - 1) / 2;
      const bytes = groups * width;
      if (groups === 0) throw new EncodingError('empty bit-packed run', pos.p);
      if (pos.p + bytes > end) {
        // Writers may end the last group early; what is there must hold the values used.
        const n = Math.min(groups * 8, count - done);
        if (pos.p + Math.ceil((n * width) / 8) > end)
          throw new EncodingError('ends inside a bit-packed run', pos.p);
      }
      const n = Math.min(groups * 8, count - done);
      visit.packed(b, pos.p, done, n);
      pos.p += bytes;
      done += n;
    }
  }
}

/**
 * Unpacks `count` values of `width` bits (LSB first) from `b` at byte `at` into
 * `out[from..]`. Widths up to 24 run through a 32-bit bit buffer; wider ones (dictionary
 * indices past 16 M entries only) through {@link unpackObvious}, which is also the oracle
 * the tests compare this with.
 */
export function unpack(
  b: Uint8Array,
  at: number,
  width: number,
  out: Uint8Array | Int32Array,
  from: number,
  count: number,
): void {
  if (width === 0) {
    out.fill(0, from, from + count);
    return;
  }
  if (width > 24) {
    unpackObvious(b, at, width, out, from, count);
    return;
  }
  const mask = (1 << width) - 1;
  let buffer = 0;
  let bits = 0;
  let p = at;
  for (let i = from, end = from + count; i < end; i++) {
    while (bits < width) {
      buffer |= (b[p++]! | 0) << bits; // past the end reads as 0 (the caller checked the length)
      bits += 8;
    }
    out[i] = buffer & mask;
    buffer >>>= width;
    bits -= width;
  }
}

/** The obvious bit-by-bit unpacking, for any width up to 32. */
export function unpackObvious(
  b: Uint8Array,
  at: number,
  width: number,
  out: Uint8Array | Int32Array,
  from: number,
  count: number,
): void {
  let bitPos = at * 8;
  for (let i = 0; i < count; i++) {
    let value = 0;
    for (let k = 0; k < width; k++, bitPos++) {
      if (((b[bitPos >>> 3] ?? 0) >>> (bitPos & 7)) & 1) value += 2 ** k;
    }
    out[from + i] = value;
  }
}

/** Decodes `count` hybrid values of `width` bits into `out`. */
export function decodeHybrid(
  b: Uint8Array,
  start: number,
  end: number,
  width: number,
  count: number,
  out: Uint8Array | Int32Array,
): void {
  walkHybrid(b, start, end, width, count, {
    rle: (value, from, n) => out.fill(value, from, from + n),
    packed: (bytes, at, from, n) => unpack(bytes, at, width, out, from, n),
  });
}

const scratch8 = new Uint8Array(8 * 1024);

/** True when all `count` hybrid values equal `value` (levels without a null: the usual case). */
export function hybridAll(
  b: Uint8Array,
  start: number,
  end: number,
  width: number,
  count: number,
  value: number,
): boolean {
  let all = true;
  walkHybrid(b, start, end, width, count, {
    rle: (v) => {
      if (v !== value) all = false;
    },
    packed: (bytes, at, _from, n) => {
      for (let i = 0; i < n && all; i += scratch8.length) {
        const k = Math.min(scratch8.length, n - i);
        unpack(bytes, at + (i * width) / 8, width, scratch8, 0, k);
        for (let j = 0; j < k; j++) if (scratch8[j] !== value) all = false;
      }
    },
  });
  return all;
}

/** Indices of the values that are 0 among `count` hybrid values: where records start. */
export function hybridZeros(
  b: Uint8Array,
  start: number,
  end: number,
  width: number,
  count: number,
): Int32Array {
  let out = new Int32Array(64);
  let n = 0;
  const push = (i: number): void => {
    if (n === out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[n++] = i;
  };
  walkHybrid(b, start, end, width, count, {
    rle: (v, from, k) => {
      if (v === 0) for (let i = 0; i < k; i++) push(from + i);
    },
    packed: (bytes, at, from, k) => {
      if (width === 1) {
        // One bit per level: whole bytes of ones (no record starts) are skipped at once.
        for (let i = 0; i < k; i += 8) {
          const zeros = ~bytes[at + (i >> 3)]! & 0xff & (k - i >= 8 ? 0xff : (1 << (k - i)) - 1);
          if (zeros === 0) continue;
          for (let j = 0; j < 8; j++) if (zeros & (1 << j)) push(from + i + j);
        }
        return;
      }
      for (let i = 0; i < k; i += scratch8.length) {
        const m = Math.min(scratch8.length, k - i);
        unpack(bytes, at + (i * width) / 8, width, scratch8, 0, m);
        for (let j = 0; j < m; j++) if (scratch8[j] === 0) push(from + i + j);
      }
    },
  });
  return out.subarray(0, n);
}

/** PLAIN BYTE_ARRAY: `count` values, each a 4-byte length and its bytes. */
export function plainByteArrays(
  b: Uint8Array,
  start: number,
  end: number,
  count: number,
): ByteArrays {
  if (count > end - start)
    throw new EncodingError(`${count} byte arrays cannot fit in ${end - start} bytes`, start);
  const offsets = new Int32Array(count + 1);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = start;
  let total = 0;
  const starts = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    if (p + 4 > end) throw new EncodingError('ends inside a byte array length', p);
    const length = view.getUint32(p, true);
    p += 4;
    if (length > end - p)
      throw new EncodingError(`byte array of ${length} bytes runs past the page`, p);
    starts[i] = p;
    p += length;
    total += length;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < count; i++)
    data.set(b.subarray(starts[i]!, starts[i]! + offsets[i + 1]! - offsets[i]!), offsets[i]!);
  return { offsets, data };
}

/** DELTA_BINARY_PACKED: `count` integers (the stream may state more), and where they end. */
export function deltaBinaryPacked(
  b: Uint8Array,
  start: number,
  end: number,
  count?: number,
): { values: BigInt64Array; end: number } {
  const pos = { p: start };
  const blockSize = varint(b, pos, end);
  const miniblocks = varint(b, pos, end);
  const total = varint(b, pos, end);
  const first = zigzag64(b, pos, end);
  if (blockSize === 0 || blockSize % 128 !== 0 || miniblocks === 0 || blockSize % miniblocks !== 0)
    throw new EncodingError(
      `DELTA_BINARY_PACKED block of ${blockSize} in ${miniblocks} miniblocks`,
      start,
    );
  const perMini = blockSize / miniblocks;
  if (perMini % 32 !== 0) throw new EncodingError(`miniblocks of ${perMini} values`, start);
  const wanted = count ?? total;
  if (wanted > total)
    throw new EncodingError(`stream holds ${total} values, ${wanted} expected`, start);
  // Every 8 values of a miniblock take at least one bit-width byte per block: bound the count.
  if (total > (end - start) * blockSize + 1)
    throw new EncodingError(`stream states ${total} values in ${end - start} bytes`, start);
  const values = new BigInt64Array(wanted);
  if (wanted > 0) values[0] = first;
  let done = 1;
  let last = first;
  const widths = new Uint8Array(miniblocks);
  while (done < total) {
    const minDelta = zigzag64(b, pos, end);
    if (pos.p + miniblocks > end) throw new EncodingError('ends inside the bit widths', pos.p);
    widths.set(b.subarray(pos.p, pos.p + miniblocks));
    pos.p += miniblocks;
    for (let m = 0; m < miniblocks && done < total; m++) {
      const width = widths[m]!;
      if (width > 64) throw new EncodingError(`bit width ${width}`, pos.p);
      const bytes = (perMini * width) / 8;
      if (pos.p + bytes > end) throw new EncodingError('ends inside a miniblock', pos.p);
      let bit = 0;
      for (let i = 0; i < perMini && done < total; i++) {
        let v = 0n;
        for (let k = 0; k < width; k++, bit++) {
          if ((b[pos.p + (bit >>> 3)]! >>> (bit & 7)) & 1) v |= 1n << BigInt(k);
        }
        last = BigInt.asIntN(64, last + minDelta + v);
        if (done < wanted) values[done] = last;
        done++;
      }
      pos.p += bytes;
    }
  }
  return { values, end: pos.p };
}

function zigzag64(b: Uint8Array, pos: { p: number }, end: number): bigint {
  let result = 0n;
  for (let i = 0; i < 10; i++) {
    if (pos.p >= end) throw new EncodingError('ends inside a varint', pos.p);
    const byte = b[pos.p++]!;
    result |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) return (result >> 1n) ^ -(result & 1n);
  }
  throw new EncodingError('varint longer than 10 bytes', pos.p);
}

function lengthsOf(values: BigInt64Array, at: number): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < 0n || v > 0x7fffffffn) throw new EncodingError(`byte array length ${v}`, at);
    out[i] = Number(v);
  }
  return out;
}

/** DELTA_LENGTH_BYTE_ARRAY: delta-encoded lengths, then the bytes back to back. */
export function deltaLengthByteArrays(
  b: Uint8Array,
  start: number,
  end: number,
  count: number,
): { arrays: ByteArrays; end: number } {
  const lengths = deltaBinaryPacked(b, start, end, count);
  const lens = lengthsOf(lengths.values, start);
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + lens[i]!;
  const total = offsets[count]!;
  if (lengths.end + total > end)
    throw new EncodingError('byte arrays run past the page', lengths.end);
  return {
    arrays: { offsets, data: b.slice(lengths.end, lengths.end + total) },
    end: lengths.end + total,
  };
}

/** DELTA_BYTE_ARRAY: each value shares a stated prefix with the one before. */
export function deltaByteArrays(
  b: Uint8Array,
  start: number,
  end: number,
  count: number,
): ByteArrays {
  const prefixes = deltaBinaryPacked(b, start, end, count);
  const pre = lengthsOf(prefixes.values, start);
  const suffixes = deltaLengthByteArrays(b, prefixes.end, end, count).arrays;
  const offsets = new Int32Array(count + 1);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const previous = i === 0 ? 0 : offsets[i]! - offsets[i - 1]!;
    if (pre[i]! > previous)
      throw new EncodingError(`prefix of ${pre[i]} bytes, previous value ${previous}`, start);
    total += pre[i]! + suffixes.offsets[i + 1]! - suffixes.offsets[i]!;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < count; i++) {
    const at = offsets[i]!;
    if (pre[i]! > 0) data.copyWithin(at, offsets[i - 1]!, offsets[i - 1]! + pre[i]!);
    data.set(suffixes.data.subarray(suffixes.offsets[i]!, suffixes.offsets[i + 1]!), at + pre[i]!);
  }
  return { offsets, data };
}

/** BYTE_STREAM_SPLIT: byte k of value i sits at `k × count + i`. */
export function byteStreamSplit(
  b: Uint8Array,
  start: number,
  end: number,
  width: number,
  count: number,
): Uint8Array {
  if (start + width * count > end)
    throw new EncodingError('BYTE_STREAM_SPLIT data runs past the page', start);
  const out = new Uint8Array(width * count);
  for (let k = 0; k < width; k++) {
    const from = start + k * count;
    for (let i = 0; i < count; i++) out[i * width + k] = b[from + i]!;
  }
  return out;
}
