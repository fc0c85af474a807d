/**
 * JSON Lines reader, for small sets: one `{"id": ..., "embedding": [...]}` object per line
 * (other keys are ignored; `vectorColumn` and `idColumn` rename the two).
 * Values are JSON numbers, so the dtype is float64. Python's `json` writes NaN and
 * ±Infinity as bare `NaN`/`Infinity` tokens; those are accepted in the embedding, because
 * finding them is what the scan is for. Errors name `file:line`.
 */
import type { ByteSource } from '../../sources/types.js';
import { batchRowsFor } from '../buffers.js';
import type { OpenOptions, VectorBatch, VectorSource } from '../types.js';
import { MAX_DIMS, VectorFileError } from '../types.js';

const CHUNK = 1 << 20;
/** The longest line read: a 16,384-dimension float64 vector takes about 400 KB of JSON. */
const MAX_LINE = 16 << 20;

interface Line {
  readonly text: string;
  /** 1-based. */
  readonly line: number;
}

interface Layout {
  readonly vectorKey: string;
  readonly idKey: string;
  readonly dims: number;
  readonly hasIds: boolean;
}

/**
 * Reads a JSON Lines file from `source`, which it owns from then on (closed on failure and
 * by the returned source's close). The first record fixes dims and whether records carry ids.
 */
export async function openJsonl(source: ByteSource, opts: OpenOptions = {}): Promise<VectorSource> {
  const path = source.display;
  try {
    const vectorKey = opts.vectorColumn ?? 'embedding';
    const idKey = opts.idColumn ?? 'id';
    let first: { record: Record<string, unknown>; line: number } | undefined;
    for await (const l of readLines(source)) {
      first = { record: parseRecord(path, l), line: l.line };
      break;
    }
    if (!first) {
      throw new VectorFileError(
        path,
        source.size === 0
          ? 'empty file (0 bytes): expected JSON Lines records'
          : 'no records: every line is blank',
      );
    }
    const vector = first.record[vectorKey];
    if (!Array.isArray(vector) || vector.length === 0) {
      throw new VectorFileError(
        path,
        `expected "${vectorKey}" to be a non-empty array of numbers; keys found: ${Object.keys(first.record).join(', ') || 'none'}`,
        { line: first.line },
      );
    }
    if (vector.length > MAX_DIMS)
      throw new VectorFileError(
        path,
        `"${vectorKey}" has ${vector.length} values; expected at most ${MAX_DIMS} per vector`,
        { line: first.line },
      );
    const layout: Layout = { vectorKey, idKey, dims: vector.length, hasIds: idKey in first.record };
    const batchRows = batchRowsFor(layout.dims * 8, opts.batchRows);
    let closed = false;
    return {
      info: { path, format: 'jsonl', dtype: 'float64', dims: layout.dims, hasIds: layout.hasIds },
      batches: () => streamJsonl(source, layout, batchRows),
      async close() {
        if (closed) return;
        closed = true;
        await source.close();
      },
    };
  } catch (e) {
    await source.close();
    throw e;
  }
}

async function* streamJsonl(
  source: ByteSource,
  layout: Layout,
  batchRows: number,
): AsyncGenerator<VectorBatch> {
  const path = source.display;
  const { dims, vectorKey, idKey, hasIds } = layout;
  // Fresh arrays per batch: the batch is small and the consumer may keep it.
  let values = new Float64Array(batchRows * dims);
  let ids: string[] = [];
  let rows = 0;
  let rowOffset = 0;
  let firstLine = 0;
  for await (const l of readLines(source)) {
    const record = parseRecord(path, l);
    if (rows === 0 && rowOffset === 0) firstLine = l.line;
    const vector = record[vectorKey];
    if (!Array.isArray(vector)) {
      throw new VectorFileError(path, `expected "${vectorKey}" to be an array of numbers`, {
        line: l.line,
      });
    }
    if (vector.length !== dims) {
      throw new VectorFileError(
        path,
        `"${vectorKey}" has ${vector.length} values, expected ${dims} like line ${firstLine}`,
        { line: l.line },
      );
    }
    const base = rows * dims;
    for (let d = 0; d < dims; d++) {
      const v = toNumber(vector[d]);
      if (v === undefined) {
        throw new VectorFileError(
          path,
          `"${vectorKey}"[${d}] is ${JSON.stringify(vector[d])}, expected a number`,
          { line: l.line },
        );
      }
      values[base + d] = v;
    }
    const hasId = idKey in record;
    if (hasId !== hasIds) {
      throw new VectorFileError(
        path,
        hasIds
          ? `missing "${idKey}" (line ${firstLine} has one, so every record needs one)`
          : `has "${idKey}" but line ${firstLine} has none; ids must be on every record or none`,
        { line: l.line },
      );
    }
    if (hasIds) ids.push(toId(path, record[idKey], idKey, l.line));
    if (++rows === batchRows) {
      yield batchOf(values, rows, rowOffset, dims, hasIds ? ids : undefined);
      rowOffset += rows;
      rows = 0;
      values = new Float64Array(batchRows * dims);
      ids = [];
    }
  }
  if (rows > 0)
    yield batchOf(values.subarray(0, rows * dims), rows, rowOffset, dims, hasIds ? ids : undefined);
}

function batchOf(
  values: Float64Array,
  rows: number,
  rowOffset: number,
  dims: number,
  ids: string[] | undefined,
): VectorBatch {
  return { rowOffset, rows, dims, dtype: 'float64', values, ...(ids && { ids }) };
}

const NAN = '\u0000NaN';
const POS_INF = '\u0000Infinity';
const NEG_INF = '\u0000-Infinity';

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v === NAN) return Number.NaN;
  if (v === POS_INF) return Infinity;
  if (v === NEG_INF) return -Infinity;
  return undefined;
}

function toId(path: string, v: unknown, key: string, line: number): string {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  throw new VectorFileError(
    path,
    `"${key}" is ${JSON.stringify(v)}, expected a non-empty string or an integer`,
    { line },
  );
}

function parseRecord(path: string, l: Line): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(l.text);
  } catch (e) {
    const retried = /NaN|Infinity/.test(l.text) ? parseWithNonFinite(l.text) : undefined;
    if (retried === undefined) {
      throw new VectorFileError(path, `invalid JSON: ${(e as Error).message}`, { line: l.line });
    }
    parsed = retried;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new VectorFileError(
      path,
      `expected a JSON object per line, found ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`,
      {
        line: l.line,
      },
    );
  }
  return parsed as Record<string, unknown>;
}

/** JSON.parse after turning bare NaN/Infinity/-Infinity tokens (outside strings) into sentinels. */
function parseWithNonFinite(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
    } else if (text.startsWith('NaN', i)) {
      out += JSON.stringify(NAN);
      i += 2;
    } else if (text.startsWith('-Infinity', i)) {
      out += JSON.stringify(NEG_INF);
      i += 8;
    } else if (text.startsWith('Infinity', i)) {
      out += JSON.stringify(POS_INF);
      i += 7;
    } else {
      out += ch;
    }
  }
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}

/** Non-blank lines of the file with their 1-based numbers, streamed in 1 MB reads. */
async function* readLines(source: ByteSource): AsyncGenerator<Line> {
  const buf = new Uint8Array(CHUNK);
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let line = 0;
  let bom = true;
  for (let position = 0; ;) {
    const bytesRead = await source.read(buf, 0, CHUNK, position);
    position += bytesRead;
    const text = carry + decoder.decode(buf.subarray(0, bytesRead), { stream: bytesRead > 0 });
    const parts = text.split('\n');
    carry = bytesRead > 0 ? parts.pop()! : '';
    // A line is held whole to parse it: one without an end would fill memory with the file.
    if (carry.length > MAX_LINE)
      throw new VectorFileError(
        source.display,
        `line longer than ${MAX_LINE} characters; expected one JSON record per line`,
        { line: line + parts.length + 1 },
      );
    for (let part of parts) {
      line++;
      if (bom) {
        bom = false;
        if (part.charCodeAt(0) === 0xfeff) part = part.slice(1);
      }
      if (part.trim() === '') continue;
      yield { text: part, line };
    }
    if (bytesRead === 0) return;
  }
}
