/**
 * A 2-point quality drop on a 300-query suite of real vectors is blocked, with its cause
 * named. The suite's queries are 300 real rows seen through query noise; the candidate's
 * queries carry more noise, which costs nDCG@10 about two points. The floor asks
 * `max_drop: 0.01` with `on_inconclusive: block`, so whether the suite resolves the drop
 * (`bench.regression`) or cannot rule it out (`bench.inconclusive`), the release stops.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arrowFloat32 } from '../../src/vectors/write.js';
import { realNoise } from '../release/real.js';
import { checkCandidate, writeStory } from './story.js';

const story = writeStory();
const { base, dir } = story;
const d = base.dims;
/** Extra noise on the candidate's queries: measured to cost nDCG@10 0.0232 on this suite (seeded). */
const CANDIDATE_NOISE = 0.6;
const ROWS = Array.from({ length: 300 }, (_, i) => (i * 5 + 2) % base.rows);
const qids = ROWS.map((_, i) => `qa-${String(i).padStart(3, '0')}`);

function picked(values: Float32Array): Float32Array {
  const out = new Float32Array(ROWS.length * d);
  ROWS.forEach((r, i) => out.set(values.subarray(r * d, (r + 1) * d), i * d));
  return out;
}

function writeSuite(candidateNoise: number): void {
  mkdirSync(join(dir, 'suites', 'qa'), { recursive: true });
  const lines = ['query-id\tcorpus-id\tscore'];
  for (const [qi, r] of ROWS.entries()) {
    const sims = base.ids.map((_, j) => {
      let s = 0;
      for (let t = 0; t < d; t++) s += base.values[r * d + t]! * base.values[j * d + t]!;
      return { j, s };
    });
    sims.sort((a, b) => b.s - a.s || a.j - b.j);
    lines.push(`${qids[qi]}\t${base.ids[r]}\t2`);
    for (const { j } of sims.filter((x) => x.j !== r).slice(0, 2))
      lines.push(`${qids[qi]}\t${base.ids[j]}\t1`);
  }
  writeFileSync(join(dir, 'suites', 'qa', 'qrels.tsv'), lines.join('\n') + '\n');
  const baseQueries = realNoise(picked(base.values), d, 0.3, 11);
  writeFileSync(join(dir, 'suites', 'qa', '1.0.0.arrow'), arrowFloat32(qids, baseQueries, d));
  const candQueries = realNoise(baseQueries, d, candidateNoise, 12);
  writeFileSync(join(dir, 'suites', 'qa', '1.0.1.arrow'), arrowFloat32(qids, candQueries, d));
  writeFileSync(
    join(dir, 'suites', 'qa.yaml'),
    'suite: docs-qa\nqrels: qa/qrels.tsv\nk: 10\nversions:\n  "1.0.0":\n    queries: { path: qa/1.0.0.arrow }\n  "1.0.1":\n    queries: { path: qa/1.0.1.arrow }\n',
  );
  writeFileSync(
    join(dir, 'contracts', 'docs-qa.yaml'),
    'consumer: docs-qa\nowner: "@fiori/qa"\nembedding: fiori-docs\naccepts: ^1.0.0\nrequires:\n  dims: 384\nquality:\n  - { suite: docs-qa, metric: ndcg@10, max_drop: 0.01, on_inconclusive: block }\n',
  );
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scenario corpus: a 2-point drop on 300 real queries', () => {
  it('is blocked, naming the suite floor that stops it', async () => {
    writeSuite(CANDIDATE_NOISE);
    const r = await checkCandidate(story, {
      values: base.values,
      args: ['--suites', 'suites/qa.yaml'],
    });
    expect(r.stderr).toBe('');
    const report = r.report as unknown as {
      benchmarks: { suite: string; metric: string; delta: number; status: string }[];
      findings: { id: string; severity: string; consumer?: string }[];
    };
    const row = report.benchmarks.find((b) => b.suite === 'docs-qa' && b.metric === 'ndcg@10')!;
    // About two points: the drop the issue measured being let through as an inconclusive warning.
    expect(row.delta).toBeLessThan(-0.015);
    expect(row.delta).toBeGreaterThan(-0.03);
    const blocking = report.findings.filter(
      (f) => f.severity === 'error' && f.consumer === 'docs-qa',
    );
    expect(
      blocking
        .map((f) => f.id)
        .some((id) => id === 'bench.regression' || id === 'bench.inconclusive'),
    ).toBe(true);
    expect(r.code).toBe(1);
  }, 60_000);
});
