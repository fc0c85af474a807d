/**
 * The Parquet readers (vectors and probe sets) read through the byte-source seam: the file
 * the source opened, whatever glob characters its name holds, by ranged reads (footer,
 * then the chosen columns' chunks), from any source, local or not.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalSource } from '../../src/sources/local.js';
import { memoryOpener } from '../../src/sources/memory.js';
import { recordingOpener } from '../../src/sources/recording.js';
import { readParquetProbeSet } from '../../src/staging/probe-set-parquet.js';
import { openVectors } from '../../src/vectors/open.js';
import type { VectorSource } from '../../src/vectors/types.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'parquet');
/** 10 rows of 8 float32, ids "0"…"9" as strings or ints, and 5,000 rows of 4. */
const LITERAL = 'pa_fsl_f32_none.parquet';
const OTHER = 'duck_array_f32_snappy.parquet';

const root = mkdtempSync(join(tmpdir(), 'eg-parquet-seam-'));
mkdirSync(join(root, 'other'));
mkdirSync(join(root, '[l]inkdir'));
symlinkSync(join(root, 'other'), join(root, 'linkdir'));
copyFileSync(join(FIXTURES, LITERAL), join(root, '[l]inkdir', 'secret.parquet'));
copyFileSync(join(FIXTURES, OTHER), join(root, 'other', 'secret.parquet'));
mkdirSync(join(root, 'stars'));
copyFileSync(join(FIXTURES, LITERAL), join(root, 'stars', 's*.parquet'));
copyFileSync(join(FIXTURES, LITERAL), join(root, 'stars', 's?cret.parquet'));
copyFileSync(join(FIXTURES, OTHER), join(root, 'stars', 'secret.parquet'));

async function shape(source: VectorSource): Promise<{ rows: number; dims: number; read: number }> {
  try {
    let read = 0;
    for await (const b of source.batches()) read += b.rows;
    return { rows: source.info.rows!, dims: source.info.dims, read };
  } finally {
    await source.close();
  }
}

const literalShape = { rows: 10, dims: 8, read: 10 };

describe('the readers read the file the byte source opened, never a glob of its name', () => {
  for (const name of ['[l]inkdir/secret.parquet', 'stars/s*.parquet', 'stars/s?cret.parquet']) {
    it(`the vectors reader reads ${name} itself`, async () => {
      const path = join(root, name);
      const rec = recordingOpener(openLocalSource);
      expect(await shape(await openVectors(path, {}, rec.open))).toEqual(literalShape);
      expect(rec.opened.map((o) => o.id)).toEqual([path]);
      expect(rec.opened[0]!.closed).toBe(true);
    });
  }

  it('the probe-set reader reads [l]inkdir/secret.parquet itself', async () => {
    const path = join(root, '[l]inkdir', 'secret.parquet');
    const rec = recordingOpener(openLocalSource);
    const set = await readParquetProbeSet(path, '[l]inkdir/secret.parquet', {
      idColumn: 'id',
      columns: [{ input: 'x', column: 'embedding', type: 'float32' }],
      maxBytes: 1 << 20,
      openSource: rec.open,
    });
    expect(set.ids).toHaveLength(10);
    expect(set.columns.get('x')!.offsets[1]).toBe(8);
    expect(rec.opened.map((o) => [o.id, o.closed])).toEqual([[path, true]]);
  });
});

describe('the Parquet readers read through the seam', () => {
  it('the vectors reader opens exactly the file, once, reads no byte twice, and closes it', async () => {
    const path = join(FIXTURES, 'pa_named_columns.parquet');
    const rec = recordingOpener(openLocalSource);
    const source = await openVectors(path, { vectorColumn: 'vec', idColumn: 'doc' }, rec.open);
    expect(rec.opened.map((o) => [o.id, o.closed])).toEqual([[path, false]]);
    expect(await shape(source)).toEqual(literalShape);
    expect(rec.opened.map((o) => [o.id, o.closed])).toEqual([[path, true]]);
    // Magic, footer and the two chosen columns' chunks: the other columns are never read.
    expect(rec.opened[0]!.bytesRead).toBeGreaterThanOrEqual(64 + 4 + 8);
    expect(rec.opened[0]!.bytesRead).toBeLessThan(statSync(path).size);
  });

  it('reads bytes served from memory exactly as the file', async () => {
    const path = '/nonexistent-embedding-gate-seam/x.parquet';
    const good = readFileSync(join(FIXTURES, LITERAL));
    const rec = recordingOpener(memoryOpener({ [path]: good }));
    expect(await shape(await openVectors(path, {}, rec.open))).toEqual(literalShape);
    expect(rec.opened.map((o) => o.closed)).toEqual([true]);

    const truncated = good.subarray(0, good.length - 3);
    await expect(openVectors(path, {}, memoryOpener({ [path]: truncated }))).rejects.toThrow(
      /expected magic PAR1 at the end of the file/,
    );
  });

  it('the probe-set reader reads a source that is not a local file', async () => {
    const path = '/nonexistent-embedding-gate-seam/p.parquet';
    const rec = recordingOpener(memoryOpener({ [path]: readFileSync(join(FIXTURES, LITERAL)) }));
    const set = await readParquetProbeSet(path, 'p.parquet', {
      idColumn: 'id',
      columns: [{ input: 'x', column: 'embedding', type: 'float32' }],
      maxBytes: 1 << 20,
      openSource: rec.open,
    });
    expect(set.ids).toHaveLength(10);
    expect(rec.opened.map((o) => o.closed)).toEqual([true]);
  });
});
