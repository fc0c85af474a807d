import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import {
  ProbeSetError,
  readProbeSet,
  type ProbeColumnRequest,
} from '../../src/staging/probe-set.js';
import { tokenProbeArrow, writeParquet } from '../fixtures/staging/scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'eg-probe-set-'));
const list = (child: arrow.DataType) => new arrow.List(new arrow.Field('item', child, true));
const TOKENS: ProbeColumnRequest = { input: 'input_ids', column: 'input_ids', type: 'int64' };

function rows(set: Awaited<ReturnType<typeof readProbeSet>>, input: string): unknown[][] {
  const c = set.columns.get(input)!;
  return set.ids.map((_, r) => [...c.values.subarray(c.offsets[r]!, c.offsets[r + 1]!)]);
}

describe('probe sets', () => {
  it('reads Arrow token lists as int64, and Parquet the same', async () => {
    const arrowFile = join(dir, 'tokens.arrow');
    writeFileSync(arrowFile, tokenProbeArrow(['a', 'b'], [[1, 2, 3], [4]]));
    const fromArrow = await readProbeSet(arrowFile, 'tokens.arrow', {
      idColumn: 'id',
      columns: [TOKENS],
      maxBytes: 1 << 20,
    });
    expect(fromArrow.ids).toEqual(['a', 'b']);
    expect(rows(fromArrow, 'input_ids')).toEqual([[1n, 2n, 3n], [4n]]);

    const parquetFile = join(dir, 'tokens.parquet');
    await writeParquet(
      parquetFile,
      new arrow.Table({
        id: arrow.vectorFromArray([7, 8], new arrow.Int32()),
        input_ids: arrow.vectorFromArray([[1, 2, 3], [4]], list(new arrow.Int32())),
      }),
    );
    const fromParquet = await readProbeSet(parquetFile, 'tokens.parquet', {
      idColumn: 'id',
      columns: [TOKENS],
      maxBytes: 1 << 20,
    });
    expect(fromParquet.ids).toEqual(['7', '8']);
    expect(rows(fromParquet, 'input_ids')).toEqual([[1n, 2n, 3n], [4n]]);
  });

  it('flattens nested lists row-major and widens scalars, in both formats', async () => {
    const arrowFile = join(dir, 'pixels.arrow');
    const t = new arrow.Table({
      id: arrow.vectorFromArray(['x'], new arrow.Utf8()),
      px: arrow.vectorFromArray(
        [
          [
            [1, 2],
            [3, 4],
          ],
        ],
        list(list(new arrow.Float32())),
      ),
      scale: arrow.vectorFromArray([0.5], new arrow.Float64()),
    });
    writeFileSync(arrowFile, arrow.tableToIPC(t, 'file'));
    const columns: ProbeColumnRequest[] = [
      { input: 'pixel_values', column: 'px', type: 'float32' },
      { input: 'scale', column: 'scale', type: 'float64' },
    ];
    const a = await readProbeSet(arrowFile, 'pixels.arrow', {
      idColumn: 'id',
      columns,
      maxBytes: 1 << 20,
    });
    expect(rows(a, 'pixel_values')).toEqual([[1, 2, 3, 4]]);
    expect(rows(a, 'scale')).toEqual([[0.5]]);

    const parquetFile = join(dir, 'pixels.parquet');
    await writeParquet(
      parquetFile,
      new arrow.Table({
        id: arrow.vectorFromArray(['x'], new arrow.Utf8()),
        px: arrow.vectorFromArray(
          [
            [
              [1, 2],
              [3, 4],
            ],
          ],
          list(list(new arrow.Float32())),
        ),
        scale: arrow.vectorFromArray([0.5], new arrow.Float64()),
      }),
    );
    const p = await readProbeSet(parquetFile, 'pixels.parquet', {
      idColumn: 'id',
      columns,
      maxBytes: 1 << 20,
    });
    expect(rows(p, 'pixel_values')).toEqual([[1, 2, 3, 4]]);
    expect(rows(p, 'scale')).toEqual([[0.5]]);
  });

  it('refuses floats for integer inputs, missing columns, nulls and oversized files', async () => {
    const floats = join(dir, 'floats.parquet');
    await writeParquet(
      floats,
      new arrow.Table({
        id: arrow.vectorFromArray(['a'], new arrow.Utf8()),
        input_ids: arrow.vectorFromArray([[1.5, 2.0]], list(new arrow.Float64())),
      }),
    );
    await expect(
      readProbeSet(floats, 'floats.parquet', {
        idColumn: 'id',
        columns: [TOKENS],
        maxBytes: 1 << 20,
      }),
    ).rejects.toThrow(
      /^probe set floats\.parquet: column "input_ids" holds Float64, model input input_ids takes int64; expected integers/,
    );
    const nulls = join(dir, 'nulls.arrow');
    writeFileSync(
      nulls,
      arrow.tableToIPC(
        new arrow.Table({
          id: arrow.vectorFromArray(['a', 'b'], new arrow.Utf8()),
          input_ids: arrow.vectorFromArray([[1n], null], list(new arrow.Int64())),
        }),
        'file',
      ),
    );
    await expect(
      readProbeSet(nulls, 'nulls.arrow', { idColumn: 'id', columns: [TOKENS], maxBytes: 1 << 20 }),
    ).rejects.toThrow('probe set nulls.arrow: null in column "input_ids", row 1 (id "b")');
    await expect(
      readProbeSet(nulls, 'nulls.arrow', { idColumn: 'key', columns: [TOKENS], maxBytes: 1 << 20 }),
    ).rejects.toThrow(
      'probe set nulls.arrow has no column "key" (the ids); its columns: id, input_ids',
    );
    await expect(
      readProbeSet(nulls, 'nulls.arrow', { idColumn: 'id', columns: [TOKENS], maxBytes: 10 }),
    ).rejects.toThrow(/^probe set nulls\.arrow is [\d,]+ bytes, above the cap of 10 bytes/);
    const notArrow = join(dir, 'text.arrow');
    writeFileSync(notArrow, 'id,input_ids\n');
    await expect(
      readProbeSet(notArrow, 'text.arrow', {
        idColumn: 'id',
        columns: [TOKENS],
        maxBytes: 1 << 20,
      }),
    ).rejects.toThrow(ProbeSetError);
  });
});
