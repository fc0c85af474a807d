import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/gate/report-model.js';
import { expectGolden } from '../helpers/golden.js';
import { MACHINE_SAMPLE } from '../report/sarif-fixture.js';

const vectors = (norms: { min: number; p1: number; mean: number; p99: number; max: number }) => ({
  file: 'v.npy',
  format: 'npy' as const,
  dtype: 'float32' as const,
  dims: 768,
  rows: 1000,
  bytes: 3_072_128,
  hasIds: false,
  nonFinite: { rows: 0, values: 0, firstIds: [] },
  zero: { rows: 0, firstIds: [] },
  norms,
});

/** The summary's optional sections: benchmarks, required bump, charts, override, waivers. */
const FULL: Report = {
  ...MACHINE_SAMPLE,
  candidate: {
    ...MACHINE_SAMPLE.candidate,
    normalization: 'none',
    vectors: vectors({ min: 3.1, p1: 3.9, mean: 7.2, p99: 11.5, max: 14 }),
  },
  baseline: {
    ...MACHINE_SAMPLE.baseline!,
    vectors: vectors({ min: 0.9999, p1: 1, mean: 1, p99: 1, max: 1.0001 }),
  },
  benchmarks: [
    {
      suite: 'search-golden',
      consumer: 'search-index',
      metric: 'ndcg@10',
      baseline: 0.512,
      candidate: 0.498,
      delta: -0.014,
      ci: { low: -0.021, high: -0.007, level: 0.95 },
      status: 'fail',
    },
    {
      suite: 'search-golden',
      consumer: 'search-index',
      metric: 'recall@100',
      baseline: 0.81,
      candidate: 0.83,
      delta: 0.02,
      ci: { low: 0.004, high: 0.035, level: 0.95 },
      status: 'pass',
    },
  ],
  requiredBump: {
    level: 'major',
    declared: 'minor',
    from: '1.4.0',
    to: '2.0.0',
    sufficient: false,
    reasons: ['dims changed 384 → 768: every consumer must re-embed'],
  },
};

describe('the job summary', () => {
  it('renders the optional sections only when the report has them', () => {
    const plain = formatMarkdown({ ...MACHINE_SAMPLE, override: undefined });
    for (const absent of [
      '### Benchmarks',
      '### Required version bump',
      '```mermaid',
      '[!IMPORTANT]',
    ]) {
      expect(plain).not.toContain(absent);
    }
  });

  it('shows benchmarks with deltas and CIs, the required bump, charts, the override and waived findings', () => {
    const md = formatMarkdown(FULL);
    expect(md).toContain(
      '| ❌ | search-golden | search-index | ndcg@10 | 0.5120 | 0.4980 | -0.0140 | [-0.0210, -0.0070] (95%) |',
    );
    expect(md).toContain(
      '### Required version bump: **major** (1.4.0 → 2.0.0 declares **minor**) ❌ not sufficient\n\n- dims changed 384 → 768',
    );
    expect(md).toContain(
      '  title "Vector norms: candidate (bars), baseline (line)"\n  x-axis ["min", "p1", "mean", "p99", "max"]\n  y-axis "‖v‖"\n  bar [3.1, 3.9, 7.2, 11.5, 14]\n  line [0.9999, 1, 1, 1, 1.0001]',
    );
    expect(md).toContain('  bar [-0.0140, 0.0200]');
    expect(md).toContain(
      '> **Breaking change accepted** by label `breaking-change` on pull request #42: alice (added the label).',
    );
    expect(md).toContain(
      '| recommender | @org/recs | active | — | — | 🔕 overridden: needs dot, has l2 |',
    );
    expect(md).toContain(
      '| 🔕 | `vectors.readable` | `/data/shared/vectors.npy (byte 1024)` | **waived (owner @org/data, until 2099-01-31): known truncated export; re-exported in 2.0.1** — truncated record batch |',
    );
    expect(md).toMatch(/\| classifier \| @org\/risk \| pending \| ✅ \| ⏳ needs 384, has 768 \|/);
    expectGolden('summary-full.md', md);
  });

  it('leaves the norm chart out when both sets are unit-norm', () => {
    const flat = { ...FULL, candidate: { ...FULL.candidate, vectors: FULL.baseline!.vectors } };
    expect(formatMarkdown(flat)).not.toContain('Vector norms');
  });

  it('keeps chart labels from breaking the mermaid block', () => {
    const md = formatMarkdown({
      ...FULL,
      benchmarks: FULL.benchmarks!.map((b) => ({ ...b, suite: 'x"]\n```' })),
    });
    const block = md.slice(
      md.indexOf('  title "Metric change'),
      md.indexOf('```', md.indexOf('  title "Metric change')),
    );
    expect(block.split('\n')).toHaveLength(5);
    expect(block).not.toContain('`');
    expect(block.split('\n')[1]).toMatch(
      /^ {2}x-axis \["x'\]\\n'''\/ndcg@10", "x'\]\\n'''\/recall@100"\]$/,
    );
  });
});
