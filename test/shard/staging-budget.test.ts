/**
 * A partial carries at most MAX_CARRIED_ROW_BYTES of rows: a shard whose labeled rows pass
 * the budget records them as not carried, runs on, and the merge reads that version whole —
 * the single run's way, so its outputs are the single run's.
 */
import { describe, expect, it } from 'vitest';
import {
  collectRows,
  mergedConsumerRun,
  OverBudget,
  recordingConsumerRun,
  type StagingRunPartial,
} from '../../src/gate/shard-staging.js';
import type { ConsumerRunRequest } from '../../src/staging/context.js';
import type { ModelOutputs } from '../../src/staging/run-model.js';
import { rowSlice, sliceSource } from '../../src/vectors/row-slice.js';
import type { VectorSource } from '../../src/vectors/types.js';
import { memorySource } from '../vectors/helpers.js';

const dims = 4;
const rows = 40;
const values = Float32Array.from({ length: rows * dims }, (_, i) => i / 7);
const ids = Array.from({ length: rows }, (_, r) => `id${r}`);
const open = async (): Promise<VectorSource> => memorySource(values, 'float32', dims, rows, ids, 6);
const rowBytes = dims * 4;

/** A "model" that sums each labeled row: enough to tell which rows it was given. */
async function sums(
  source: VectorSource,
  index: ReadonlyMap<string, number>,
): Promise<ModelOutputs> {
  const out = new Float64Array(index.size).fill(NaN);
  const found = new Uint8Array(index.size);
  for await (const b of source.batches())
    for (let r = 0; r < b.rows; r++) {
      const e = index.get(b.ids![r]!);
      if (e === undefined || found[e]) continue;
      found[e] = 1;
      let s = 0;
      for (let j = 0; j < dims; j++) s += b.values[r * dims + j]!;
      out[e] = s;
    }
  return {
    values: out,
    width: 1,
    found,
    foundCount: found.reduce((a, b) => a + b, 0),
    nonFinite: { rows: 0, firstIds: [] },
  };
}

function request(index: Map<string, number>): ConsumerRunRequest {
  return {
    consumer: 'c',
    side: 'candidate',
    vectors: { path: 'v.npy', displayPath: 'v.npy', open: {}, info: { dims, dtype: 'float32' } },
    index,
    run: (source) => sums(source, index),
  };
}

describe("a partial's budget of carried rows", () => {
  it('collectRows stops past the budget and leaves it untouched; takes the bytes within it', async () => {
    const slice = rowSlice({ index: 1, count: 2 }, rows);
    const sliced = () =>
      sliceSource(memorySource(values, 'float32', dims, rows, ids, 6), slice, false, {
        rowNumberIds: true,
      });
    const budget = { bytes: 5 * rowBytes };
    await expect(collectRows(sliced(), () => true, budget)).rejects.toBeInstanceOf(OverBudget);
    expect(budget.bytes).toBe(5 * rowBytes);
    const few = await collectRows(sliced(), (id) => id === 'id1' || id === 'id2', budget);
    expect(few.ids).toEqual(['id1', 'id2']);
    expect(budget.bytes).toBe(3 * rowBytes);
  });

  it('a shard over budget records the rows as not carried; the merge reads whole and gets the single run', async () => {
    const index = new Map(ids.filter((_, r) => r % 2 === 0).map((id, e) => [id, e]));
    const single = await sums(await open(), index);
    for (const budgetRows of [0, 3, 10, 1000]) {
      const shards: StagingRunPartial[][] = [];
      for (let i = 1; i <= 2; i++) {
        const record: StagingRunPartial[] = [];
        const run = recordingConsumerRun(open, { index: i, count: 2 }, record, {
          bytes: budgetRows * rowBytes,
        });
        await run(request(index));
        expect(record).toHaveLength(1);
        // 10 labeled rows per shard: carried when the budget holds them.
        expect(record[0]!.failed !== undefined, `budget ${budgetRows} rows`).toBe(budgetRows < 10);
        shards.push(record);
      }
      const used = { merged: 0, whole: 0 };
      const merged = await mergedConsumerRun(shards, open, used)(request(index));
      expect(used).toEqual(budgetRows < 10 ? { merged: 0, whole: 1 } : { merged: 1, whole: 0 });
      expect(Buffer.from(merged.values.buffer)).toEqual(Buffer.from(single.values.buffer));
      expect(merged.foundCount).toBe(single.foundCount);
    }
  });
});
