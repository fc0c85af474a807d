/**
 * Decoding one row's vector from its Postgres text form into a batch buffer.
 *
 * Text, not binary, because each form is simple and documented: pgvector prints `vector`
 * and `halfvec` as `[1,2.5,3]` (shortest round-trip digits, so a halfvec's text converts
 * back to the same float16 bits), `bit` as `0101…`, and Postgres prints `real[]` as
 * `{1,2.5,NaN}`. Each decoder writes `dims` values at `at` and returns undefined, or
 * returns what is wrong with the row (the caller names the row and the column).
 */
import { float32ToFloat16Bits } from '../float16.js';
import type { VectorDType, VectorValues } from '../types.js';

/** The Postgres column types read as vectors. */
export type PgVectorType = 'vector' | 'halfvec' | 'bit' | 'real[]' | 'double precision[]';

/** The dtype each column type is carried as. */
export const DTYPE_OF: Readonly<Record<PgVectorType, VectorDType>> = {
  vector: 'float32',
  halfvec: 'float16',
  bit: 'binary',
  'real[]': 'float32',
  'double precision[]': 'float64',
};

/** Elements of `values` per row for `dims` (packed bytes for bits). */
export function widthOf(type: PgVectorType, dims: number): number {
  return type === 'bit' ? Math.ceil(dims / 8) : dims;
}

/** A buffer of `rows` rows of `type`. */
export function allocate(type: PgVectorType, dims: number, rows: number): VectorValues {
  const n = widthOf(type, dims) * rows;
  switch (type) {
    case 'vector':
    case 'real[]':
      return new Float32Array(n);
    case 'halfvec':
      return new Uint16Array(n);
    case 'bit':
      return new Uint8Array(n);
    case 'double precision[]':
      return new Float64Array(n);
  }
}

/** The number of values in `text` (bits for `bit`), for a column without a declared size. */
export function countValues(type: PgVectorType, text: string): number {
  if (type === 'bit') return text.length;
  const inner = text.slice(1, -1).trim();
  return inner === '' ? 0 : inner.split(',').length;
}

/**
 * Writes row `row` of `values` from `text`. Returns undefined, or what is wrong: a count
 * other than `dims`, a null or nested element, a character that is not a number or bit.
 */
export function decodeInto(
  type: PgVectorType,
  text: string,
  dims: number,
  values: VectorValues,
  row: number,
): string | undefined {
  if (type === 'bit') return decodeBits(text, dims, values as Uint8Array, row);
  const open = type === 'vector' || type === 'halfvec' ? '[' : '{';
  const close = open === '[' ? ']' : '}';
  if (text[0] !== open || text[text.length - 1] !== close)
    return `expected ${open}…${close}, found "${preview(text)}"`;
  const inner = text.slice(1, -1);
  if (open === '{' && inner.includes('{'))
    return 'a nested (multi-dimensional) array; expected one value per dimension';
  const parts = inner.trim() === '' ? [] : inner.split(',');
  if (parts.length !== dims) return `${parts.length} values; expected ${dims}`;
  const base = row * dims;
  for (let i = 0; i < dims; i++) {
    const part = parts[i]!.trim();
    if (part === 'NULL') return `null value at position ${i}`;
    const x = parseReal(part);
    if (x === undefined) return `"${preview(part)}" at position ${i} is not a number`;
    if (type === 'halfvec') (values as Uint16Array)[base + i] = float32ToFloat16Bits(x);
    else (values as Float32Array | Float64Array)[base + i] = x;
  }
  return undefined;
}

function decodeBits(text: string, dims: number, out: Uint8Array, row: number): string | undefined {
  if (text.length !== dims) return `${text.length} bits; expected ${dims}`;
  const width = Math.ceil(dims / 8);
  const base = row * width;
  out.fill(0, base, base + width);
  // numpy.packbits order, as the binary reader and the kernels expect: first bit most significant.
  for (let i = 0; i < dims; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x31) out[base + (i >> 3)]! |= 0x80 >> (i & 7);
    else if (c !== 0x30) return `"${text[i]}" at position ${i} is not a bit`;
  }
  return undefined;
}

/** A Postgres float's text (`1.5`, `-2e-05`, `NaN`, `Infinity`, `-Infinity`). */
function parseReal(text: string): number | undefined {
  if (text === 'NaN') return NaN;
  if (text === 'Infinity') return Infinity;
  if (text === '-Infinity') return -Infinity;
  const x = Number(text);
  return text !== '' && Number.isFinite(x) ? x : undefined;
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
