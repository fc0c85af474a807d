/**
 * Local datasets: a directory of parts (Hive partition folders walked), a glob, sorted
 * order, errors naming the part, parts that disagree, and the plan accepting a dataset and
 * refusing a URL without --allow-remote. Parts are .npy and Arrow written here by the
 * project's writers.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { globToRegExp, listLocalDataset } from '../../src/sources/dataset.js';
import { openVectors } from '../../src/vectors/open.js';
import { VectorFileError } from '../../src/vectors/types.js';
import { arrowFloat32, npyFloat32 } from '../../src/vectors/write.js';
import { confinedOpener } from '../../src/sources/confined.js';
import { openLocalSource } from '../../src/sources/local.js';
import { sha256Vectors } from '../../src/sources/hash.js';
import { datasetPartFindings } from '../../src/gate/checks/dataset.js';

let dir: string;

function npy(rows: number, from: number, dims = 3): Uint8Array {
  return npyFloat32(
    Float32Array.from({ length: rows * dims }, (_, i) => from + Math.floor(i / dims)),
    rows,
    dims,
  );
}

async function write(rel: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(join(dir, rel, '..'), { recursive: true });
  await writeFile(join(dir, rel), bytes);
}

async function firsts(path: string): Promise<number[]> {
  const vectors = await openVectors(path, {}, confinedOpener(dir, openLocalSource));
  const out: number[] = [];
  try {
    for await (const b of vectors.batches())
      for (let r = 0; r < b.rows; r++) out.push((b.values as Float32Array)[r * b.dims]!);
  } finally {
    await vectors.close();
  }
  return out;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eg-dataset-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('local datasets', () => {
  it('walks Hive partition folders in code-point order and skips marker files', async () => {
    await write('ds/lang=fr/part-00000.npy', npy(2, 300));
    await write('ds/lang=de/part-00001.npy', npy(2, 200));
    await write('ds/lang=de/part-00000.npy', npy(2, 100));
    await write('ds/lang=de/_SUCCESS', '');
    await write('ds/lang=de/.part-00000.npy.crc', 'x');
    await write('ds/_common_metadata', 'x');
    await write('ds/README.md', 'not a part');
    const listed = await listLocalDataset(join(dir, 'ds'));
    expect(listed.parts.map((p) => p.name)).toEqual([
      'README.md',
      'lang=de/part-00000.npy',
      'lang=de/part-00001.npy',
      'lang=fr/part-00000.npy',
    ]);
    expect(listed.parts[1]!.size).toBe(npy(2, 0).length);
    // README.md has no vectors format: the reader keeps only parts it can read.
    expect(await firsts(join(dir, 'ds'))).toEqual([100, 101, 200, 201, 300, 301]);
  });

  it('reads a glob, and reports the summed row count before any batch', async () => {
    await write('g/b.npy', npy(3, 10));
    await write('g/a.npy', npy(1, 0));
    await write('g/c.arrow', arrowFloat32(['x'], new Float32Array(3), 3));
    const vectors = await openVectors(join(dir, 'g/*.npy'));
    expect(vectors.info.rows).toBe(4);
    await vectors.close();
    expect(await firsts(join(dir, 'g/*.npy'))).toEqual([0, 10, 11, 12]);
  });

  it('names the part whose header differs from the first', async () => {
    await write('m/part-0.npy', npy(2, 0, 3));
    await write('m/part-1.npy', npy(2, 0, 4));
    const error = await openVectors(join(dir, 'm')).catch((e) => e);
    expect(error).toBeInstanceOf(VectorFileError);
    expect(error.message).toBe(
      `${join(dir, 'm')} part part-1.npy: differs from the first part: dims 4 where part part-0.npy has 3`,
    );
  });

  it('names the broken part', async () => {
    await write('b/part-0.npy', npy(2, 0));
    await write('b/part-1.npy', new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 99]));
    const error = await openVectors(join(dir, 'b')).catch((e) => e);
    expect(error).toBeInstanceOf(VectorFileError);
    expect(error.message).toMatch(new RegExp(`^${join(dir, 'b')} part part-1\\.npy\\b`));
  });

  it('an empty folder or a glob matching nothing names no parts', async () => {
    await mkdir(join(dir, 'empty'));
    await expect(openVectors(join(dir, 'empty'))).rejects.toThrow(
      `${join(dir, 'empty')}: names no parts (no vectors file matched)`,
    );
    await expect(openVectors(join(dir, 'empty/*.npy'))).rejects.toThrow('names no parts');
  });

  it('globs: ** spans folders, * stays within one, {a,b} and [..] work', () => {
    expect(globToRegExp('**/*.npy').test('a/b/c.npy')).toBe(true);
    expect(globToRegExp('**/*.npy').test('c.npy')).toBe(true);
    expect(globToRegExp('*.npy').test('a/c.npy')).toBe(false);
    expect(globToRegExp('part-{0,1}.npy').test('part-1.npy')).toBe(true);
    expect(globToRegExp('part-[0-4].npy').test('part-5.npy')).toBe(false);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });
});

describe('dataset digest and recorded parts', () => {
  it('digests a dataset as sha256sum prints its parts, and names parts added, missing or changed', async () => {
    await write('d/b/part-1.npy', npy(2, 10));
    await write('d/a/part-0.npy', npy(2, 0));
    await write('d/_SUCCESS', '');
    const digest = await sha256Vectors(join(dir, 'd'));
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(digest.parts).toEqual([
      { name: 'a/part-0.npy', size: npy(2, 0).length, sha256: sha(npy(2, 0)) },
      { name: 'b/part-1.npy', size: npy(2, 10).length, sha256: sha(npy(2, 10)) },
    ]);
    const lines = `${sha(npy(2, 0))}  a/part-0.npy\n${sha(npy(2, 10))}  b/part-1.npy\n`;
    expect(digest.sha256).toBe(createHash('sha256').update(lines).digest('hex'));
    // The glob names the same parts, so the same digest.
    expect((await sha256Vectors(join(dir, 'd/*/*.npy'))).sha256).toBe(digest.sha256);

    const declared = [
      { path: 'a/part-0.npy', size: 1, sha256: sha(npy(2, 0)) },
      { path: 'c/part-2.npy', sha256: sha(npy(1, 0)) },
    ];
    const findings = datasetPartFindings(declared, digest.parts!, 'd/', undefined);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.id).toBe('vectors.parts');
    expect(findings[0]!.message).toBe(
      'd/: the parts differ from those the manifest records (added b/part-1.npy; missing c/part-2.npy; changed a/part-0.npy); the dataset changed after the manifest was written (released versions are immutable)',
    );
    const same = digest.parts!.map((p) => ({ path: p.name, size: p.size, sha256: p.sha256 }));
    expect(datasetPartFindings(same, digest.parts!, 'd/', undefined)).toEqual([]);
  });
});
