/**
 * Every broken input gives one VectorFileError whose message names the file, where it
 * broke, and what was expected. The messages are asserted whole, so a vaguer one fails.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openVectors } from '../../src/vectors/open.js';
import { scanVectors } from '../../src/vectors/scan.js';
import { type OpenOptions, VectorFileError } from '../../src/vectors/types.js';
import { BAD, FIXTURES } from './helpers.js';

/** file in bad/ → [options, expected message with the directory stripped]. */
const CASES: Record<string, [OpenOptions, string | RegExp]> = {
  'truncated.arrow': [
    {},
    'truncated.arrow (byte 795): truncated or damaged Arrow IPC file: expected magic ARROW1 at its end (byte 795), found "\\x00\\x00\\x00\\x00\\x00P"',
  ],
  'truncated.arrows': [
    {},
    'truncated.arrows (byte 992): truncated Arrow IPC stream: message 3 declares 232 bytes of metadata from byte 1000, but the file ends at byte 1180',
  ],
  'truncated_body.arrows': [
    {},
    "truncated_body.arrows (byte 1260): truncated Arrow IPC stream: message 3's body should span bytes 1232–1272, but the file ends at byte 1260",
  ],
  'parquet_named.npy': [
    {},
    'parquet_named.npy: not a NumPy file (expected magic \\x93NUMPY at byte 0, found "PAR1", the magic of a Parquet file)',
  ],
  'npy_named.arrow': [
    {},
    'npy_named.arrow: not an Arrow IPC file (expected magic ARROW1 at byte 0, found "\\x93NUMPY", the magic of a NumPy file)',
  ],
  'old.feather': [
    {},
    'old.feather: Feather v1 file (magic FEA1): only Feather v2 (Arrow IPC) is supported; rewrite it with pyarrow.feather.write_feather',
  ],
  'empty.npy': [{}, 'empty.npy: empty file (0 bytes)'],
  'short_rows.npy': [
    {},
    'short_rows.npy (byte 308): header promises shape (12, 5) <f4: 240 data bytes from byte 128, but the file holds only 180 (truncated?)',
  ],
  'extra_bytes.npy': [
    {},
    'extra_bytes.npy (byte 308): header promises shape (9, 5) <f4 (308 bytes in all), but the file has 8 more bytes',
  ],
  'int32.npy': [
    {},
    `int32.npy (byte 10): bad npy header "{'descr': '<i4', 'fortran_order': False, 'shape': (9, 5), }": unsupported dtype '<i4' (supported: <f4 <f2 <f8 |i1 |u1 and their > forms)`,
  ],
  'version9.npy': [
    {},
    'version9.npy (byte 6): unsupported npy format version 9.0 (expected 1.0, 2.0 or 3.0)',
  ],
  'bad_header.npy': [
    {},
    `bad_header.npy (byte 10): bad npy header "{'descr': '<f4', 'fortran_order : False, 'shape': (9, 5), }": expected ':' at character 42, found 's'`,
  ],
  'three_d.npy': [
    {},
    `three_d.npy (byte 10): bad npy header "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }": expected a 2-D array (rows, dims), found shape (2, 3, 4)`,
  ],
  'ids_short.npy': [
    { idsPath: join(BAD, 'ids_short.ids.txt') },
    'ids_short.ids.txt: holds 7 ids (lines) but ids_short.npy has 9 rows; expected one id per row',
  ],
  'ragged.jsonl': [{}, 'ragged.jsonl:3: "embedding" has 3 values, expected 4 like line 1'],
  // The tail is V8's own wording, which differs between Node versions.
  'bad_json.jsonl': [{}, /^bad_json\.jsonl:3: invalid JSON: Unexpected token\b.*$/],
  'non_numeric.jsonl': [{}, 'non_numeric.jsonl:2: "embedding"[1] is "abc", expected a number'],
  'missing_id.jsonl': [
    {},
    'missing_id.jsonl:2: missing "id" (line 1 has one, so every record needs one)',
  ],
  'not_object.jsonl': [{}, 'not_object.jsonl:2: expected a JSON object per line, found an array'],
  'blank.jsonl': [{}, 'blank.jsonl: no records: every line is blank'],
  'csv_named.jsonl': [
    {},
    'csv_named.jsonl: not a JSON Lines file (expected "{" to open the first record, found "id,x\\x0a1")',
  ],
  'odd_size.bin': [
    { dims: 16 },
    'odd_size.bin (byte 6): size 7 is not a multiple of 2 bytes per row (dims 16 bits); 1 byte left over after 3 rows',
  ],
  'ragged_list.arrow': [
    {},
    'ragged_list.arrow (row 2): vector in column "embedding" has 3 values, expected 4 like the first row',
  ],
  'null_vector.arrow': [{}, 'null_vector.arrow (row 1): null vector in column "embedding"'],
  'null_element.arrow': [
    {},
    'null_element.arrow (row 2): null value at position 1 of the vector in column "embedding"',
  ],
  'null_id.arrow': [{}, 'null_id.arrow (row 1): null id in column "id"'],
  'two_lists.arrow': [
    {},
    'two_lists.arrow: several list-typed columns ("a", "b"); name the vector column with vectorColumn',
  ],
  'no_list.arrow': [
    {},
    'no_list.arrow: no list-typed column to take vectors from; columns: id (Utf8), x (Float64)',
  ],
  'int32_values.arrow': [
    {},
    'int32_values.arrow: column "embedding" holds Int32 values; expected float32, float16, float64, int8 or uint8',
  ],
  'float_ids.arrow': [
    {},
    'float_ids.arrow: id column "id" is Float64; expected strings or integers',
  ],
  'lz4_cut.arrow': [
    {},
    'lz4_cut.arrow (byte 9431): damaged Arrow IPC data: record batch 1: the values of column "embedding" (LZ4_FRAME): compressed data ends early: an LZ4 block of 8192 bytes needs 8196 bytes, 7200 remain',
  ],
  'zstd_cut.arrows': [
    {},
    'zstd_cut.arrows (byte 15667): damaged Arrow IPC data: record batch 1: the values of column "embedding" (ZSTD): ZSTD data ends early: 8192 more bytes of output were expected',
  ],
  'zstd_bad_block.arrows': [
    {},
    'zstd_bad_block.arrows (byte 16167): damaged Arrow IPC data: record batch 1: the values of column "embedding" (ZSTD): damaged ZSTD data: the decoder makes no progress',
  ],
  'empty_list.arrow': [
    {},
    'empty_list.arrow: no rows: cannot learn the vector length of List column "embedding" from an empty file',
  ],
};

/** Opens and scans; returns the one error, message relative to `dir`. */
async function failure(dir: string, name: string, opts: OpenOptions): Promise<VectorFileError> {
  let source;
  try {
    source = await openVectors(join(dir, name), opts);
    await scanVectors(source);
  } catch (e) {
    expect(e).toBeInstanceOf(VectorFileError);
    const err = e as VectorFileError;
    expect(err.message.split('\n')).toHaveLength(1);
    return Object.assign(err, { message: err.message.replaceAll(`${dir}/`, '') });
  } finally {
    await source?.close();
  }
  throw new Error(`${name} was read without an error`);
}

describe('bad inputs', () => {
  it('has a case for every file in bad/', () => {
    const files = readdirSync(BAD).filter((f) => !f.endsWith('.txt'));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, [opts, message]] of Object.entries(CASES)) {
    it(name, async () => {
      const got = (await failure(BAD, name, opts)).message;
      if (typeof message === 'string') expect(got).toBe(message);
      else expect(got).toMatch(message);
    });
  }
});

describe('bad options on good files', () => {
  const cases: [string, OpenOptions, string][] = [
    [
      'f32_fsl_str.arrow',
      { vectorColumn: 'vec' },
      'f32_fsl_str.arrow: no column "vec" for the vectors; columns: id (Utf8), embedding (FixedSizeList[5]<Float32>)',
    ],
    [
      'f32_fsl_str.arrow',
      { idColumn: 'doc' },
      'f32_fsl_str.arrow: no column "doc" for the ids; columns: id (Utf8), embedding (FixedSizeList[5]<Float32>)',
    ],
    [
      'named_columns.arrow',
      { vectorColumn: 'text' },
      'named_columns.arrow: column "text" is Utf8; expected a list (FixedSizeList, List or LargeList) of numbers',
    ],
    [
      'codes.bin',
      {},
      'codes.bin: packed binary vectors need dims (bits per vector) as a positive integer; got none',
    ],
    [
      'codes.ids.txt',
      {},
      'codes.ids.txt: cannot tell the format from the extension ".txt"; name it with format (one of arrow, arrow-stream, parquet, npy, jsonl, binary)',
    ],
    [
      'f32_fsl_str.arrow',
      { format: 'npy' },
      'f32_fsl_str.arrow: not a NumPy file (expected magic \\x93NUMPY at byte 0, found "ARROW1", the magic of an Arrow IPC file)',
    ],
    [
      'f32_fsl_str.arrow',
      { format: 'arrow-stream' },
      'f32_fsl_str.arrow: not an Arrow IPC stream (expected magic \\xff\\xff\\xff\\xff (continuation marker) at byte 0, found "ARROW1", the magic of an Arrow IPC file)',
    ],
    ['no-such-file.npy', {}, 'no-such-file.npy: no such file'],
    [
      'vectors.jsonl',
      { vectorColumn: 'vec' },
      'vectors.jsonl:1: expected "vec" to be a non-empty array of numbers; keys found: id, embedding, note',
    ],
  ];
  for (const [name, opts, message] of cases) {
    it(`${name} ${JSON.stringify(opts)}`, async () => {
      expect((await failure(FIXTURES, name, opts)).message).toBe(message);
    });
  }
});
