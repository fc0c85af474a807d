/**
 * The merge of consumers' staging outputs is exact, associative and order-independent: for any
 * rows (labeled ids repeated, missing, in any order) split over any shards, it gives each
 * example the output of the first row one streaming run keeps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeSliceOutputs,
  modelOutputsOf,
  type SliceOutputs,
} from '../../src/gate/shard-staging.js';

/** What one pass over `rows` (each an example or −1 for an unlabeled id) keeps: the first row of each example. */
function onePass(
  rows: readonly number[],
  values: readonly number[],
  width: number,
  keep: (row: number) => boolean = () => true,
): SliceOutputs {
  const seen = new Map<number, number>();
  rows.forEach((e, r) => {
    if (e >= 0 && keep(r) && !seen.has(e)) seen.set(e, r);
  });
  const found = [...seen.keys()].sort((a, b) => a - b);
  const out = new Float64Array(found.length * width);
  found.forEach((e, i) => {
    const r = seen.get(e)!;
    for (let j = 0; j < width; j++) out[i * width + j] = values[r * width + j]!;
  });
  return {
    width: found.length > 0 ? width : 0,
    found: Int32Array.from(found),
    rows: Float64Array.from(found, (e) => seen.get(e)!),
    values: out,
  };
}

const plan = fc
  .record({
    examples: fc.integer({ min: 1, max: 12 }),
    width: fc.integer({ min: 1, max: 3 }),
    rows: fc.integer({ min: 0, max: 40 }),
    shards: fc.integer({ min: 1, max: 7 }),
    seed: fc.integer(),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      ids: fc.array(fc.integer({ min: -1, max: p.examples - 1 }), {
        minLength: p.rows,
        maxLength: p.rows,
      }),
      values: fc.array(fc.double(), { minLength: p.rows * p.width, maxLength: p.rows * p.width }),
      owner: fc.array(fc.integer({ min: 0, max: p.shards - 1 }), {
        minLength: p.rows,
        maxLength: p.rows,
      }),
      order: fc.array(fc.nat(), { minLength: p.shards, maxLength: p.shards }),
    }),
  );

/** Bits, so NaN payloads and −0 count. */
function bits(s: SliceOutputs) {
  return {
    width: s.width,
    found: [...s.found],
    rows: [...s.rows],
    values: Buffer.from(s.values.buffer, s.values.byteOffset, s.values.byteLength).toString('hex'),
  };
}

describe('mergeSliceOutputs', () => {
  it("is one pass's outputs, whatever the shards (ranges or any rows), their order and grouping", () => {
    fc.assert(
      fc.property(plan, ({ p, ids, values, owner, order }) => {
        const whole = onePass(ids, values, p.width);
        const parts = Array.from({ length: p.shards }, (_, s) =>
          onePass(ids, values, p.width, (r) => owner[r] === s),
        );
        // Any order.
        const shuffled = parts
          .map((part, i) => ({ part, k: order[i]! }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.part);
        const flat = mergeSliceOutputs(shuffled, p.examples)!;
        expect(bits(flat)).toEqual(bits(whole));
        // Any grouping: the merge of merges.
        const mid = Math.floor(shuffled.length / 2);
        const left = mergeSliceOutputs(shuffled.slice(0, mid), p.examples)!;
        const right = mergeSliceOutputs(shuffled.slice(mid), p.examples)!;
        expect(bits(mergeSliceOutputs([right, left], p.examples)!)).toEqual(bits(whole));
        // The staging step's view: NaN where not found, first non-finite ids in labels' order.
        const index = new Map(Array.from({ length: p.examples }, (_, e) => [`id${e}`, e]));
        const view = modelOutputsOf(flat, index);
        expect(view.foundCount).toBe(whole.found.length);
        for (let e = 0; e < p.examples; e++)
          expect(view.found[e]).toBe(whole.found.includes(e) ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it('gives nothing when the shards disagree on the output width, and refuses an example out of range', () => {
    const a: SliceOutputs = {
      width: 1,
      found: Int32Array.of(0),
      rows: Float64Array.of(0),
      values: Float64Array.of(1),
    };
    const b: SliceOutputs = {
      width: 2,
      found: Int32Array.of(1),
      rows: Float64Array.of(5),
      values: Float64Array.of(1, 2),
    };
    expect(mergeSliceOutputs([a, b], 2)).toBeUndefined();
    expect(() => mergeSliceOutputs([a], 0)).toThrow(RangeError);
  });
});
