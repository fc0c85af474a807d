/**
 * Column chunks larger than the reader's 8 MB window: pages then straddle windows, and the
 * read-ahead hands over the unfinished page. Written by parquet-wasm (arrow-rs's writer)
 * at test time: 4,000 × 1,024 float32 (16 MB) in one row group, snappy, 1 MB pages.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalSource } from '../../src/sources/local.js';
import { openParquet } from '../../src/vectors/parquet/reader.js';

const ROWS = 4000;
const DIMS = 1024;
const dir = mkdtempSync(join(tmpdir(), 'eg-parquet-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a column chunk across several read windows', () => {
  it('reads 16 MB in one chunk bit-exactly, ids included', async () => {
    const values = new Float32Array(ROWS * DIMS);
    let seed = 7;
    for (let i = 0; i < values.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      values[i] = (seed / 2 ** 32) * 2 - 1;
    }
    const ids = Array.from({ length: ROWS }, (_, i) => `doc-${i}`);
    const child = arrow.makeData({
      type: new arrow.Float32(),
      length: values.length,
      data: values,
    });
    const type = new arrow.FixedSizeList(DIMS, new arrow.Field('item', new arrow.Float32(), true));
    const table = new arrow.Table({
      id: arrow.vectorFromArray(ids, new arrow.Utf8()),
      embedding: arrow.makeVector(arrow.makeData({ type, length: ROWS, child })),
    });
    const wasm = await import('parquet-wasm');
    const props = new wasm.WriterPropertiesBuilder()
      .setCompression(wasm.Compression.SNAPPY)
      .setDictionaryEnabled(false)
      .setDataPageSizeLimit(1 << 20)
      .build();
    const path = join(dir, 'large.parquet');
    writeFileSync(
      path,
      wasm.writeParquet(wasm.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')), props),
    );

    const source = await openParquet(await openLocalSource({ path }), {});
    const hash = createHash('sha256');
    const got: string[] = [];
    try {
      expect(source.info).toMatchObject({ rows: ROWS, dims: DIMS, dtype: 'float32' });
      for await (const b of source.batches()) {
        hash.update(new Uint8Array(b.values.buffer, b.values.byteOffset, b.values.byteLength));
        got.push(...b.ids!);
      }
    } finally {
      await source.close();
    }
    const want = createHash('sha256').update(new Uint8Array(values.buffer)).digest('hex');
    expect(hash.digest('hex')).toBe(want);
    expect(got).toEqual(ids);
  });
});
