/**
 * The compatibility sample over shards (src/gate/shard-sample.ts): the shards' candidates
 * merge associatively and in any order, and when their cutoff covers the sample, the rows
 * they give are the rows one streaming read of the whole file gives, bit for bit (first row
 * of a repeated id, NaN and ±∞ included); otherwise the merge says so and reads whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bottomK, readSampledRows, type MatchBy } from '../../src/release/compat-sample.js';
import type { SampleReader, VersionVectors } from '../../src/release/compat.js';
import { scanSlice } from '../../src/gate/shard-scan.js';
import {
  candidatesReader,
  mergeSampleCandidates,
  SliceSampler,
  type SampleCandidates,
} from '../../src/gate/shard-sample.js';
import { rowSlice } from '../../src/vectors/row-slice.js';
import { memorySource } from '../vectors/helpers.js';

const files = fc
  .record({
    rows: fc.integer({ min: 0, max: 120 }),
    dims: fc.integer({ min: 1, max: 6 }),
    withIds: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1 << 30 }),
    sampleSeed: fc.integer({ min: 0, max: 0xffffffff }),
    batchRows: fc.integer({ min: 1, max: 40 }),
    shards: fc.integer({ min: 1, max: 8 }),
    keep: fc.integer({ min: 0, max: 40 }),
    size: fc.integer({ min: 1, max: 30 }),
    blockRows: fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }),
    order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
  })
  .map((f) => {
    let s = f.seed;
    const random = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const values = new Float32Array(f.rows * f.dims);
    for (let i = 0; i < values.length; i++) {
      const r = random();
      values[i] = r < 0.03 ? Number.NaN : r < 0.05 ? -Infinity : random() * 2 - 1;
    }
    const ids = f.withIds
      ? Array.from({ length: f.rows }, () => `id${Math.floor(random() * f.rows * 0.8)}`)
      : undefined;
    // The keys the other version shares: most of this file's, and a few it does not have.
    const own = ids ?? Array.from({ length: f.rows }, (_, r) => String(r));
    const shared = [...new Set(own)].filter(() => random() < 0.8);
    if (random() < 0.3) shared.push(ids ? 'id-not-here' : String(f.rows + 5));
    return { ...f, values, ids, shared };
  });

type File = typeof files extends fc.Arbitrary<infer T> ? T : never;

/** Each shard's candidates of the file, collected during its scan as `check --shard` does. */
async function shardCandidates(f: File): Promise<SampleCandidates[]> {
  const open = () => memorySource(f.values, 'float32', f.dims, f.rows, f.ids, f.batchRows);
  const out: SampleCandidates[] = [];
  for (let i = 1; i <= f.shards; i++) {
    const slice = rowSlice(
      { index: i, count: f.shards },
      f.blockRows ? undefined : f.rows,
      f.blockRows,
    );
    const sampler = new SliceSampler(f.sampleSeed, f.keep, true);
    await scanSlice(
      open(),
      slice,
      { displayPath: 'memory', expectUnitNorm: false, normTolerance: 1e-3, collectIds: true },
      0,
      sampler,
    );
    out.push(sampler.result());
  }
  return out;
}

const shuffled = <T>(items: readonly T[], keys: readonly number[]) =>
  items
    .map((item, i) => ({ item, k: keys[i % keys.length]! + i * 1e-9 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);

const bytes = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

describe('the compatibility sample from shard candidates', () => {
  it('gives the rows of one whole read when the cutoff covers the sample, else reads whole', async () => {
    let fromShards = 0;
    await fc.assert(
      fc.asyncProperty(files, async (f) => {
        const by: MatchBy = f.ids ? 'id' : 'row';
        const keys = bottomK(f.shared, f.size, f.sampleSeed);
        const wanted = new Map(keys.map((k, i) => [k, i]));
        const version = { path: 'memory' } as VersionVectors;
        const oracle = await readSampledRows(
          memorySource(f.values, 'float32', f.dims, f.rows, f.ids, f.batchRows),
          wanted,
          by,
        );
        const whole: SampleReader = async () => oracle;
        const used = { merged: 0, whole: 0 };
        const candidates = shuffled(await shardCandidates(f), f.order);
        const got = await candidatesReader(new Map([['memory', candidates]]), whole, used)(
          version,
          wanted,
          by,
        );
        expect(got.found).toBe(oracle.found);
        expect(got.dims).toBe(oracle.dims);
        expect(bytes(got.values).equals(bytes(oracle.values))).toBe(true);
        // Enough candidates for every shard (at least its rows) always suffice.
        if (f.keep >= f.rows) expect(used).toEqual({ merged: 1, whole: 0 });
        fromShards += used.merged;
      }),
      { numRuns: 200 },
    );
    expect(fromShards, 'the candidates answered most runs').toBeGreaterThan(50);
  });

  it('merges associatively and in any order', async () => {
    await fc.assert(
      fc.asyncProperty(
        files.filter((f) => f.shards >= 3),
        async (f) => {
          const [a, b, c, ...rest] = await shardCandidates(f);
          const m = (x: SampleCandidates | undefined, y: SampleCandidates) =>
            mergeSampleCandidates(x!, y);
          const left = m(m(a, b!), c!);
          expect(m(a, m(b, c!)!)).toEqual(left);
          expect(m(m(c, a!), b!)).toEqual(left);
          expect(m(m(b, c!), a!)).toEqual(left);
          // Merging with the rest in any order ends in the same candidates.
          const all = [left!, ...rest];
          const forward = all.slice(1).reduce((x, y) => m(x, y)!, all[0]!);
          const backward = [...all].reverse().reduce((x, y) => m(x, y)!);
          expect(backward).toEqual(forward);
        },
      ),
      { numRuns: 150 },
    );
  });
});
