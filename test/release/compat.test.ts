import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ckaFromGrams,
  gramMatrix,
  knnFromGram,
  meanOverlap,
  measureCompatibility,
  naiveKnnOverlap,
  naiveLinearCka,
  type SampleMatrix,
} from '../../src/release/compat-measures.js';
import { bottomK, seededHash } from '../../src/release/compat-sample.js';
import {
  analyzeCompatibility,
  compatibilityFromRegistry,
  DEFAULT_COMPATIBILITY,
  DEFAULT_THRESHOLDS,
  judgeCompatibility,
  type CompatibilityReport,
  type VersionVectors,
} from '../../src/release/compat.js';
import type { Metric } from '../../src/config/manifest.js';
import { crossVersionCells } from '../../src/release/versioning.js';
import type { SuiteReport } from '../../src/gate/report-model.js';
import { openVectors } from '../../src/vectors/open.js';
import { arrowFloat32, npyFloat32 } from '../../src/vectors/write.js';
import { memorySource } from './memory-source.js';
import {
  addNoise,
  clusteredSpace,
  gaussian,
  normalizeRows,
  project,
  randomMap,
  randomRotation,
  rng,
} from './synthetic.js';

function randomMatrix(rows: number, dims: number, seed: number): Float32Array {
  const next = rng(seed);
  return Float32Array.from({ length: rows * dims }, () => gaussian(next));
}

const m = (
  values: Float32Array,
  rows: number,
  dims: number,
  metric: Metric = 'cosine',
): SampleMatrix => ({ values, rows, dims, metric });

describe('compatibility measures against their oracles', () => {
  it('the blocked Gram kernel equals plain dot products (odd sizes hit every tail)', () => {
    for (const [n, d] of [
      [37, 7],
      [8, 64],
      [5, 1],
    ] as const) {
      const v = randomMatrix(n, d, n * d);
      const g = gramMatrix(m(v, n, d, 'dot'));
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let t = 0; t < d; t++) s += v[i * d + t]! * v[j * d + t]!;
          expect(g[i * n + j]).toBeCloseTo(s, 4);
        }
      }
    }
  });

  it.each(['cosine', 'dot', 'l2'] as const)(
    'kNN overlap from the Gram matrix equals the naive search (%s)',
    (metric) => {
      const n = 60;
      const a = randomMatrix(n, 8, 1);
      const b = Float32Array.from(a, (x, i) => x + 0.6 * gaussian(rng(i + 7)));
      const k = 5;
      const fast = meanOverlap(
        knnFromGram(gramMatrix(m(a, n, 8, metric)), n, k, metric),
        knnFromGram(gramMatrix(m(b, n, 8, metric)), n, k, metric),
        n,
        k,
      );
      expect(fast).toBeCloseTo(naiveKnnOverlap(m(a, n, 8, metric), m(b, n, 8, metric), k), 12);
      expect(fast).toBeGreaterThan(0.1);
      expect(fast).toBeLessThan(1);
    },
  );

  it('linear CKA from Gram matrices equals the feature-space formula, across dims', () => {
    const n = 50;
    const x = randomMatrix(n, 6, 3);
    const y = Float32Array.from(
      { length: n * 9 },
      (_, i) => (i % 9 < 6 ? x[Math.floor(i / 9) * 6 + (i % 9)]! * 2 : 0) + 0.5 * gaussian(rng(i)),
    );
    const rows = (v: Float32Array, d: number) =>
      Array.from({ length: n }, (_, i) => Array.from(v.subarray(i * d, (i + 1) * d)));
    const { cka } = ckaFromGrams(gramMatrix(m(x, n, 6, 'dot')), gramMatrix(m(y, n, 9, 'dot')), n);
    expect(cka).toBeCloseTo(naiveLinearCka(rows(x, 6), rows(y, 9)), 5);
  });

  it('debiased CKA stays near 0 for unrelated spaces where the biased estimate does not', () => {
    const n = 300;
    const a = m(randomMatrix(n, 128, 1), n, 128, 'dot');
    const b = m(randomMatrix(n, 128, 2), n, 128, 'dot');
    const { cka, debiased } = ckaFromGrams(gramMatrix(a), gramMatrix(b), n);
    expect(Math.abs(debiased)).toBeLessThan(0.03);
    expect(cka).toBeGreaterThan(0.25);
  });
});

describe('sampling', () => {
  it('bottom-k by seeded hash depends on the seed and the ids, not their order', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    const a = bottomK(ids, 100, 7);
    expect(bottomK([...ids].reverse(), 100, 7)).toEqual(a);
    expect(new Set(a).size).toBe(100);
    expect(bottomK(ids, 100, 8)).not.toEqual(a);
    const hashes = a.map((id) => seededHash(id, 7));
    expect(hashes).toEqual([...hashes].sort((x, y) => x - y));
    expect(Math.max(...hashes)).toBeLessThan(
      Math.min(...ids.filter((i) => !a.includes(i)).map((id) => seededHash(id, 7))),
    );
    expect(bottomK(ids.slice(0, 10), 100, 7)).toHaveLength(10);
  });
});

function version(
  values: Float32Array,
  dims: number,
  ids: string[] | undefined,
  metric: Metric = 'cosine',
): VersionVectors & { source: () => Promise<ReturnType<typeof memorySource>> } {
  return {
    path: 'memory',
    open: {},
    metric,
    rows: values.length / dims,
    ...(ids ? { ids: new Set(ids) } : {}),
    source: async () => memorySource(values, dims, ids),
  };
}

async function analyze(
  a: ReturnType<typeof version>,
  b: ReturnType<typeof version>,
  sampleSize = 400,
) {
  let calls = 0;
  const result = await analyzeCompatibility(
    a,
    b,
    { ...DEFAULT_COMPATIBILITY, sampleSize },
    async () => (calls++ === 0 ? a.source() : b.source()),
  );
  return result;
}

describe('analyzeCompatibility on synthetic spaces (500 × 32)', () => {
  const n = 500;
  const d = 32;
  const base = clusteredSpace(n, d, 11, 12);
  const ids = Array.from({ length: n }, (_, i) => `item-${i}`);

  it('matches rows by id whatever their order, and measures only the shared ids', async () => {
    // The candidate lists its rows in reverse and drops the first 100 ids.
    const order = ids.map((_, i) => n - 1 - i).filter((i) => i >= 100);
    const reordered = new Float32Array(order.length * d);
    order.forEach((src, r) => reordered.set(base.subarray(src * d, (src + 1) * d), r * d));
    const r = (await analyze(
      version(base, d, ids),
      version(
        reordered,
        d,
        order.map((i) => ids[i]!),
      ),
    )) as CompatibilityReport;
    expect(r).toMatchObject({
      shared: 400,
      rows: 400,
      matchedBy: 'id',
      verdict: 'mixable',
      neighbourhoods: 'preserved',
    });
    expect(r.sameIdCosine!.min).toBeCloseTo(1, 6);
    expect(r.knnOverlap).toBe(1);
  });

  it('falls back to row numbers when a file has no ids', async () => {
    const r = (await analyze(
      version(base, d, undefined),
      version(addNoise(base, d, 0.1, 3), d, ids),
    )) as CompatibilityReport;
    expect(r.matchedBy).toBe('row');
    expect(r.verdict).toBe('mixable');
  });

  it('reports too few shared ids instead of deciding', async () => {
    const other = ids.map((id, i) => (i < 30 ? id : `new-${i}`));
    const r = await analyze(version(base, d, ids), version(base, d, other));
    expect(r).toEqual({
      unmeasured:
        'only 30 ids are present in both versions; at least 50 are needed to compare the spaces',
    });
  });

  it.each([
    ['identical', () => base.slice(), d, 'mixable', 'preserved'],
    ['small noise (0.05)', () => addNoise(base, d, 0.05, 5), d, 'mixable', 'preserved'],
    [
      'noise 0.4: mixing would lose retrieval quality',
      () => addNoise(base, d, 0.4, 5),
      d,
      'reindex',
      'changed',
    ],
    [
      'a random rotation: same neighbourhoods, other coordinates',
      () => normalizeRows(project(base, d, randomRotation(d, 3), d), d),
      d,
      'reindex',
      'preserved',
    ],
    ['a different model', () => clusteredSpace(n, d, 99, 12), d, 'reindex', 'changed'],
    [
      // A random map keeps geometry only roughly (Johnson–Lindenstrauss): CKA stays high, but
      // the top-10 neighbours shift more than the recalibrated kNN overlap allows.
      'dims change (a wider map of the same space)',
      () => normalizeRows(project(base, d, randomMap(d, 48, 4), 48), 48),
      48,
      'reindex',
      'changed',
    ],
  ] as const)('%s', async (_name, make, dims, verdict, neighbourhoods) => {
    const r = (await analyze(
      version(base, d, ids),
      version(make(), dims, ids),
    )) as CompatibilityReport;
    expect(r.verdict).toBe(verdict);
    expect(r.neighbourhoods).toBe(neighbourhoods);
    expect(r.dims).toEqual({ baseline: d, candidate: dims });
    if (dims !== d) expect(r.sameIdCosine).toBeUndefined();
  });

  it('for a dot-product space, a scale change is not mixable even though every cosine is 1', async () => {
    const scaled = base.map((x) => x * 2);
    const r = (await analyze(
      version(base, d, ids, 'dot'),
      version(scaled, d, ids, 'dot'),
    )) as CompatibilityReport;
    expect(r.sameIdCosine!.mean).toBeCloseTo(1, 6);
    expect(r.verdict).toBe('reindex');
    expect(r.summary).toContain(
      'norm ratio new/old p5–p95 2.0000–2.0000 outside 0.9091–1.1000 (dot ranks by magnitude)',
    );
  });

  it('is deterministic for a seed and reads the same rows from Arrow and NumPy files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-compat-'));
    const noisy = addNoise(base, d, 0.3, 8);
    writeFileSync(join(dir, 'a.npy'), npyFloat32(base, n, d));
    writeFileSync(join(dir, 'a.ids'), ids.join('\n') + '\n');
    writeFileSync(join(dir, 'b.arrow'), arrowFloat32(ids, noisy, d));
    const a: VersionVectors = {
      path: join(dir, 'a.npy'),
      open: { idsPath: join(dir, 'a.ids') },
      metric: 'cosine',
      rows: n,
      ids: new Set(ids),
    };
    const b: VersionVectors = {
      path: join(dir, 'b.arrow'),
      open: {},
      metric: 'cosine',
      rows: n,
      ids: new Set(ids),
    };
    const options = { ...DEFAULT_COMPATIBILITY, sampleSize: 300, seed: 42 };
    const fromFiles = await analyzeCompatibility(a, b, options, openVectors);
    expect(await analyzeCompatibility(a, b, options, openVectors)).toEqual(fromFiles);
    const fromMemory = await analyzeCompatibility(a, b, options, async (path) =>
      path === a.path ? memorySource(base, d, ids) : memorySource(noisy, d, ids, 13),
    );
    expect(fromMemory).toEqual(fromFiles);
    const otherSeed = (await analyzeCompatibility(
      a,
      b,
      { ...options, seed: 43 },
      openVectors,
    )) as CompatibilityReport;
    expect(otherSeed.sameIdCosine!.mean).not.toBe(
      (fromFiles as CompatibilityReport).sameIdCosine!.mean,
    );
  });
});

describe('judgeCompatibility', () => {
  const measures = measureCompatibility(
    m(clusteredSpace(200, 16, 1, 6), 200, 16),
    m(clusteredSpace(200, 16, 1, 6), 200, 16),
  );
  const ctx = { dims: { baseline: 16, candidate: 16 }, metric: 'cosine' as const };

  it('applies configurable thresholds', () => {
    expect(judgeCompatibility(measures, ctx, DEFAULT_THRESHOLDS).verdict).toBe('mixable');
    const strict = { ...DEFAULT_THRESHOLDS, sameIdMean: 1.01 };
    expect(judgeCompatibility(measures, ctx, strict)).toMatchObject({
      verdict: 'reindex',
      summary: expect.stringContaining('same-id cosine mean 1.0000 < 1.01'),
    });
    const rank = { ...DEFAULT_THRESHOLDS, nearerThanNeighbour: 1.01, selfRecallRatio: 1.01 };
    const judged = judgeCompatibility(measures, ctx, rank);
    expect(judged.verdict).toBe('reindex');
    expect(judged.summary).toContain('self-retrieval new → old recall@1 1.0000 < 1.01 × 1.0000');
    expect(judged.summary).toContain('self-retrieval old → new recall@1');
    const moved = (nearer: number) =>
      judgeCompatibility(
        { ...measures, selfRetrieval: { ...measures.selfRetrieval!, nearerThanNeighbour: nearer } },
        ctx,
        DEFAULT_THRESHOLDS,
      ).summary;
    expect(moved(0.9)).toContain(
      'only 0.9000 of ids moved less than the distance to their nearest old neighbour (< 0.99',
    );
    // One farther id of 200 never decides alone.
    expect(moved(199 / 200)).toMatch(/^mixable/);
    expect(moved(198 / 200)).toMatch(/^mixable/);
    expect(moved(197 / 200)).toMatch(/^re-index/);
  });

  it('reads the rank thresholds from the registry policy', () => {
    const o = compatibilityFromRegistry(
      { self_recall_ratio: 0.9, nearer_than_neighbour: 0.97, knn_overlap: 0.8 },
      DEFAULT_COMPATIBILITY,
    );
    expect(o.thresholds).toMatchObject({
      selfRecallRatio: 0.9,
      nearerThanNeighbour: 0.97,
      knnOverlap: 0.8,
      cka: DEFAULT_THRESHOLDS.cka,
    });
  });

  it('uses cross-version benchmark cells when a suite provides them', () => {
    const ndcg = { suite: 'product-search', measure: 'ndcg@10', newOnNew: 0.5, newOnOld: 0.4 };
    const recall = {
      suite: 'product-search',
      measure: 'recall@100',
      newOnNew: 0.9,
      newOnOld: 0.89,
    };
    const judged = judgeCompatibility(measures, ctx, DEFAULT_THRESHOLDS, [recall, ndcg]);
    expect(judged.verdict).toBe('reindex');
    expect(judged.summary).toContain(
      're-index required: old and new vectors must not be mixed; every consumer must re-index — ' +
        'product-search ndcg@10: new queries on old vectors 0.4000 vs 0.5000 on new (ratio 0.8000 < 0.95);',
    );
    expect(
      judgeCompatibility(measures, ctx, DEFAULT_THRESHOLDS, [recall, { ...ndcg, newOnOld: 0.49 }])
        .verdict,
    ).toBe('mixable');
  });

  it('takes the cells from the suites the benchmark step reports', () => {
    const suite = {
      suite: 'product-search',
      cross: [
        {
          metric: 'ndcg@10',
          baselineBaseline: 0.74,
          candidateCandidate: 0.7356,
          candidateQueriesBaselineCorpus: 0.7383,
          baselineQueriesCandidateCorpus: 0.7353,
        },
      ],
    } as unknown as SuiteReport;
    expect(crossVersionCells([suite])).toEqual([
      { suite: 'product-search', measure: 'ndcg@10', newOnNew: 0.7356, newOnOld: 0.7383 },
    ]);
    expect(crossVersionCells(undefined)).toEqual([]);
  });
});
