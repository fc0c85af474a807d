/**
 * The TypeScript Parquet decoder against the writer matrix of
 * test/fixtures/parquet-writers/make_fixtures.py: pyarrow (every codec, data pages v1 and
 * v2, large_list, non-nullable lists, dictionary fallback, BYTE_STREAM_SPLIT, the three
 * DELTA encodings for ids), DuckDB (format V1 and V2, gzip, brotli, lz4_raw) and polars,
 * each compared bit for bit with the values numpy recorded in expected.json.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalSource } from '../../src/sources/local.js';
import { openParquet } from '../../src/vectors/parquet/reader.js';
import type { OpenOptions } from '../../src/vectors/types.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'parquet-writers');

interface Entry {
  readonly writer: string;
  readonly compression: string;
  readonly dtype: string;
  readonly rows: number;
  readonly dims: number;
  readonly rowGroups: number;
  readonly vectorColumn: string;
  readonly idColumn: string | null;
  readonly valuesSha256: string;
  readonly idsSha256: string | null;
  readonly ids?: string[] | null;
  readonly open: OpenOptions;
}

const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  files: Record<string, Entry>;
};
const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

describe('openParquet: the writer matrix, bit-exact', () => {
  it.each(Object.keys(expected.files))('%s', async (key) => {
    const e = expected.files[key]!;
    const file = join(DIR, key.split('#')[0]!);
    const source = await openParquet(await openLocalSource({ path: file }), {
      ...e.open,
      batchRows: 7, // batches that straddle pages and row groups
    });
    try {
      expect(source.info).toMatchObject({
        dtype: e.dtype,
        dims: e.dims,
        rows: e.rows,
        vectorColumn: e.vectorColumn,
        hasIds: e.idColumn !== null,
      });
      const parts: Buffer[] = [];
      const ids: string[] = [];
      let next = 0;
      for await (const b of source.batches()) {
        expect(b.rowOffset).toBe(next);
        next += b.rows;
        parts.push(
          Buffer.from(new Uint8Array(b.values.buffer, b.values.byteOffset, b.values.byteLength)),
        );
        if (b.ids) ids.push(...b.ids);
      }
      expect(next).toBe(e.rows);
      expect(sha256(Buffer.concat(parts))).toBe(e.valuesSha256);
      if (e.idsSha256 !== null) {
        if (e.ids) expect(ids).toEqual(e.ids);
        expect(sha256(ids.join('\n'))).toBe(e.idsSha256);
      }
    } finally {
      await source.close();
    }
  });

  it('covers three writers, six codecs and the DELTA encodings', () => {
    const files = Object.entries(expected.files);
    expect(new Set(files.map(([, f]) => f.writer))).toEqual(
      new Set(['pyarrow', 'duckdb', 'polars']),
    );
    expect(new Set(files.map(([, f]) => f.compression))).toEqual(
      new Set(['gzip', 'brotli', 'lz4', 'zstd', 'snappy', 'none']),
    );
    expect(files.some(([name]) => name.includes('delta_byte_array'))).toBe(true);
  });
});
