/**
 * Every reader against files written by pyarrow, numpy and Python's json (see
 * test/fixtures/vectors/make_fixtures.py): the bytes handed out must equal what numpy
 * wrote, bit for bit, in one batch or many, and the scan must match the statistics
 * computed in Python.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalSource } from '../../src/sources/local.js';
import { openArrow, type ArrowReaderPath } from '../../src/vectors/arrow/ipc.js';
import { openVectors } from '../../src/vectors/open.js';
import { scanVectors } from '../../src/vectors/scan.js';
import type { VectorSource } from '../../src/vectors/types.js';
import {
  closeTo,
  drain,
  EXPECTED,
  expectedDigest,
  type ExpectedFile,
  fixtureOptions,
  FIXTURES,
  valuesDigest,
} from './helpers.js';

const files = Object.entries(EXPECTED.files);

async function check(
  source: VectorSource,
  name: string,
  file: ExpectedFile,
  batchRows?: number,
): Promise<void> {
  try {
    expect(source.info).toMatchObject({
      format: file.format,
      dtype: file.dtype,
      dims: file.dims,
      hasIds: file.ids !== null,
    });
    if (source.info.rows !== undefined) expect(source.info.rows).toBe(file.rows);
    const { bytes, ids, batches } = await drain(source);
    expect(valuesDigest(bytes, file), `${name}: values`).toBe(expectedDigest(file));
    expect(ids ?? null).toEqual(file.ids);
    let next = 0;
    for (const b of batches) {
      expect(b.rowOffset).toBe(next);
      if (batchRows !== undefined) expect(b.rows).toBeLessThanOrEqual(batchRows);
      next += b.rows;
    }
    expect(next).toBe(file.rows);
  } finally {
    await source.close();
  }
}

describe('readers reproduce the fixture bytes exactly', () => {
  it('covers every format and dtype', () => {
    const seen = new Set(files.map(([, f]) => `${f.format}:${f.dtype}`));
    for (const dtype of ['float32', 'float16', 'float64', 'int8', 'uint8']) {
      expect(seen.has(`arrow:${dtype}`) || seen.has(`arrow-stream:${dtype}`), dtype).toBe(true);
      expect(seen.has(`npy:${dtype}`), dtype).toBe(true);
    }
    expect(seen.has('jsonl:float64') && seen.has('binary:binary')).toBe(true);
  });

  for (const [name, file] of files) {
    it(`${name}`, async () => {
      await check(await openVectors(join(FIXTURES, name), fixtureOptions(file)), name, file);
    });
    it(`${name} in batches of 2`, async () => {
      await check(
        await openVectors(join(FIXTURES, name), fixtureOptions(file, { batchRows: 2 })),
        name,
        file,
        2,
      );
    });
  }
});

describe('both Arrow paths agree', () => {
  const arrowFiles = files.filter(
    ([name, f]) => f.format.startsWith('arrow') && !name.startsWith('dict_ids'),
  );
  for (const [name, file] of arrowFiles) {
    for (const path of ['direct', 'generic'] as ArrowReaderPath[]) {
      it(`${name} via ${path}, batches of 3`, async () => {
        const format = file.format as 'arrow' | 'arrow-stream';
        await check(
          await openArrow(
            await openLocalSource({ path: join(FIXTURES, name) }),
            format,
            fixtureOptions(file, { batchRows: 3 }),
            path,
          ),
          name,
          file,
          3,
        );
      });
    }
  }
  it('refuses the direct path for dictionary-encoded ids, which only the generic path reads', async () => {
    await expect(
      openArrow(
        await openLocalSource({ path: join(FIXTURES, 'dict_ids.arrow') }),
        'arrow',
        {},
        'direct',
      ),
    ).rejects.toThrow(/direct Arrow path/);
  });
});

describe('scanVectors on the fixtures matches the Python statistics', () => {
  for (const [name, file] of files) {
    it(name, async () => {
      const source = await openVectors(
        join(FIXTURES, name),
        fixtureOptions(file, { batchRows: 4 }),
      );
      const e = file.stats;
      const unit = e.unitNorm !== undefined;
      try {
        const got = await scanVectors(source, {
          expectUnitNorm: unit,
          normTolerance: e.unitNorm?.tolerance,
          collectIds: true,
        });
        expect(got.rows).toBe(e.rows);
        expect(got.nonFinite).toEqual(e.nonFinite);
        expect(got.zero).toEqual(e.zero);
        expect(got.norms?.count).toBe(e.norms?.count);
        if (e.norms) {
          for (const k of ['min', 'mean', 'max'] as const)
            expect(
              closeTo(got.norms![k], e.norms[k], 1e-12),
              `${k}: ${got.norms![k]} vs ${e.norms[k]}`,
            ).toBe(true);
          for (const k of ['p1', 'p99'] as const)
            expect(
              closeTo(got.norms![k], e.norms[k], 1.0001e-4),
              `${k}: ${got.norms![k]} vs ${e.norms[k]}`,
            ).toBe(true);
        }
        if (unit)
          expect({ rows: got.unitNorm!.rows, examples: got.unitNorm!.examples }).toEqual({
            rows: e.unitNorm!.rows,
            examples: e.unitNorm!.examples,
          });
        if (e.ids) {
          const { set, ...ids } = got.ids!;
          expect(ids).toEqual(e.ids);
          expect(set?.size).toBe(e.ids.unique);
        } else {
          expect(got.ids).toBeUndefined();
        }
      } finally {
        await source.close();
      }
    });
  }
});
