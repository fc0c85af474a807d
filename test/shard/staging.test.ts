/**
 * check --shard i/n, then merge, on a plan with a consumer's staging model (and a probe):
 * each shard runs the model over its rows of both versions, and the merge judges once — the
 * merged JSON report is the single run's, for every n.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidateOf, productsWorkspace, type Variant } from '../fixtures/staging/scenario.js';
import { shardedReport, singleReport } from './helpers.js';

function args(variant: Variant): string[] {
  return [
    'check',
    '--candidate',
    candidateOf(variant),
    '--baseline',
    'releases/1.0.0/manifest.yaml',
    '--contracts',
    'contracts',
  ];
}

describe('check --shard i/n, then merge, with a staging consumer', () => {
  for (const variant of ['same', 'rotated', 'tampered'] as const) {
    it(`${variant}: the single run's JSON report for n = 1, 2, 3 and 7, the model run in the shards`, async () => {
      const { dir } = productsWorkspace(variant);
      const single = (await singleReport(dir, args(variant))) as {
        staging: { consumers: { outcome: string }[] };
      };
      expect(single.staging.consumers).toHaveLength(1);
      for (const n of [1, 2, 3, 7]) {
        const { report, stderr, partials } = await shardedReport(dir, args(variant), n, (f) =>
          f.reverse(),
        );
        expect(report, `n = ${n}`).toEqual(single);
        // One consumer, two versions: both runs came from the shards' outputs.
        expect(stderr, `n = ${n}`).toContain(
          "staging model runs: 2 from the shards' outputs, 0 run whole",
        );
        let found = 0;
        for (const file of partials) {
          const partial = JSON.parse(readFileSync(file, 'utf8')) as {
            staging: { side: string; failed?: string; found: string }[];
          };
          expect(partial.staging.map((s) => s.side)).toEqual(['candidate', 'baseline']);
          expect(partial.staging.filter((s) => s.failed)).toEqual([]);
          found += Buffer.from(partial.staging[0]!.found, 'base64').length / 4;
        }
        expect(found, 'each labeled example is found by one shard').toBe(2000);
      }
    }, 240_000);
  }
});
