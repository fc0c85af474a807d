/**
 * The merge of the rows staging and probes need is exact, associative and order-independent:
 * for any file (ids repeated, or row numbers for ids), any wanted ids, any shards (ranges or
 * interleaved blocks) and batches, the merged rows read as a source give what one pass over
 * the whole file gives: each wanted id's first row, its values bit for bit, in file order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectRows,
  mergeRows,
  rowsSource,
  type CollectedRows,
} from '../../src/gate/shard-staging.js';
import { rowSlice, sliceSource } from '../../src/vectors/row-slice.js';
import type { VectorSource } from '../../src/vectors/types.js';
import { memorySource } from '../vectors/helpers.js';

const files = fc
  .record({
    rows: fc.integer({ min: 0, max: 60 }),
    dims: fc.integer({ min: 1, max: 4 }),
    shards: fc.integer({ min: 1, max: 7 }),
    batchRows: fc.integer({ min: 1, max: 9 }),
    blockRows: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    withIds: fc.boolean(),
  })
  .chain((f) =>
    fc.record({
      f: fc.constant(f),
      values: fc.array(fc.float({ noDefaultInfinity: false }), {
        minLength: f.rows * f.dims,
        maxLength: f.rows * f.dims,
      }),
      ids: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: f.rows, maxLength: f.rows }),
      wanted: fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 20 }),
      order: fc.array(fc.nat(), { minLength: f.shards, maxLength: f.shards }),
    }),
  );

/** What a single run's reader keeps of a source: each wanted id's first row, with its values' bits. */
async function firstRows(source: VectorSource, wanted: Set<string>) {
  const kept: { id: string; row: number; bits: string }[] = [];
  const seen = new Set<string>();
  for await (const b of source.batches())
    for (let r = 0; r < b.rows; r++) {
      const id = b.ids ? b.ids[r]! : String(b.rowOffset + r);
      if (!wanted.has(id) || seen.has(id)) continue;
      seen.add(id);
      const v = b.values.subarray(r * b.dims, (r + 1) * b.dims);
      kept.push({
        id,
        row: b.rowOffset + r,
        bits: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex'),
      });
    }
  return kept;
}

function bits(c: CollectedRows) {
  return {
    ids: c.ids,
    rows: [...c.rows],
    values: Buffer.from(c.values.buffer, c.values.byteOffset, c.values.byteLength).toString('hex'),
  };
}

describe('mergeRows', () => {
  it("is one pass's rows, whatever the shards, batches, order and grouping", async () => {
    await fc.assert(
      fc.asyncProperty(files, async ({ f, values, ids, wanted, order }) => {
        const idList = f.withIds ? ids.map((i) => `id${i}`) : undefined;
        const open = () =>
          memorySource(Float32Array.from(values), 'float32', f.dims, f.rows, idList, f.batchRows);
        const want = new Set(wanted.map((w) => (f.withIds ? `id${w % 16}` : String(w))));
        const whole = await firstRows(open(), want);
        const parts: CollectedRows[] = [];
        for (let i = 1; i <= f.shards; i++) {
          const slice = rowSlice(
            { index: i, count: f.shards },
            f.blockRows ? undefined : f.rows,
            f.blockRows,
          );
          parts.push(
            await collectRows(sliceSource(open(), slice, false, { rowNumberIds: true }), (id) =>
              want.has(id),
            ),
          );
        }
        const shuffled = parts
          .map((p, i) => ({ p, k: order[i]! }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.p);
        const merged = mergeRows(shuffled)!;
        expect(await firstRows(rowsSource(merged), want)).toEqual(whole);
        // Any grouping: the merge of merges is the same rows.
        const mid = Math.max(1, Math.floor(shuffled.length / 2));
        const left = mergeRows(shuffled.slice(0, mid))!;
        const rest = shuffled.slice(mid);
        const regrouped = rest.length ? mergeRows([mergeRows(rest)!, left])! : left;
        expect(bits(regrouped)).toEqual(bits(merged));
      }),
      { numRuns: 300 },
    );
  });

  it('gives nothing for slices of different files (dtype or dims)', () => {
    const a: CollectedRows = {
      dtype: 'float32',
      dims: 2,
      array: 'Float32Array',
      ids: [],
      rows: new Float64Array(),
      values: new Float32Array(),
    };
    expect(mergeRows([a, { ...a, dims: 3 }])).toBeUndefined();
    expect(
      mergeRows([a, { ...a, dtype: 'float64', array: 'Float64Array', values: new Float64Array() }]),
    ).toBeUndefined();
    expect(mergeRows([])).toBeUndefined();
  });
});
