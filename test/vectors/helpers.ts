/**
 * Shared by the vector tests: fixture paths, expected.json, an in-memory VectorSource and
 * a seeded random generator.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  OpenOptions,
  VectorBatch,
  VectorDType,
  VectorSource,
  VectorValues,
} from '../../src/vectors/types.js';

export const FIXTURES = resolve(fileURLToPath(new URL('../fixtures/vectors', import.meta.url)));
export const BAD = join(FIXTURES, 'bad');

export interface ExpectedRef {
  readonly row: number;
  readonly id: string;
}

export interface ExpectedStats {
  readonly rows: number;
  readonly nonFinite: { rows: number; values: number; examples: ExpectedRef[] };
  readonly zero: { rows: number; examples: ExpectedRef[] };
  readonly norms?: {
    count: number;
    min: number;
    mean: number;
    max: number;
    p1: number;
    p99: number;
  };
  readonly unitNorm?: { tolerance: number; rows: number; examples: ExpectedRef[] };
  readonly ids?: { unique: number; duplicates: number; duplicateExamples: ExpectedRef[] };
}

export interface ExpectedFile {
  readonly format: string;
  readonly options: OpenOptions;
  readonly dtype: VectorDType;
  readonly rows: number;
  readonly dims: number;
  readonly ids: string[] | null;
  /** The values' bytes (small files), or their SHA-256 (larger ones). */
  readonly valuesBase64?: string;
  readonly valuesSha256?: string;
  readonly stats: ExpectedStats;
}

export const EXPECTED = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as {
  files: Record<string, ExpectedFile>;
};

/** A fixture's options with its sidecar path made absolute. */
export function fixtureOptions(file: ExpectedFile, extra: OpenOptions = {}): OpenOptions {
  const o = file.options;
  return { ...o, ...(o.idsPath !== undefined && { idsPath: join(FIXTURES, o.idsPath) }), ...extra };
}

/** The bytes in the form expected.json records them for `file`. */
export function valuesDigest(bytes: Buffer, file: ExpectedFile): string | undefined {
  return file.valuesBase64 !== undefined
    ? bytes.toString('base64')
    : createHash('sha256').update(bytes).digest('hex');
}

/** What expected.json records for the file's values. */
export function expectedDigest(file: ExpectedFile): string | undefined {
  return file.valuesBase64 ?? file.valuesSha256;
}

/** Everything a source streams: the bytes of all values concatenated, ids, and batch shapes. */
export async function drain(source: VectorSource): Promise<{
  bytes: Buffer;
  ids: string[] | undefined;
  batches: { rowOffset: number; rows: number }[];
}> {
  const parts: Buffer[] = [];
  let ids: string[] | undefined;
  const batches: { rowOffset: number; rows: number }[] = [];
  for await (const b of source.batches()) {
    // Copy: readers may reuse the buffer for the next batch.
    parts.push(
      Buffer.from(new Uint8Array(b.values.buffer, b.values.byteOffset, b.values.byteLength)),
    );
    if (b.ids) (ids ??= []).push(...b.ids);
    batches.push({ rowOffset: b.rowOffset, rows: b.rows });
  }
  return { bytes: Buffer.concat(parts), ids, batches };
}

/** A VectorSource over arrays in memory, cut into batches of `batchRows`. */
export function memorySource(
  values: VectorValues,
  dtype: VectorDType,
  dims: number,
  rows: number,
  ids: readonly string[] | undefined,
  batchRows: number,
): VectorSource {
  const width = dtype === 'binary' ? Math.ceil(dims / 8) : dims;
  return {
    info: { path: 'memory', format: 'npy', dtype, dims, rows, hasIds: ids !== undefined },
    async *batches(): AsyncGenerator<VectorBatch> {
      for (let start = 0; start < rows; start += batchRows) {
        const n = Math.min(batchRows, rows - start);
        yield {
          rowOffset: start,
          rows: n,
          dims,
          dtype,
          values: values.subarray(start * width, (start + n) * width) as VectorValues,
          ...(ids && { ids: ids.slice(start, start + n) }),
        };
      }
    },
    async close() {},
  };
}

/** mulberry32: a small seeded generator, so random tests replay exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** |a − b| ≤ rel·|b| (and exact equality for 0). */
export function closeTo(a: number, b: number, rel: number): boolean {
  return a === b || Math.abs(a - b) <= rel * Math.abs(b);
}
