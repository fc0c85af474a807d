import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrowFloat32, npyFloat32 } from '../../src/vectors/write.js';
import { copyExamples, EXAMPLE_CHECK } from '../helpers/cli.js';
import { seeded, shardedReport, singleReport } from './helpers.js';

const DIMS = 64;

/**
 * Random rows: mostly unit vectors, some off-norm, zero or (unless `finite`) non-finite, with
 * repeated ids; with `finite`, unique ids, and some rows repeat earlier rows exactly, so equal
 * scores straddle the shards' slices and the kNN merge must break the ties as one search does.
 */
function randomVectors(random: () => number, rows: number, prefix: string, finite = false) {
  const values = new Float32Array(rows * DIMS);
  const ids: string[] = [];
  for (let r = 0; r < rows; r++) {
    const kind = random();
    let norm = 0;
    const row = values.subarray(r * DIMS, (r + 1) * DIMS);
    for (let d = 0; d < DIMS; d++) {
      row[d] = random() * 2 - 1;
      norm += row[d]! * row[d]!;
    }
    const scale = kind < 0.8 ? 1 : kind < 0.9 ? 0.5 + random() : 1;
    for (let d = 0; d < DIMS; d++) row[d] = (row[d]! / Math.sqrt(norm)) * scale;
    if (kind >= 0.9 && kind < 0.94) row.fill(0);
    if (finite && kind >= 0.94 && r > 0) {
      const from = Math.floor(random() * r);
      row.set(values.subarray(from * DIMS, (from + 1) * DIMS));
    } else if (kind >= 0.94 && kind < 0.97) row[Math.floor(random() * DIMS)] = Number.NaN;
    else if (kind >= 0.97) row[0] = Number.POSITIVE_INFINITY;
    // Ids drawn from a range a little smaller than the rows, so some repeat (but not when
    // the suite must run: a run that retrieves one id twice is not evaluated).
    const id = finite ? r : Math.floor(random() * rows * 0.97);
    ids.push(`${prefix}-${String(id).padStart(5, '0')}`);
  }
  return { values, ids };
}

/** A copy of the example whose two versions' vectors are random (the manifests' sha256 no longer match: a finding like any other). */
function randomPlan(seed: number, finite = false): string {
  const random = seeded(seed);
  const dir = copyExamples();
  const baseRows = 50 + Math.floor(random() * 700);
  const candRows = 50 + Math.floor(random() * 700);
  const base = randomVectors(random, baseRows, 'sku', finite);
  writeFileSync(join(dir, 'releases/1.0.0/vectors.npy'), npyFloat32(base.values, baseRows, DIMS));
  writeFileSync(join(dir, 'releases/1.0.0/ids.txt'), base.ids.join('\n') + '\n');
  const cand = randomVectors(random, candRows, 'sku', finite);
  writeFileSync(
    join(dir, 'releases/1.1.0/vectors.arrow'),
    arrowFloat32(cand.ids, cand.values, DIMS),
  );
  return dir;
}

describe('check --shard i/n, then merge, on randomised plans', () => {
  for (const seed of [7, 1234]) {
    it(`gives the single run's JSON report (seed ${seed}, n = 1, 2, 3, 7)`, async () => {
      const dir = randomPlan(seed);
      const single = (await singleReport(dir, EXAMPLE_CHECK)) as { findings: { id: string }[] };
      // The random data must exercise the merged aggregates, not only pass.
      expect(single.findings.map((f) => f.id)).toEqual(
        expect.arrayContaining(['vectors.non-finite', 'vectors.ids-duplicate', 'vectors.zero']),
      );
      for (const n of [1, 2, 3, 7]) {
        const { report } = await shardedReport(dir, EXAMPLE_CHECK, n, (f) =>
          f.sort(() => (seeded(seed + n)() < 0.5 ? -1 : 1)),
        );
        expect(report, `n = ${n}`).toEqual(single);
      }
    }, 120_000);
  }

  it('takes a small compatibility sample from the shards when their cutoffs cover it, else reads it whole: the same report', async () => {
    const dir = randomPlan(99, true);
    // 50 of a few hundred shared ids: each shard keeps ⌈100/n⌉ + 64 candidates, fewer than its rows.
    const args = [...EXAMPLE_CHECK, '--sample-size', '50'];
    const single = (await singleReport(dir, args)) as { compatibility?: { rows: number } };
    expect(single.compatibility?.rows).toBe(50);
    const ways = new Set<string>();
    for (const n of [1, 2, 3, 7]) {
      const { report, stderr, partials } = await shardedReport(dir, args, n);
      expect(report, `n = ${n}`).toEqual(single);
      ways.add(
        /compatibility sample: (\d) version\(s\) from the shards' candidates/.exec(stderr)![1]!,
      );
      const cut = partials.some((f) => {
        const p = JSON.parse(readFileSync(f, 'utf8')) as {
          samples?: { candidate?: { cutoff?: unknown } };
        };
        return p.samples?.candidate?.cutoff !== undefined;
      });
      expect(cut, `n = ${n}: the shards kept fewer candidates than rows`).toBe(true);
    }
    expect(ways.has('2'), 'the candidates sufficed for some n').toBe(true);
  }, 120_000);

  for (const seed of [11, 4321]) {
    it(`merges the benchmarks' kNN from the shards, ties across slices included (seed ${seed}, n = 1, 2, 3, 7)`, async () => {
      const dir = randomPlan(seed, true);
      const single = (await singleReport(dir, EXAMPLE_CHECK)) as { suites?: unknown[] };
      expect(single.suites, 'the suite ran').toHaveLength(1);
      for (const n of [1, 2, 3, 7]) {
        const { report, stderr } = await shardedReport(dir, EXAMPLE_CHECK, n, (f) =>
          f.sort(() => (seeded(seed + n)() < 0.5 ? -1 : 1)),
        );
        expect(report, `n = ${n}`).toEqual(single);
        expect(stderr, `n = ${n}`).toContain(
          "2 version(s) from the shards' candidates, 0 read whole",
        );
        expect(stderr, `n = ${n}`).toMatch(
          /benchmark kNN passes: [1-9]\d* from the shards' top-k lists, 0 run whole/,
        );
      }
    }, 120_000);
  }
});
