/**
 * What the fuzz harness mutates: valid fixture files of every format and layout the readers
 * take (npy C and Fortran order, both byte orders and versions; Arrow files and streams,
 * uncompressed, LZ4_FRAME and ZSTD, each through the direct and the generic path; JSON
 * Lines; packed binary with a sidecar; Parquet), with the options each needs.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OpenOptions } from '../../src/vectors/types.js';

export const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'vectors');
export const PARQUET_FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'parquet');

/** How a case is read. */
export type ReadPath = 'open' | 'arrow-generic' | 'parquet-framing' | 'parquet';

export interface FuzzTarget {
  /** The fixture's file name (what messages name). */
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly options: OpenOptions;
  /** The sidecar's bytes, when `options.idsPath` names one (kept intact). */
  readonly ids?: Uint8Array;
  readonly path: ReadPath;
  /** Arguments the CLI's `validate` needs besides the file. */
  readonly cliArgs: readonly string[];
}

function target(
  file: string,
  path: ReadPath = 'open',
  options: OpenOptions = {},
  cliArgs: readonly string[] = [],
  ids?: string,
): FuzzTarget {
  const dir = path.startsWith('parquet') ? PARQUET_FIXTURES : FIXTURES;
  return {
    file,
    bytes: new Uint8Array(readFileSync(join(dir, file))),
    options: ids ? { ...options, idsPath: ids } : options,
    ...(ids && { ids: new Uint8Array(readFileSync(join(dir, ids))) }),
    path,
    cliArgs: ids ? [...cliArgs, '--ids', ids] : cliArgs,
  };
}

const ARROW_FILES = [
  'f32_fsl_str.arrow', // FixedSizeList, utf8 ids
  'f32_list_i64.arrow', // List, int64 ids
  'f32_large_list.arrow', // LargeList
  'i8_fsl_u32.arrow',
  'f16_fsl.feather',
  'dup_str.arrow',
  'unit_f32.arrow',
  'f32_lz4.feather', // LZ4_FRAME
  'f16_zstd_list.arrow', // ZSTD
  'dict_ids.arrow', // dictionary ids: the generic path
  'dict_ids_zstd.arrow',
];
const ARROW_STREAMS = [
  'f64_fsl_str.arrows',
  'dup_i64.arrows',
  'u8_list_noid.arrows',
  'f64_lz4_large.arrows', // LZ4_FRAME
  'i8_zstd.arrows', // ZSTD
];

/** Every reader target, small files only (a case mutates and reads one whole file). */
export function readerTargets(): FuzzTarget[] {
  return [
    target('f4_le_c.npy'),
    target('f4_le_f.npy'), // Fortran order
    target('f8_be_c.npy'),
    target('f2_be_f.npy'),
    target('i1_na_c.npy'),
    target('v2_f4.npy'),
    target('v3_f2_be.npy', 'open', {}, [], 'v3_f2_be.ids.txt'),
    ...ARROW_FILES.map((f) => target(f)),
    ...ARROW_FILES.map((f) => target(f, 'arrow-generic')),
    ...ARROW_STREAMS.map((f) => target(f)),
    ...ARROW_STREAMS.map((f) => target(f, 'arrow-generic')),
    target('named_columns.arrow', 'open', { idColumn: 'doc_id', vectorColumn: 'vec' }),
    target('vectors.jsonl'),
    target('noid.ndjson', 'open', { vectorColumn: 'vector' }, ['--vector-column', 'vector']),
    target(
      'codes.bin',
      'open',
      { dims: 13 },
      ['--format', 'binary', '--dims', '13'],
      'codes.ids.txt',
    ),
    target('pa_list_f32_snappy.parquet', 'parquet-framing'),
    target('pa_fsl_f64_zstd.parquet', 'parquet-framing'),
  ];
}

/** Parquet files read whole, footer to last batch, from memory. */
export function parquetTargets(): FuzzTarget[] {
  return [
    target('pa_list_f32_snappy.parquet', 'parquet'),
    target('pa_fsl_u8_none.parquet', 'parquet'),
    target('duck_list_f32_zstd.parquet', 'parquet'),
  ];
}

/** More writers, codecs and encodings (test/fixtures/parquet-writers), for the Parquet fuzz run. */
export function parquetWriterTargets(): FuzzTarget[] {
  const dir = join(PARQUET_FIXTURES, '..', 'parquet-writers');
  return [
    'pa_gzip_v1.parquet',
    'pa_brotli_v2.parquet',
    'pa_lz4raw_v1.parquet',
    'pa_bss_zstd.parquet',
    'pa_delta_ids.parquet',
    'pa_delta_byte_array_ids.parquet',
    'pa_dict_fallback.parquet',
    'duck_gzip_v2.parquet',
    'polars_array_zstd.parquet',
  ].map((file) => ({
    file,
    bytes: new Uint8Array(readFileSync(join(dir, file))),
    options: {},
    path: 'parquet' as const,
    cliArgs: [],
  }));
}

/** Targets for the CLI's `validate`: one of each family (the gate adds little per format). */
export function cliTargets(): FuzzTarget[] {
  const all = readerTargets().filter((t) => t.path === 'open');
  const wanted = [
    'f4_le_c.npy',
    'f4_le_f.npy',
    'v3_f2_be.npy',
    'f32_fsl_str.arrow',
    'f32_list_i64.arrow',
    'f32_lz4.feather',
    'f16_zstd_list.arrow',
    'dict_ids.arrow',
    'f64_fsl_str.arrows',
    'f64_lz4_large.arrows',
    'i8_zstd.arrows',
    'vectors.jsonl',
    'codes.bin',
  ];
  return all.filter((t) => wanted.includes(t.file));
}
