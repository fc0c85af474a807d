/**
 * check --shard i/n, then merge, on a plan with a consumer's staging model (and a probe):
 * each shard runs the model over its rows of both versions, and the merge judges once — the
 * merged JSON report is the single run's, for every n.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  candidateOf,
  clipWorkspace,
  productsWorkspace,
  type Variant,
} from '../fixtures/staging/scenario.js';
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
    it(`${variant}: the single run's JSON report for n = 1, 2, 3 and 7, the labeled and probe rows read in the shards`, async () => {
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
          "staging: 2 version(s) of consumers' labeled rows from the shards, 0 read whole; probes: 1 from the shards' stored rows, 0 read whole",
        );
        let found = 0;
        let probed = 0;
        for (const file of partials) {
          const partial = JSON.parse(readFileSync(file, 'utf8')) as {
            staging: { side: string; failed?: string; ids: string[] }[];
            probes: { modality: string; failed?: string; ids: string[] }[];
          };
          expect(partial.probes.map((p) => [p.modality, p.failed])).toEqual([['model', undefined]]);
          probed += partial.probes[0]!.ids.length;
          expect(partial.staging.map((s) => s.side)).toEqual(['candidate', 'baseline']);
          expect(partial.staging.filter((s) => s.failed)).toEqual([]);
          found += partial.staging[0]!.ids.length;
        }
        expect(found, 'each labeled row is read by one shard').toBe(2000);
        expect(probed, 'the stored row of each compared probe id is read by one shard').toBe(
          (single as unknown as { staging: { probes: { compared: number }[] } }).staging.probes[0]!
            .compared,
        );
      }
    }, 240_000);
  }

  it("multimodal: each encoder's stored rows read in the shards, a tampered image found the same way", async () => {
    const dir = await clipWorkspace([
      { version: '1.0.0', text: { name: 'tiny-clip-text', revision: 'r1' } },
      { version: '1.1.0', text: { name: 'tiny-clip-text', revision: 'r2' }, tamperImage: 'img-7' },
    ]);
    const a = [
      'check',
      '--candidate',
      'releases/1.1.0/manifest.yaml',
      '--baseline',
      'releases/1.0.0/manifest.yaml',
    ];
    const single = (await singleReport(dir, a)) as { staging: { probes: unknown[] } };
    expect(single.staging.probes).toHaveLength(2);
    for (const n of [1, 2, 3, 7]) {
      const { report, stderr } = await shardedReport(dir, a, n, (f) => f.reverse());
      expect(report, `n = ${n}`).toEqual(single);
      expect(stderr, `n = ${n}`).toContain("probes: 2 from the shards' stored rows, 0 read whole");
    }
  }, 120_000);

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
    // Shard 1's probe stopped on a finding.
    const p1 = JSON.parse(readFileSync(partials[0]!, 'utf8')) as {
      probes: Record<string, unknown>[];
    };
    p1.probes[0] = { modality: 'model', failed: 'the probe stopped on a finding' };
    writeFileSync(partials[0]!, JSON.stringify(p1));
    const m = await runCli(['merge', ...partials, '--format', 'json=m.json'], dir);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(
      "staging: 0 version(s) of consumers' labeled rows from the shards, 2 read whole; probes: 0 from the shards' stored rows, 1 read whole",
    );
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

  it('refuses a partial whose staging or probes are not lists, naming it (exit 2)', async () => {
    const { dir } = productsWorkspace('same');
    const { partials } = await shardedReport(dir, args('same'), 2);
    for (const field of ['staging', 'probes']) {
      const p = JSON.parse(readFileSync(partials[1]!, 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...p, [field]: { broken: true } }));
      const m = await runCli(['merge', partials[0]!, 'bad.json'], dir);
      expect(m.code).toBe(2);
      expect(m.stderr).toContain(
        `bad.json: not a partial result of embedding-gate: "${field}" must be a list`,
      );
      expect(m.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  it('reads whole what a partial holds in a form it cannot trust (rows not row numbers, ids of no label)', async () => {
    const { dir } = productsWorkspace('same');
    const single = await singleReport(dir, args('same'));
    const { partials } = await shardedReport(dir, args('same'), 2);
    const p = JSON.parse(readFileSync(partials[0]!, 'utf8')) as {
      staging: { ids: string[]; rows: string }[];
      probes: { rows: string }[];
    };
    p.staging[0]!.rows = Buffer.from(Float64Array.of(NaN).buffer).toString('base64');
    p.staging[1]!.ids = p.staging[1]!.ids.map((id) => `${id}-unlabeled`);
    p.probes[0]!.rows = 'not base64 of float64s!';
    writeFileSync(partials[0]!, JSON.stringify(p));
    const m = await runCli(['merge', ...partials, '--format', 'json=m.json'], dir);
    expect(m.stderr).toContain(
      "staging: 0 version(s) of consumers' labeled rows from the shards, 2 read whole; probes: 0 from the shards' stored rows, 1 read whole",
    );
    expect(JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'))).toEqual(single);
  }, 60_000);
});
