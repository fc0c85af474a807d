import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePyDict } from '../../src/vectors/npy/header.js';
import { formatFor, openVectors, sniffFormat } from '../../src/vectors/open.js';
import { drain, EXPECTED, fixtureOptions, FIXTURES } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'eg-vectors-open-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('format detection', () => {
  it('maps extensions, and lets format override them', () => {
    expect(
      [
        'a.arrow',
        'a.feather',
        'a.IPC',
        'a.arrows',
        'a.parquet',
        'a.npy',
        'a.jsonl',
        'a.ndjson',
        'a.bin',
        'a.txt',
      ].map((p) => formatFor(p)),
    ).toEqual([
      'arrow',
      'arrow',
      'arrow',
      'arrow-stream',
      'parquet',
      'npy',
      'jsonl',
      'jsonl',
      'binary',
      undefined,
    ]);
    expect(formatFor('a.txt', { format: 'npy' })).toBe('npy');
  });

  it('recognises magic bytes', () => {
    const bytes = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
    expect(sniffFormat(bytes('ARROW1\0\0'))).toBe('arrow');
    expect(sniffFormat(bytes('\xff\xff\xff\xff\x10\0'))).toBe('arrow-stream');
    expect(sniffFormat(bytes('PAR1'))).toBe('parquet');
    expect(sniffFormat(bytes('\x93NUMPY\x01\0'))).toBe('npy');
    expect(sniffFormat(bytes('{"id"'))).toBeUndefined();
  });

  it('reads an Arrow stream saved as .arrow (and a file saved as .arrows) as what it is', async () => {
    const name = 'f64_fsl_str.arrows';
    copyFileSync(join(FIXTURES, name), join(tmp, 'stream.arrow'));
    const source = await openVectors(join(tmp, 'stream.arrow'));
    expect(source.info.format).toBe('arrow-stream');
    expect((await drain(source)).bytes.toString('base64')).toBe(
      EXPECTED.files[name]!.valuesBase64!,
    );
    await source.close();
    copyFileSync(join(FIXTURES, 'f32_fsl_str.arrow'), join(tmp, 'file.arrows'));
    const file = await openVectors(join(tmp, 'file.arrows'));
    expect(file.info.format).toBe('arrow');
    await file.close();
  });

  it('takes a forced format for an unknown extension', async () => {
    copyFileSync(join(FIXTURES, 'f4_le_c.npy'), join(tmp, 'vectors.data'));
    const source = await openVectors(join(tmp, 'vectors.data'), { format: 'npy' });
    expect(source.info).toMatchObject({
      format: 'npy',
      rows: 9,
      dims: 5,
      dtype: 'float32',
      hasIds: false,
    });
    await source.close();
  });
});

describe('sources', () => {
  it('can be iterated twice with the same result, and closed twice', async () => {
    for (const name of [
      'f32_fsl_str.arrow',
      'dict_ids.arrow',
      'blocks_lz4.arrow',
      'f16_zstd_list.arrow',
      'v3_f2_be.npy',
      'vectors.jsonl',
      'codes.bin',
      'f4_be_f.npy',
    ]) {
      const file = EXPECTED.files[name]!;
      const source = await openVectors(
        join(FIXTURES, name),
        fixtureOptions(file, { batchRows: 2 }),
      );
      const first = await drain(source);
      const second = await drain(source);
      expect(second).toEqual(first);
      await source.close();
      await source.close();
    }
  });

  it('stops cleanly when the consumer leaves after the first batch', async () => {
    for (const name of [
      'f32_fsl_str.arrow',
      'f32_list_i64.arrow',
      'blocks_zstd.arrows',
      'f4_le_c.npy',
      'f4_le_f.npy',
      'codes.bin',
      'vectors.jsonl',
      'dict_ids.arrow',
    ]) {
      const file = EXPECTED.files[name]!;
      const source = await openVectors(
        join(FIXTURES, name),
        fixtureOptions(file, { batchRows: 1 }),
      );
      for await (const batch of source.batches()) {
        expect(batch.rowOffset).toBe(0);
        break;
      }
      await source.close();
    }
  });

  it('hands out one id per row from a sidecar with CRLF line ends and no final newline', async () => {
    const file = EXPECTED.files['codes.bin']!;
    const source = await openVectors(
      join(FIXTURES, 'codes.bin'),
      fixtureOptions(file, { batchRows: 4 }),
    );
    expect((await drain(source)).ids).toEqual(file.ids);
    await source.close();
  });

  it('rejects a sidecar with an empty line, naming the line', async () => {
    writeFileSync(join(tmp, 'ids.txt'), 'a\nb\n\nd\ne\nf\ng\nh\ni\n');
    const source = await openVectors(join(FIXTURES, 'f4_le_c.npy'), {
      idsPath: join(tmp, 'ids.txt'),
      batchRows: 2,
    });
    await expect(drain(source)).rejects.toThrow(
      `${join(tmp, 'ids.txt')}:3: empty id: expected one non-empty id per line`,
    );
    await source.close();
  });

  it('rejects batchRows that is not a positive integer', async () => {
    await expect(
      openVectors(join(FIXTURES, 'f4_le_c.npy'), { batchRows: 0 }).then((s) => drain(s)),
    ).rejects.toThrow(RangeError);
  });
});

describe('npy header parser', () => {
  it('parses the dict literals numpy writes, old and new', () => {
    expect(parsePyDict("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }")).toEqual(
      new Map<string, unknown>([
        ['descr', '<f4'],
        ['fortran_order', false],
        ['shape', [3, 4]],
      ]),
    );
    expect(
      parsePyDict('{"descr":"|u1","fortran_order":True,"shape":(10L, 2L)}').get('shape'),
    ).toEqual([10, 2]);
    expect(parsePyDict("{'shape': (7,), 'x': None, 'y': [1, (2, 3)]}").get('shape')).toEqual([7]);
  });

  it('rejects anything else with the position', () => {
    expect(() => parsePyDict("{'a': 1")).toThrow("expected ',' or '}' at character 7");
    expect(() => parsePyDict("{'a': __import__('os')}")).toThrow("unexpected '_' at character 6");
    expect(() => parsePyDict("{'a': 1} x")).toThrow(
      'unexpected text after the dict at character 9',
    );
    expect(() => parsePyDict('{1: 2}')).toThrow('expected a string key');
  });
});
