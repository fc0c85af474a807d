/**
 * Readers start at a row (`batchesFrom`): npy and packed binary by offset arithmetic, Arrow
 * files by record batch, Parquet by row group, datasets by part. From any row they give the
 * whole read's rows from there on, bit for bit with their ids, and neither read nor decode
 * what lies wholly before it (counted in bytes read through the byte-source seam).
 */
import { readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalSource } from '../../src/sources/local.js';
import type { SourceOpener } from '../../src/sources/types.js';
import { openVectors } from '../../src/vectors/open.js';
import { rowSlice, sliceSource } from '../../src/vectors/row-slice.js';
import type { OpenOptions, VectorBatch, VectorSource } from '../../src/vectors/types.js';
import { npyFloat32 } from '../../src/vectors/write.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test/fixtures');

/** An opener that counts the bytes read from the vectors file (not from id sidecars). */
function counting(file: string): { open: SourceOpener; bytes: () => number } {
  let bytes = 0;
  const open: SourceOpener = async (req) => {
    const source = await openLocalSource(req);
    if (req.path !== file) return source;
    return {
      ...source,
      id: source.id,
      display: source.display,
      size: source.size,
      close: () => source.close(),
      read: async (t, o, l, p) => {
        const n = await source.read(t, o, l, p);
        bytes += n;
        return n;
      },
      ...(source.readSync && {
        readSync: (t: Uint8Array, o: number, l: number, p: number) => {
          const n = source.readSync!(t, o, l, p);
          bytes += n;
          return n;
        },
      }),
    };
  };
  return { open, bytes: () => bytes };
}

interface Row {
  readonly row: number;
  readonly id?: string;
  readonly bytes: string;
}

function rowsOf(batch: VectorBatch): Row[] {
  const width = batch.values.length / Math.max(1, batch.rows);
  const out: Row[] = [];
  for (let r = 0; r < batch.rows; r++) {
    const v = batch.values.subarray(r * width, (r + 1) * width);
    out.push({
      row: batch.rowOffset + r,
      ...(batch.ids && { id: batch.ids[r] }),
      bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'),
    });
  }
  return out;
}

async function collect(
  stream: AsyncIterable<VectorBatch>,
): Promise<{ rows: Row[]; firstOffset?: number }> {
  const rows: Row[] = [];
  let firstOffset: number | undefined;
  for await (const batch of stream) {
    firstOffset ??= batch.rowOffset;
    rows.push(...rowsOf(batch));
  }
  return { rows, firstOffset };
}

async function read(
  file: string,
  opts: OpenOptions,
  from?: number,
): Promise<{ rows: Row[]; firstOffset?: number; bytes: number; source: VectorSource }> {
  const { open, bytes } = counting(file);
  const source = await openVectors(file, opts, open);
  const before = bytes();
  try {
    const got = await collect(from === undefined ? source.batches() : source.batchesFrom!(from));
    return { ...got, bytes: bytes() - before, source };
  } finally {
    await source.close();
  }
}

/** Checks every start row of `file` against the whole read; returns the bytes read from the middle. */
async function checkStarts(
  file: string,
  opts: OpenOptions = {},
): Promise<{ whole: number; half: number; last: number }> {
  const whole = await read(file, opts);
  const n = whole.rows.length;
  // Arrow's generic path (dictionary ids, other id types) streams from the start only.
  if (!whole.source.batchesFrom)
    return { whole: whole.bytes, half: whole.bytes, last: whole.bytes };
  let half = 0;
  let last = 0;
  for (const from of [0, 1, Math.floor(n / 3), Math.floor(n / 2), n - 1, n, n + 5]) {
    if (from < 0) continue;
    const got = await read(file, opts, from);
    const tail = got.rows.filter((r) => r.row >= from);
    expect(tail, `${file} from ${from}`).toEqual(whole.rows.filter((r) => r.row >= from));
    if (from < n) expect(got.firstOffset!, `${file} from ${from}`).toBeLessThanOrEqual(from);
    if (from === Math.floor(n / 2)) half = got.bytes;
    if (from === n - 1) last = got.bytes;
  }
  return { whole: whole.bytes, half, last };
}

describe('readers start at a row', () => {
  it('npy, C order and Fortran order, with and without an id sidecar: by offset arithmetic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-rowstart-'));
    const rows = 5000;
    const dims = 16;
    const values = Float32Array.from({ length: rows * dims }, (_, i) => Math.sin(i));
    const file = join(dir, 'v.npy');
    writeFileSync(file, npyFloat32(values, rows, dims));
    writeFileSync(
      join(dir, 'ids.txt'),
      Array.from({ length: rows }, (_, i) => `d${i}`).join('\n') + '\n',
    );
    for (const opts of [{ batchRows: 64 }, { batchRows: 64, idsPath: join(dir, 'ids.txt') }]) {
      const { whole, half } = await checkStarts(file, opts);
      // From the middle, about half the data is read (the header and one batch aside).
      expect(half).toBeLessThan(whole * 0.55);
    }
    for (const name of readdirSync(join(FIXTURES, 'vectors')).filter((f) => f.endsWith('.npy')))
      await checkStarts(join(FIXTURES, 'vectors', name), { batchRows: 3 });
  });

  it('packed binary with its id sidecar', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-rowstart-bin-'));
    const rows = 3000;
    const file = join(dir, 'codes.bin');
    writeFileSync(
      file,
      Uint8Array.from({ length: rows * 4 }, (_, i) => (i * 37) & 255),
    );
    writeFileSync(join(dir, 'ids.txt'), Array.from({ length: rows }, (_, i) => `c${i}`).join('\n'));
    const { whole, half } = await checkStarts(file, {
      dims: 32,
      idsPath: join(dir, 'ids.txt'),
      batchRows: 50,
    });
    expect(half).toBeLessThan(whole * 0.55);
  });

  it('Arrow IPC files, compressed or not: by record batch, skipped bodies neither read nor decompressed', async () => {
    const dir = join(FIXTURES, 'vectors');
    const files = readdirSync(dir).filter(
      (f) => f.endsWith('.arrow') && f !== 'named_columns.arrow',
    );
    let skipped = 0;
    for (const name of files) {
      const { whole, last } = await checkStarts(join(dir, name), { batchRows: 4 });
      if (last < whole) skipped++;
    }
    // blocks_lz4.arrow holds two LZ4 record batches (600 and 40 rows): from its last row,
    // the first batch's body is not read.
    const blocks = await checkStarts(join(dir, 'blocks_lz4.arrow'));
    expect(blocks.last).toBeLessThan(blocks.whole * 0.5);
    expect(skipped).toBeGreaterThan(0);
  });

  it('Parquet: by row group, from the footer row counts; skipped column chunks are not read', async () => {
    const dir = join(FIXTURES, 'parquet-writers');
    let skipped = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.parquet'))) {
      const { whole, half } = await checkStarts(join(dir, name));
      if (half < whole * 0.75) skipped++;
    }
    expect(skipped, 'files of several row groups read less from their middle').toBeGreaterThan(5);
    for (const name of [
      'pa_fsl_f32_zstd.parquet',
      'pa_list_f16_snappy.parquet',
      'duck_list_f32_zstd.parquet',
    ])
      await checkStarts(join(FIXTURES, 'parquet', name));
  });

  it('a dataset of parts: parts wholly before the row are not opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-rowstart-parts-'));
    const dims = 4;
    for (let p = 0; p < 4; p++) {
      const values = Float32Array.from({ length: 100 * dims }, (_, i) => p * 1000 + i);
      writeFileSync(join(dir, `part-${p}.npy`), npyFloat32(values, 100, dims));
    }
    const opened: string[] = [];
    const open: SourceOpener = async (req) => {
      opened.push(req.path);
      return openLocalSource(req);
    };
    const source = await openVectors(join(dir, '*.npy'), { batchRows: 16 }, open);
    const whole = await collect(source.batches());
    opened.length = 0;
    const from = await collect(source.batchesFrom!(250));
    await source.close();
    expect(from.rows[0]!.row).toBeLessThanOrEqual(250);
    expect(from.rows.filter((r) => r.row >= 250)).toEqual(whole.rows.filter((r) => r.row >= 250));
    expect(opened.map((p) => p.slice(dir.length + 1))).toEqual(['part-2.npy', 'part-3.npy']);
  });

  it("a shard's slice starts there: the same rows, fewer bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-rowstart-slice-'));
    const rows = 4000;
    const values = Float32Array.from({ length: rows * 8 }, (_, i) => i);
    const file = join(dir, 'v.npy');
    writeFileSync(file, npyFloat32(values, rows, 8));
    const { open, bytes } = counting(file);
    const source = await openVectors(file, { batchRows: 100 }, open);
    const slice = rowSlice({ index: 4, count: 4 }, rows);
    const sliced = sliceSource(source, slice, false);
    const got = await collect(sliced.batches());
    await sliced.close();
    expect(got.rows.map((r) => r.row)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(sliced.globalRow(0)).toBe(3000);
    expect(bytes()).toBeLessThan(rows * 8 * 4 * 0.3);
  });
});
