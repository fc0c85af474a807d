/**
 * Every reader gets its bytes through the byte-source seam and opens no path itself:
 * through a recording opener each fixture opens exactly the files expected (the vectors
 * file, and the sidecar ids file when there is one), each once and closed at the end; and
 * served from memory under paths that exist nowhere on disk, each reads the same values
 * and ids, which a reader opening a path behind the seam could not.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalSource } from '../../src/sources/local.js';
import { memoryOpener } from '../../src/sources/memory.js';
import { recordingOpener } from '../../src/sources/recording.js';
import { openVectors } from '../../src/vectors/open.js';
import type { OpenOptions, VectorSource } from '../../src/vectors/types.js';
import { VectorFileError } from '../../src/vectors/types.js';
import {
  drain,
  EXPECTED,
  expectedDigest,
  type ExpectedFile,
  FIXTURES,
  valuesDigest,
} from './helpers.js';

/** A directory no test creates: any read of a path under it that is not served fails. */
const NOWHERE = '/nonexistent-embedding-gate-seam';

async function contents(source: VectorSource): Promise<{ digest?: string; ids?: string[] }> {
  try {
    return await drain(source);
  } finally {
    await source.close();
  }
}

function under(root: string, file: ExpectedFile): OpenOptions {
  const o = file.options;
  return { ...o, ...(o.idsPath !== undefined && { idsPath: join(root, o.idsPath) }) };
}

/** The fixture's files as the reader must open them: the vectors, then any sidecar ids. */
function filesOf(name: string, file: ExpectedFile): string[] {
  return [name, ...(file.options.idsPath !== undefined ? [file.options.idsPath] : [])];
}

describe('every reader reads through the byte-source seam', () => {
  for (const [name, file] of Object.entries(EXPECTED.files)) {
    it(`${name} (${file.format}): opens exactly its files, once each, and closes them`, async () => {
      const rec = recordingOpener(openLocalSource);
      const source = await openVectors(join(FIXTURES, name), under(FIXTURES, file), rec.open);
      const got = await drain(source);
      // Every opened file is still open while the source is, and closed with it.
      expect(rec.opened.every((o) => !o.closed)).toBe(true);
      await source.close();
      const files = filesOf(name, file).map((f) => join(FIXTURES, f));
      expect(rec.requested.map((r) => r.path)).toEqual(files);
      expect(rec.opened.map((o) => o.id)).toEqual(files);
      expect(rec.opened.every((o) => o.closed && o.bytesRead > 0)).toBe(true);
      expect(valuesDigest(got.bytes, file)).toBe(expectedDigest(file));
      expect(got.ids ?? null).toEqual(file.ids);
    });

    it(`${name} (${file.format}): reads the same from memory, under paths that exist nowhere`, async () => {
      const served = Object.fromEntries(
        filesOf(name, file).map((f) => [join(NOWHERE, f), readFileSync(join(FIXTURES, f))]),
      );
      const rec = recordingOpener(memoryOpener(served));
      const source = await openVectors(join(NOWHERE, name), under(NOWHERE, file), rec.open);
      expect(source.info.path).toBe(join(NOWHERE, name));
      const got = await drain(source);
      await source.close();
      expect(valuesDigest(got.bytes, file)).toBe(expectedDigest(file));
      expect(got.ids ?? null).toEqual(file.ids);
      expect(rec.opened.map((o) => basename(o.id))).toEqual(filesOf(name, file));
      expect(rec.opened.every((o) => o.closed)).toBe(true);
    });
  }

  it('closes what it opened when a file is refused', async () => {
    const rec = recordingOpener(openLocalSource);
    await expect(
      openVectors(join(FIXTURES, 'f32_fsl_str.arrow'), { format: 'npy' }, rec.open),
    ).rejects.toBeInstanceOf(VectorFileError);
    const bad = join(FIXTURES, 'bad', 'truncated.arrow');
    await expect(openVectors(bad, {}, rec.open)).rejects.toBeInstanceOf(VectorFileError);
    expect(rec.opened).toHaveLength(2);
    expect(rec.opened.every((o) => o.closed)).toBe(true);
  });

  it('names a missing sidecar ids file as before, and closes the vectors file', async () => {
    const rec = recordingOpener(openLocalSource);
    await expect(
      openVectors(join(FIXTURES, 'f4_le_c.npy'), { idsPath: join(FIXTURES, 'none.txt') }, rec.open),
    ).rejects.toThrow(
      `${join(FIXTURES, 'none.txt')}: cannot open the ids file for ${join(FIXTURES, 'f4_le_c.npy')}: no such file`,
    );
    expect(rec.opened.map((o) => [basename(o.id), o.closed])).toEqual([['f4_le_c.npy', true]]);
  });

  it('reads a directory as a dataset of parts, naming the first broken part', async () => {
    await expect(openVectors(join(FIXTURES, 'bad'), { format: 'npy' })).rejects.toThrow(
      `${join(FIXTURES, 'bad')} part bad_header.npy (byte 10): bad npy header`,
    );
  });

  it('a Fortran-order npy file reads the same with and without synchronous reads', async () => {
    const name = 'f8_be_f.npy';
    const path = join(FIXTURES, name);
    const local = await contents(await openVectors(path, { batchRows: 4 }));
    const memory = await contents(
      await openVectors(path, { batchRows: 4 }, memoryOpener({ [path]: readFileSync(path) })),
    );
    expect(memory).toEqual(local);
  });
});
