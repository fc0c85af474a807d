/**
 * NumPy `.npy` reader (format versions 1.0, 2.0 and 3.0), streaming a 2-D array of
 * float32/float16/float64/int8/uint8 in either byte order and either memory order.
 *
 * The header is a Python dict literal, e.g. `{'descr': '<f4', 'fortran_order': False,
 * 'shape': (1000, 768), }`, parsed here by a small literal parser rather than by
 * evaluating anything. The file size is checked against the shape before any data is read.
 *
 * Fortran (column-major) files are streamed too: each batch of rows is gathered with one
 * positioned read per column, then transposed. Memory stays at four batch buffers, so no
 * size cap is needed; it is slower than C order (one read per column per batch), which is
 * why Fortran batches aim for larger reads.
 */
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { SidecarIds } from './ids.js';
import { alignedBytes, batchRowsFor, prefetch, readExactly, typedView, wrongMagic } from './io.js';
import { streamRowBlock, swapInPlace } from './rows.js';
import type { OpenOptions, VectorBatch, VectorDType, VectorSource, VectorValues } from './types.js';
import { VectorFileError } from './types.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** Rows per Fortran batch aim for this many bytes, so each per-column read is not tiny. */
const FORTRAN_BATCH_BYTES = 16 << 20;

interface NpyDType {
  readonly dtype: VectorDType;
  readonly itemSize: 1 | 2 | 4 | 8;
  readonly bigEndian: boolean;
}

const DESCRS: Readonly<Record<string, Omit<NpyDType, 'bigEndian'>>> = {
  f4: { dtype: 'float32', itemSize: 4 },
  f2: { dtype: 'float16', itemSize: 2 },
  f8: { dtype: 'float64', itemSize: 8 },
  i1: { dtype: 'int8', itemSize: 1 },
  u1: { dtype: 'uint8', itemSize: 1 },
};

/** What an npy header says. */
export interface NpyHeader {
  readonly version: 1 | 2 | 3;
  readonly descr: string;
  readonly dtype: NpyDType;
  readonly fortranOrder: boolean;
  readonly rows: number;
  readonly dims: number;
  /** Byte offset of the first element. */
  readonly dataOffset: number;
}

/** Opens an `.npy` file; ids come from `opts.idsPath` (one per line) or row numbers. */
export async function openNpy(path: string, opts: OpenOptions = {}): Promise<VectorSource> {
  const handle = await open(path, 'r');
  let sidecar: SidecarIds | undefined;
  try {
    const size = (await handle.stat()).size;
    const header = await readNpyHeader(handle, size, path);
    const dataBytes = header.rows * header.dims * header.dtype.itemSize;
    const expected = header.dataOffset + dataBytes;
    const shape = `(${header.rows}, ${header.dims}) ${header.descr}`;
    if (size < expected) {
      throw new VectorFileError(
        path,
        `header promises shape ${shape}: ${dataBytes} data bytes from byte ${header.dataOffset}, ` +
          `but the file holds only ${size - header.dataOffset} (truncated?)`,
        { byte: size },
      );
    }
    if (size > expected) {
      throw new VectorFileError(
        path,
        `header promises shape ${shape} (${expected} bytes in all), but the file has ${size - expected} more bytes`,
        { byte: expected },
      );
    }
    if (opts.idsPath !== undefined)
      sidecar = await SidecarIds.open(opts.idsPath, header.rows, path);
    return npySource(path, handle, header, opts, sidecar);
  } catch (e) {
    await sidecar?.close();
    await handle.close();
    throw e;
  }
}

function npySource(
  path: string,
  handle: FileHandle,
  header: NpyHeader,
  opts: OpenOptions,
  sidecar: SidecarIds | undefined,
): VectorSource {
  const { dtype, itemSize, bigEndian } = header.dtype;
  const view = (bytes: Uint8Array, elements: number): VectorValues =>
    typedView(dtype, bytes.buffer, bytes.byteOffset, elements);
  const swapBytes = bigEndian && itemSize > 1 ? (itemSize as 2 | 4 | 8) : undefined;
  let closed = false;
  return {
    info: {
      path,
      format: 'npy',
      dtype,
      dims: header.dims,
      rows: header.rows,
      hasIds: sidecar !== undefined,
    },
    batches() {
      const ids = sidecar?.reader();
      if (header.fortranOrder)
        return streamFortran(path, handle, header, opts, view, swapBytes, ids);
      return streamRowBlock(
        {
          file: path,
          handle,
          dataOffset: header.dataOffset,
          rows: header.rows,
          dims: header.dims,
          dtype,
          rowBytes: header.dims * itemSize,
          batchRows: batchRowsFor(header.dims * itemSize, opts.batchRows),
          ...(swapBytes && { swapBytes }),
          view,
        },
        ids,
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      await sidecar?.close();
      await handle.close();
    },
  };
}

async function* streamFortran(
  path: string,
  handle: FileHandle,
  header: NpyHeader,
  opts: OpenOptions,
  view: (bytes: Uint8Array, elements: number) => VectorValues,
  swapBytes: 2 | 4 | 8 | undefined,
  ids: ReturnType<SidecarIds['reader']> | undefined,
): AsyncGenerator<VectorBatch> {
  const { rows, dims, dataOffset } = header;
  const itemSize = header.dtype.itemSize;
  if (rows === 0) return;
  const rowBytes = dims * itemSize;
  const batchRows = opts.batchRows ?? Math.max(1, Math.floor(FORTRAN_BATCH_BYTES / rowBytes));
  const batchRowsUsed = batchRowsFor(rowBytes, batchRows);
  const slotBytes = Math.min(rows, batchRowsUsed) * rowBytes;
  const columns = [alignedBytes(slotBytes), alignedBytes(slotBytes)] as const;
  const out = [alignedBytes(slotBytes), alignedBytes(slotBytes)] as const;

  function* jobs(): Generator<{ start: number; count: number }> {
    for (let start = 0; start < rows; start += batchRowsUsed) {
      yield { start, count: Math.min(batchRowsUsed, rows - start) };
    }
  }

  yield* prefetch(jobs(), async ({ start, count }, slot): Promise<VectorBatch> => {
    const idsPromise = ids?.take(count);
    idsPromise?.catch(() => undefined);
    const colBytes = count * itemSize;
    const staging = columns[slot];
    // One read per column: synchronous, because hundreds of small asynchronous reads per
    // batch spent far longer in thread-pool round trips than in copying (0.13 GB/s).
    for (let c = 0; c < dims; c++) {
      const position = dataOffset + (c * rows + start) * itemSize;
      readExactlySync(
        handle.fd,
        staging,
        c * colBytes,
        colBytes,
        position,
        path,
        `column ${c}, rows ${start}–${start + count - 1}`,
      );
    }
    const target = out[slot].subarray(0, count * rowBytes);
    transpose(staging, target, count, dims, itemSize);
    if (swapBytes) swapInPlace(target, swapBytes);
    const batch: VectorBatch = {
      rowOffset: start,
      rows: count,
      dims,
      dtype: header.dtype.dtype,
      values: view(target, count * dims),
    };
    return idsPromise ? { ...batch, ids: await idsPromise } : batch;
  });
}

/** Column-major `count × dims` elements in `src` → row-major in `dst`, moving raw bits. */
function transpose(
  src: Uint8Array,
  dst: Uint8Array,
  count: number,
  dims: number,
  itemSize: number,
): void {
  // 8-byte elements move as two 32-bit halves: copying through a Float64Array could
  // canonicalise NaN payloads, and BigUint64Array is much slower.
  const words = itemSize === 8 ? 2 : 1;
  const width = itemSize === 8 ? 4 : itemSize;
  const n = count * dims * words;
  const s = integerView(src, width, n);
  const d = integerView(dst, width, n);
  // In 32 × 32 tiles, so both the reads and the strided writes stay in cache.
  const T = 32;
  for (let c0 = 0; c0 < dims; c0 += T) {
    const c1 = Math.min(dims, c0 + T);
    for (let r0 = 0; r0 < count; r0 += T) {
      const r1 = Math.min(count, r0 + T);
      for (let c = c0; c < c1; c++) {
        for (let r = r0; r < r1; r++) {
          const from = (c * count + r) * words;
          const to = (r * dims + c) * words;
          d[to] = s[from]!;
          if (words === 2) d[to + 1] = s[from + 1]!;
        }
      }
    }
  }
}

function integerView(
  bytes: Uint8Array,
  width: number,
  length: number,
): Uint8Array | Uint16Array | Uint32Array {
  if (width === 1) return bytes.subarray(0, length);
  if (width === 2) return new Uint16Array(bytes.buffer, bytes.byteOffset, length);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, length);
}

/** Reads and validates the magic, version and header dict of an npy file. */
export async function readNpyHeader(
  handle: FileHandle,
  size: number,
  path: string,
): Promise<NpyHeader> {
  const prefix = new Uint8Array(12);
  const got = Math.min(12, size);
  await readExactly(handle, prefix, 0, got, 0, path, 'the npy preamble');
  if (MAGIC.some((b, i) => prefix[i] !== b)) {
    throw wrongMagic(path, 'a NumPy file', '\\x93NUMPY', prefix.subarray(0, Math.min(got, 6)));
  }
  if (size < 10)
    throw new VectorFileError(path, `file ends inside the npy preamble (${size} bytes)`, {
      byte: size,
    });
  const major = prefix[6]!;
  if (major !== 1 && major !== 2 && major !== 3) {
    throw new VectorFileError(
      path,
      `unsupported npy format version ${major}.${prefix[7]} (expected 1.0, 2.0 or 3.0)`,
      {
        byte: 6,
      },
    );
  }
  const lengthBytes = major === 1 ? 2 : 4;
  if (size < 8 + lengthBytes)
    throw new VectorFileError(path, `file ends inside the npy preamble (${size} bytes)`, {
      byte: size,
    });
  const dv = new DataView(prefix.buffer);
  const headerLength = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  if (headerStart + headerLength > size) {
    throw new VectorFileError(
      path,
      `npy header claims ${headerLength} bytes but the file ends after ${size - headerStart}`,
      { byte: size },
    );
  }
  const raw = new Uint8Array(headerLength);
  await readExactly(handle, raw, 0, headerLength, headerStart, path, 'the npy header');
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(raw);
  const fail = (detail: string): never => {
    throw new VectorFileError(path, `bad npy header ${JSON.stringify(text.trim())}: ${detail}`, {
      byte: headerStart,
    });
  };
  let dict: Map<string, PyValue>;
  try {
    dict = parsePyDict(text);
  } catch (e) {
    return fail((e as Error).message);
  }
  const descr = dict.get('descr');
  const fortran = dict.get('fortran_order');
  const shape = dict.get('shape');
  if (typeof descr !== 'string') return fail(`expected 'descr' to be a dtype string such as '<f4'`);
  if (typeof fortran !== 'boolean') return fail(`expected 'fortran_order' to be True or False`);
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number'))
    return fail(`expected 'shape' to be a tuple of integers`);
  if (shape.length !== 2) {
    return fail(
      `expected a 2-D array (rows, dims), found shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''})`,
    );
  }
  const [rows, dims] = shape as number[] as [number, number];
  if (dims < 1)
    return fail(`expected at least 1 dimension per row, found shape (${rows}, ${dims})`);
  return {
    version: major,
    descr,
    dtype: parseDescr(descr, fail),
    fortranOrder: fortran,
    rows,
    dims,
    dataOffset: headerStart + headerLength,
  };
}

function parseDescr(descr: string, fail: (detail: string) => never): NpyDType {
  const m = /^([<>|=]?)([fiu][1248])$/.exec(descr);
  const known = m ? DESCRS[m[2]!] : undefined;
  if (!m || !known) {
    return fail(`unsupported dtype '${descr}' (supported: <f4 <f2 <f8 |i1 |u1 and their > forms)`);
  }
  const order = m[1]!;
  if (order === '=') return { ...known, bigEndian: false };
  if (known.itemSize === 1) return { ...known, bigEndian: false };
  if (order !== '<' && order !== '>')
    return fail(`dtype '${descr}' needs a byte order ('<' or '>')`);
  return { ...known, bigEndian: order === '>' };
}

type PyValue = string | number | boolean | null | PyValue[];

/**
 * Parses the Python dict literal of an npy header: string keys; values that are strings,
 * non-negative integers, True/False/None, or tuples/lists of those. Nothing is evaluated.
 */
export function parsePyDict(text: string): Map<string, PyValue> {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const expect = (ch: string): void => {
    ws();
    if (text[i] !== ch)
      throw new Error(
        `expected '${ch}' at character ${i}, found ${text[i] === undefined ? 'the end' : `'${text[i]}'`}`,
      );
    i++;
  };
  const value = (): PyValue => {
    ws();
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unterminated string at character ${i}`);
      const s = text.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    if (ch === '(' || ch === '[') {
      const close = ch === '(' ? ')' : ']';
      i++;
      const items: PyValue[] = [];
      for (;;) {
        ws();
        if (text[i] === close) {
          i++;
          return items;
        }
        items.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== close) throw new Error(`expected ',' or '${close}' at character ${i}`);
      }
    }
    const word = /^(True|False|None|\d+L?)/.exec(text.slice(i));
    if (!word)
      throw new Error(`unexpected ${ch === undefined ? 'end' : `'${ch}'`} at character ${i}`);
    i += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    return Number.parseInt(word[0], 10);
  };
  const dict = new Map<string, PyValue>();
  expect('{');
  for (;;) {
    ws();
    if (text[i] === '}') {
      i++;
      break;
    }
    const key = value();
    if (typeof key !== 'string') throw new Error(`expected a string key at character ${i}`);
    expect(':');
    dict.set(key, value());
    ws();
    if (text[i] === ',') i++;
    else if (text[i] !== '}') throw new Error(`expected ',' or '}' at character ${i}`);
  }
  ws();
  if (i !== text.length) throw new Error(`unexpected text after the dict at character ${i}`);
  return dict;
}

/** {@link readExactly}, synchronously: for many small reads, where round trips dominate. */
function readExactlySync(
  fd: number,
  target: Uint8Array,
  offset: number,
  length: number,
  position: number,
  file: string,
  what: string,
): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, target, offset + done, length - done, position + done);
    if (n === 0) {
      throw new VectorFileError(
        file,
        `file ends early: expected ${length} bytes of ${what} from byte ${position}, found ${done}`,
        { byte: position + done },
      );
    }
    done += n;
  }
}
