/**
 * The header of a NumPy `.npy` file (format versions 1.0, 2.0 and 3.0): magic, version,
 * and a Python dict literal such as `{'descr': '<f4', 'fortran_order': False, 'shape':
 * (1000, 768), }`, parsed by a small literal parser rather than by evaluating anything.
 */
import type { ByteSource } from '../../sources/types.js';
import { readExactly, wrongMagic } from '../buffers.js';
import type { VectorDType } from '../types.js';
import { MAX_DIMS, VectorFileError } from '../types.js';

/** The longest header read: 64 KiB, far above what numpy writes for a 2-D array. */
const MAX_HEADER = 1 << 16;

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

export interface NpyDType {
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

/** Reads and validates the magic, version and header dict of an npy file. */
export async function readNpyHeader(source: ByteSource): Promise<NpyHeader> {
  const { size, display: path } = source;
  const prefix = new Uint8Array(12);
  const got = Math.min(12, size);
  await readExactly(source, prefix, 0, got, 0, 'the npy preamble');
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
  // numpy writes a few hundred bytes (and reads at most 10,000 by default since 1.24).
  if (headerLength > MAX_HEADER) {
    throw new VectorFileError(
      path,
      `npy header claims ${headerLength} bytes; expected at most ${MAX_HEADER}`,
      { byte: 8 },
    );
  }
  if (headerStart + headerLength > size) {
    throw new VectorFileError(
      path,
      `npy header claims ${headerLength} bytes but the file ends after ${size - headerStart}`,
      { byte: size },
    );
  }
  const raw = new Uint8Array(headerLength);
  await readExactly(source, raw, 0, headerLength, headerStart, 'the npy header');
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
  if (dims > MAX_DIMS)
    return fail(`expected at most ${MAX_DIMS} dimensions per row, found shape (${rows}, ${dims})`);
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(rows * dims * 8))
    return fail(`shape (${rows}, ${dims}) is too large for any file`);
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

const WORD = /True|False|None|\d+L?/y;

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
    // Sticky, not `^` on a slice: a slice per value made long headers quadratic.
    WORD.lastIndex = i;
    const word = WORD.exec(text);
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
