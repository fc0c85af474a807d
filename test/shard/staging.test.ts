/**
 * check --shard i/n, then merge, on a plan with a consumer's staging model (and a probe):
 * each shard runs the model over its rows of both versions, and the merge judges once — the
 * merged JSON report is the single run's, for every n.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateOf, productsWorkspace, type Variant } from '../fixtures/staging/scenario.js';
import { runCli } from '../helpers/cli.js';
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

  it("runs whole on the merge job what a shard's partial lacks or could not run: the same report", async () => {
    const { dir } = productsWorkspace('rotated');
    const single = await singleReport(dir, args('rotated'));
    const { partials } = await shardedReport(dir, args('rotated'), 3);
    // Shard 2 lost its staging entries; shard 3's baseline run "failed".
    const p2 = JSON.parse(readFileSync(partials[1]!, 'utf8')) as Record<string, unknown>;
    delete p2.staging;
    writeFileSync(partials[1]!, JSON.stringify(p2));
    const p3 = JSON.parse(readFileSync(partials[2]!, 'utf8')) as {
      staging: Record<string, unknown>[];
    };
    p3.staging[1] = { consumer: 'fraud-classifier', side: 'baseline', failed: 'the model failed' };
    writeFileSync(partials[2]!, JSON.stringify(p3));
    const m = await runCli(['merge', ...partials, '--format', 'json=m.json'], dir);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain("staging model runs: 0 from the shards' outputs, 2 run whole");
    expect(JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'))).toEqual(single);
  }, 60_000);

  it('refuses partials made with another staging model or labels file, naming it (exit 2)', async () => {
    const { dir } = productsWorkspace('same');
    const { partials } = await shardedReport(dir, args('same'), 2);
    const labels = join(dir, 'labels/fraud.csv');
    writeFileSync(labels, readFileSync(labels, 'utf8').replace(',fraud\n', ',legit\n'));
    const m = await runCli(['merge', ...partials], dir);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain(
      'the partials were made from other files than the merge finds: labels/fraud.csv changed',
    );
    expect(m.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
