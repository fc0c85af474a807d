import { describe, expect, it } from 'vitest';
import { copyExamples, EXAMPLE_CHECK } from '../helpers/cli.js';
import { shardedReport, singleReport } from './helpers.js';

describe('check --shard i/n, then merge, on the shipped example', () => {
  it("gives the single run's JSON report for n = 1, 2, 3 and 7, partials in any order", async () => {
    const dir = copyExamples();
    const single = await singleReport(dir, EXAMPLE_CHECK);
    for (const n of [1, 2, 3, 7]) {
      const { report, code } = await shardedReport(dir, EXAMPLE_CHECK, n, (f) => f.reverse());
      expect(code, `n = ${n}`).toBe(0);
      expect(report, `n = ${n}`).toEqual(single);
    }
  }, 120_000);
});
