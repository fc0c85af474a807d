/**
 * The Parquet reader against files from two independent writers (pyarrow and DuckDB, made
 * by test/fixtures/parquet/make_fixtures.py), with exact values recorded from numpy in
 * expected.json; and against broken files, each of which must give one VectorFileError
 * line naming the file, the byte offset and what was expected.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalSource } from '../../src/sources/local.js';
import { decodeFloat16, float32ToFloat16Bits } from '../../src/vectors/float16.js';
import { openParquet as openParquetSource } from '../../src/vectors/parquet/reader.js';
import type { OpenOptions, VectorSource } from '../../src/vectors/types.js';
import { VectorFileError } from '../../src/vectors/types.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'parquet');

interface Expected {
  readonly files: Record<
    string,
    {
      readonly writer: 'pyarrow' | 'duckdb';
      readonly dtype: string;
      readonly rows: number;
      readonly dims: number;
      readonly rowGroups: number;
      readonly vectorColumn: string;
      readonly idColumn: string | null;
      readonly valuesSha256: string;
      readonly idsSha256: string | null;
      readonly values?: string[];
      readonly ids?: string[] | null;
      readonly firstRow?: string[];
      readonly firstIds?: string[] | null;
      readonly open: OpenOptions;
    }
  >;
  readonly bad: Record<
    string,
    { readonly size: number; readonly footerStart?: number; readonly footerLength?: number }
  >;
}

/** The reader on a local file, opened as the vectors entry point opens it. */
async function openParquet(path: string, opts: OpenOptions): Promise<VectorSource> {
  return openParquetSource(await openLocalSource({ path }), opts);
}

const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected;
const fixture = (name: string): string => join(DIR, name);

interface Collected {
  readonly batches: { rowOffset: number; rows: number }[];
  /** Every batch's raw value bytes, concatenated (copied: batches may reuse buffers). */
  readonly bytes: Buffer;
  readonly ids: string[] | undefined;
  readonly itemSize: number;
}

async function collect(source: VectorSource): Promise<Collected> {
  const parts: Buffer[] = [];
  const batches: Collected['batches'] = [];
  let ids: string[] | undefined;
  let itemSize = 0;
  for await (const b of source.batches()) {
    batches.push({ rowOffset: b.rowOffset, rows: b.rows });
    expect(b.values.length).toBe(b.rows * b.dims);
    parts.push(
      Buffer.from(new Uint8Array(b.values.buffer, b.values.byteOffset, b.values.byteLength)),
    );
    itemSize = b.values.BYTES_PER_ELEMENT;
    if (b.ids) (ids ??= []).push(...b.ids);
  }
  return { batches, bytes: Buffer.concat(parts), ids, itemSize };
}

/** Little-endian element bit patterns as lowercase hex, like expected.json. */
function hexElements(bytes: Buffer, itemSize: number, count?: number): string[] {
  const n = count ?? bytes.length / itemSize;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = i * itemSize;
    const value =
      itemSize === 8
        ? bytes.readBigUInt64LE(at)
        : itemSize === 4
          ? bytes.readUInt32LE(at)
          : itemSize === 2
            ? bytes.readUInt16LE(at)
            : bytes[at]!;
    out.push(value.toString(16).padStart(itemSize * 2, '0'));
  }
  return out;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

async function withSource<T>(
  name: string,
  opts: OpenOptions,
  use: (s: VectorSource) => Promise<T>,
): Promise<T> {
  const source = await openParquet(isAbsolute(name) ? name : fixture(name), opts);
  try {
    return await use(source);
  } finally {
    await source.close();
  }
}

describe('openParquet: files from pyarrow and DuckDB, bit-exact', () => {
  it.each(Object.keys(expected.files))('%s', async (name) => {
    const e = expected.files[name]!;
    await withSource(name, e.open, async (source) => {
      expect(source.info).toEqual({
        path: fixture(name),
        format: 'parquet',
        dtype: e.dtype,
        dims: e.dims,
        rows: e.rows,
        vectorColumn: e.vectorColumn,
        ...(e.idColumn !== null && { idColumn: e.idColumn }),
        hasIds: e.idColumn !== null,
      });
      const got = await collect(source);
      expect(got.batches.reduce((n, b) => n + b.rows, 0)).toBe(e.rows);
      if (e.values) expect(hexElements(got.bytes, got.itemSize)).toEqual(e.values);
      if (e.firstRow) expect(hexElements(got.bytes, got.itemSize, e.dims)).toEqual(e.firstRow);
      expect(sha256(got.bytes)).toBe(e.valuesSha256);
      if (e.idsSha256 === null) {
        expect(got.ids).toBeUndefined();
      } else {
        if (e.ids) expect(got.ids).toEqual(e.ids);
        if (e.firstIds) expect(got.ids!.slice(0, 3)).toEqual(e.firstIds);
        expect(sha256(got.ids!.join('\n'))).toBe(e.idsSha256);
      }
    });
  });

  it('covers both writers, every dtype, both list layouts and all three codecs', () => {
    const files = Object.values(expected.files);
    expect(new Set(files.map((f) => f.writer))).toEqual(new Set(['pyarrow', 'duckdb']));
    expect(new Set(files.map((f) => f.dtype))).toEqual(
      new Set(['float32', 'float16', 'float64', 'int8', 'uint8']),
    );
    expect(new Set(files.map((f) => (f as { compression?: string }).compression))).toEqual(
      new Set(['none', 'snappy', 'zstd']),
    );
    expect(files.filter((f) => f.rowGroups > 1).length).toBeGreaterThan(10);
  });
});

describe('openParquet: streaming', () => {
  it('streams several row groups in order, in batches of at most batchRows', async () => {
    const name = 'pa_fsl_f32_snappy.parquet';
    const e = expected.files[name]!;
    expect(e.rowGroups).toBe(3);
    const got = await withSource(name, { batchRows: 3 }, collect);
    let next = 0;
    for (const b of got.batches) {
      expect(b.rowOffset).toBe(next);
      expect(b.rows).toBeGreaterThan(0);
      expect(b.rows).toBeLessThanOrEqual(3);
      next += b.rows;
    }
    expect(next).toBe(10);
    expect(got.batches.length).toBeGreaterThanOrEqual(4);
    expect(hexElements(got.bytes, 4)).toEqual(e.values);
    expect(got.ids).toEqual(e.ids);
  });

  it('streams DuckDB row groups of 2,048 rows without mixing their order', async () => {
    const name = 'duck_array_f32_snappy.parquet';
    const got = await withSource(name, {}, collect);
    expect(got.batches.map((b) => b.rows)).toEqual([2048, 2048, 904]);
    expect(got.batches.map((b) => b.rowOffset)).toEqual([0, 2048, 4096]);
    expect(sha256(got.bytes)).toBe(expected.files[name]!.valuesSha256);
  });

  it('can be scanned twice, and closed twice', async () => {
    const source = await openParquet(fixture('pa_list_f32_snappy.parquet'), {});
    const a = await collect(source);
    const b = await collect(source);
    expect(b.bytes.equals(a.bytes)).toBe(true);
    expect(b.ids).toEqual(a.ids);
    await source.close();
    await source.close();
  });

  it('runs two scans of two files interleaved, each intact', async () => {
    const names = ['pa_fsl_f32_zstd.parquet', 'duck_array_f32_snappy.parquet'];
    const [a, b] = await Promise.all(names.map((n) => withSource(n, { batchRows: 1000 }, collect)));
    expect(sha256(a!.bytes)).toBe(expected.files[names[0]!]!.valuesSha256);
    expect(sha256(b!.bytes)).toBe(expected.files[names[1]!]!.valuesSha256);
  });

  it('reads a path with glob characters as a plain path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-parquet-'));
    try {
      const odd = join(dir, "a[1]*?'b.parquet");
      copyFileSync(fixture('pa_fsl_f32_none.parquet'), odd);
      const got = await withSource(odd, {}, collect);
      expect(sha256(got.bytes)).toBe(expected.files['pa_fsl_f32_none.parquet']!.valuesSha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops early without leaking a running scan', async () => {
    await withSource('duck_array_f32_snappy.parquet', {}, async (source) => {
      for await (const batch of source.batches()) {
        expect(batch.rowOffset).toBe(0);
        break;
      }
    });
  });

  it('refuses a batchRows that is not a positive integer', async () => {
    await expect(openParquet(fixture('pa_fsl_f32_none.parquet'), { batchRows: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('openParquet: column selection (shared with the Arrow reader)', () => {
  it('asks for vectorColumn when several list columns exist', async () => {
    await expect(openParquet(fixture('pa_named_columns.parquet'), {})).rejects.toThrow(
      'several list-typed columns ("vec", "other"); name the vector column with vectorColumn',
    );
  });

  it('names the columns when the requested one is missing', async () => {
    await expect(
      openParquet(fixture('pa_named_columns.parquet'), { vectorColumn: 'vec', idColumn: 'nope' }),
    ).rejects.toThrow(
      'no column "nope" for the ids; columns: title (Utf8), doc (Utf8), vec (FixedSizeList[8]<Float32>), other (List<Float32>)',
    );
  });

  it('takes the other list column when told to, with row numbers as ids', async () => {
    await withSource('pa_named_columns.parquet', { vectorColumn: 'other' }, async (source) => {
      expect(source.info).toMatchObject({
        dims: 3,
        dtype: 'float32',
        vectorColumn: 'other',
        hasIds: false,
      });
      const got = await collect(source);
      expect(got.ids).toBeUndefined();
      expect(got.bytes.length).toBe(10 * 3 * 4);
    });
  });

  it('refuses a string column as vectors', async () => {
    await expect(
      openParquet(fixture('pa_named_columns.parquet'), { vectorColumn: 'title' }),
    ).rejects.toThrow(
      'column "title" is Utf8; expected a list (FixedSizeList, List or LargeList) of numbers',
    );
  });
});

describe('openParquet: bad data rows', () => {
  it('names the row of a null vector', async () => {
    await expect(withSource('pa_null_vector.parquet', {}, collect)).rejects.toThrow(
      `${fixture('pa_null_vector.parquet')} (row 5): null vector in column "embedding"`,
    );
  });

  it('names the row of a vector of the wrong length', async () => {
    await expect(withSource('pa_ragged.parquet', {}, collect)).rejects.toThrow(
      `${fixture('pa_ragged.parquet')} (row 7): vector in column "embedding" has 7 values, expected 8 like the first row`,
    );
  });
});

describe('openParquet: broken files give one line with the byte offset', () => {
  const bad = expected.bad;
  const cases: [string, string][] = [
    [
      'bad_truncated.parquet',
      `(byte ${bad['bad_truncated.parquet']!.size - 4}): expected magic PAR1 at the end of the file, found "Xe?\\x18": the file is truncated or not Parquet`,
    ],
    [
      'bad_magic_head.parquet',
      ': not a Parquet file (expected magic PAR1 at byte 0, found "PAR0")',
    ],
    [
      'bad_magic_tail.parquet',
      `(byte ${bad['bad_magic_tail.parquet']!.size - 4}): expected magic PAR1 at the end of the file, found "PARX": the file is truncated or not Parquet`,
    ],
    [
      'bad_footer_length.parquet',
      `(byte ${bad['bad_footer_length.parquet']!.size - 8}): footer length ${bad['bad_footer_length.parquet']!.footerLength} points outside the file: ` +
        `the footer would start at byte ${bad['bad_footer_length.parquet']!.size - 8 - bad['bad_footer_length.parquet']!.footerLength!}, ` +
        `expected a length from 1 to ${bad['bad_footer_length.parquet']!.size - 12}`,
    ],
    [
      'bad_tiny.parquet',
      '(byte 4): file ends early: expected at least 12 bytes (magic, footer length, magic), found 4',
    ],
  ];

  it.each(cases)('%s', async (name, message) => {
    const error = await openParquet(fixture(name), {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VectorFileError);
    expect((error as Error).message).toBe(
      `${fixture(name)} ${message}`.replace(`${fixture(name)} :`, `${fixture(name)}:`),
    );
    expect((error as Error).message).not.toContain('\n');
  });

  it('bad_footer_corrupt.parquet', async () => {
    const name = 'bad_footer_corrupt.parquet';
    const { footerStart, size } = bad[name]!;
    const error = await openParquet(fixture(name), {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VectorFileError);
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^${escape(fixture(name))} \\(byte ${footerStart}\\): corrupt footer: expected ${size - 8 - footerStart!} bytes of Thrift FileMetaData from byte ${footerStart} \\(.+ at byte \\d+\\)$`,
      ),
    );
    expect(message).not.toContain('\n');
  });

  it('bad_page_header.parquet: a sound footer over a broken page names the page', async () => {
    const name = 'bad_page_header.parquet';
    const error = await withSource(name, {}, collect).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VectorFileError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^${escape(fixture(name))} \\(byte 5\\): column "id": damaged page header at byte 4: unknown Thrift type 15$`,
      ),
    );
  });

  it('a missing file is a plain ENOENT, not a VectorFileError', async () => {
    await expect(openParquet(fixture('does-not-exist.parquet'), {})).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('float32ToFloat16Bits', () => {
  it('inverts float16 → float32 for every one of the 65,536 bit patterns', () => {
    const wrong: number[] = [];
    for (let bits = 0; bits < 65536; bits++) {
      const value = Math.fround(decodeFloat16(bits));
      const back = float32ToFloat16Bits(value);
      const ok = Number.isNaN(value)
        ? (back & 0x7c00) === 0x7c00 && (back & 0x3ff) !== 0
        : back === bits;
      if (!ok) wrong.push(bits);
    }
    expect(wrong).toEqual([]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
