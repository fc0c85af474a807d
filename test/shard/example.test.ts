import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLE_CHECK } from '../helpers/cli.js';
import { shardedReport, singleReport } from './helpers.js';

/** The example's suite against both versions: candidate, baseline and the two cross-version passes. */
const PASSES = 4;

describe('check --shard i/n, then merge, on the shipped example', () => {
  it("gives the single run's JSON report for n = 1, 2, 3 and 7, partials in any order", async () => {
    const dir = copyExamples();
    const single = await singleReport(dir, EXAMPLE_CHECK);
    for (const n of [1, 2, 3, 7]) {
      const { report, code, stderr, partials } = await shardedReport(dir, EXAMPLE_CHECK, n, (f) =>
        f.reverse(),
      );
      expect(code, `n = ${n}`).toBe(0);
      expect(report, `n = ${n}`).toEqual(single);
      // The benchmarks' kNN and the compatibility sample's reads ran in the shards, each on
      // its rows; the merge read no vectors for them.
      expect(stderr, `n = ${n}`).toContain(
        `merged ${n} shard${n === 1 ? '' : 's'}; benchmark kNN passes: ${PASSES} from the shards' top-k lists, 0 run whole on this machine; ` +
          "compatibility sample: 2 version(s) from the shards' candidates, 0 read whole",
      );
      const rows = new Set<number>();
      for (const file of partials) {
        const partial = JSON.parse(readFileSync(file, 'utf8')) as {
          knn: { failed?: string; slice: { start: number; end: number } }[];
        };
        expect(partial.knn, file).toHaveLength(PASSES);
        expect(partial.knn.filter((p) => p.failed)).toEqual([]);
        for (let r = partial.knn[0]!.slice.start; r < partial.knn[0]!.slice.end; r++) rows.add(r);
      }
      expect(rows.size, 'the slices cover the corpus once').toBe(
        (single as { candidate: { vectors: { rows: number } } }).candidate.vectors.rows,
      );
    }
  }, 180_000);
});
