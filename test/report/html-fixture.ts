/**
 * A deterministic report with every section the HTML report draws, at any number of
 * queries: per-query scores of a realistic shape (about half the queries unchanged, the
 * rest moved by a few points either way), norms, compatibility, staging and findings.
 */
import type { Report } from '../../src/gate/report-model.js';

/** A small seeded generator (LCG), so the fixture and its screenshots never change. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const GRID = Array.from({ length: 21 }, (_, i) => i / 20);
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The report of a blocked candidate with `queries` judged queries on one suite. */
export function htmlReport(queries: number): Report {
  const rnd = lcg(7);
  const qids = Array.from({ length: queries }, (_, i) => `q-${String(i).padStart(5, '0')}`);
  const ndcgB = qids.map(() => r4(rnd() ** 0.7));
  const ndcgC = ndcgB.map((b) =>
    rnd() < 0.45 ? b : r4(Math.min(1, Math.max(0, b + (rnd() - 0.56) * 0.3))),
  );
  const recB = ndcgB.map((b) => r4(Math.min(1, b + 0.1)));
  const recC = ndcgC.map((c) => r4(Math.min(1, c + 0.1)));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const delta = mean(ndcgC) - mean(ndcgB);
  const norms = (centre: number, spread: number) => ({
    min: centre - spread,
    mean: centre,
    max: centre + spread,
    p1: centre - spread * 0.9,
    p99: centre + spread * 0.9,
    quantiles: GRID.map((q) => centre + spread * (2 * q - 1) * Math.abs(2 * q - 1)),
  });
  const vectors = (rows: number, centre: number, spread: number) => ({
    file: 'releases/vectors.arrow',
    format: 'arrow' as const,
    dtype: 'float32' as const,
    dims: 384,
    rows,
    bytes: rows * 384 * 4,
    hasIds: true,
    nonFinite: { rows: 0, values: 0, firstIds: [] },
    zero: { rows: 0, firstIds: [] },
    norms: norms(centre, spread),
  });
  return {
    schemaVersion: 1,
    tool: { name: 'embedding-gate', version: '0.1.0' },
    verdict: 'fail',
    failOn: 'error',
    candidate: {
      manifest: 'releases/2.0.0/manifest.yaml',
      name: 'docs',
      version: '2.0.0',
      model: 'minilm@2024-09',
      dims: 384,
      dtype: 'float32',
      normalization: 'none',
      metric: 'cosine',
      created: '2024-09-15',
      dataset: 'docs-2024-09',
      vectors: vectors(120000, 1.02, 0.08),
    },
    baseline: {
      manifest: 'releases/1.4.0/manifest.yaml',
      name: 'docs',
      version: '1.4.0',
      model: 'minilm@2024-03',
      dims: 384,
      dtype: 'float32',
      normalization: 'none',
      metric: 'cosine',
      vectors: vectors(118000, 1, 0.05),
    },
    consumers: [
      {
        consumer: 'search-index',
        owner: '@org/search',
        contract: 'contracts/search.yaml',
        status: 'active',
        applies: true,
        satisfied: true,
        requirements: [
          { requirement: 'dims', expected: '384', found: '384', ok: true },
          { requirement: 'metric', expected: 'cosine', found: 'cosine', ok: true },
        ],
      },
      {
        consumer: 'fraud <model>',
        owner: '@org/risk',
        contract: 'contracts/fraud.yaml',
        status: 'pending',
        applies: true,
        satisfied: false,
        requirements: [{ requirement: 'dims', expected: '768', found: '384', ok: false }],
      },
    ],
    findings: [
      {
        id: 'bench.regression',
        severity: 'error',
        consumer: 'search-index',
        message: `ndcg@10 dropped ${delta.toFixed(4)} on docs-qa`,
        location: { file: 'contracts/search.yaml', line: 7 },
      },
      {
        id: 'contract.dims',
        severity: 'warning',
        consumer: 'fraud <model>',
        pending: true,
        message: 'fraud <model> requires dims 768, candidate has 384',
        location: { file: 'contracts/fraud.yaml', line: 4 },
      },
      {
        id: 'bench.underpowered',
        severity: 'warning',
        consumer: 'search-index',
        message: 'recall@100 allows a drop of 0.0100, but the suite is underpowered',
      },
      {
        id: 'compat.space',
        severity: 'info',
        message: 'old and new vectors must not share an index',
      },
      { id: 'baseline.ids-added', severity: 'info', message: '2,000 ids are new in the candidate' },
    ],
    counts: { error: 1, warning: 2, info: 2 },
    benchmarks: [
      {
        suite: 'docs-qa',
        consumer: 'search-index',
        metric: 'ndcg@10',
        baseline: mean(ndcgB),
        candidate: mean(ndcgC),
        delta,
        ci: { low: delta - 0.006, high: delta + 0.006, level: 0.95 },
        status: 'fail',
        queries,
        p: 0.0012,
        pHolm: 0.0024,
        maxDrop: 0.01,
        mde: 0.0071,
      },
      {
        suite: 'docs-qa',
        consumer: 'search-index',
        metric: 'recall@100',
        baseline: mean(recB),
        candidate: mean(recC),
        delta: mean(recC) - mean(recB),
        ci: { low: -0.03, high: -0.01, level: 0.95 },
        status: 'inconclusive',
        queries,
        p: 0.08,
        pHolm: 0.08,
        maxDrop: 0.01,
        mde: 0.012,
        queriesNeeded: queries * 2,
      },
    ],
    suites: [
      {
        suite: 'docs-qa',
        file: 'suites/docs-qa.yaml',
        queries,
        k: 100,
        seed: 20240917,
        candidate: { version: '2.0.0', metric: 'cosine' },
        baseline: { version: '1.4.0', metric: 'cosine' },
        scores: [
          { metric: 'ndcg@10', candidate: mean(ndcgC), baseline: mean(ndcgB), delta },
          {
            metric: 'recall@100',
            candidate: mean(recC),
            baseline: mean(recB),
            delta: mean(recC) - mean(recB),
          },
        ],
        perQuery: {
          qids,
          metrics: [
            { metric: 'ndcg@10', candidate: ndcgC, baseline: ndcgB },
            { metric: 'recall@100', candidate: recC, baseline: recB },
          ],
        },
        regressions: [],
      },
    ],
    requiredBump: {
      level: 'major',
      declared: 'minor',
      from: '1.4.0',
      to: '2.0.0',
      sufficient: false,
      reasons: ['model: minilm@2024-03 → minilm@2024-09 (space re-embedded)'],
    },
    compatibility: {
      rows: 2000,
      sameIdCosine: {
        mean: 0.91,
        p5: 0.82,
        median: 0.92,
        min: 0.61,
        quantiles: GRID.map((q) => 0.61 + 0.37 * Math.sqrt(q)),
      },
      normRatio: { p5: 0.97, median: 1.01, p95: 1.06 },
      k: 10,
      knnOverlap: 0.71,
      cka: 0.93,
      ckaDebiased: 0.9,
      selfRetrieval: {
        newToOld: { recall1: 0.81, recall10: 0.95, mrr: 0.86 },
        oldToNew: { recall1: 0.8, recall10: 0.94, mrr: 0.85 },
        oldOnOld: { recall1: 0.99, recall10: 1, mrr: 0.995 },
        mixedOverlap: 0.64,
        nearerThanNeighbour: 0.9,
      },
      verdict: 'reindex',
      neighbourhoods: 'changed',
      summary: 'reindex: self recall@1 0.8100 is below 0.95 × the old space’s 0.9900',
      matchedBy: 'id',
      shared: 118000,
      seed: 1,
      dims: { baseline: 384, candidate: 384 },
      thresholds: {
        selfRecallRatio: 0.95,
        nearerThanNeighbour: 0.99,
        sameIdMean: 0.95,
        sameIdP5: 0.9,
        normRatioTolerance: 0.1,
        knnOverlap: 0.85,
        cka: 0.95,
        crossVersionRatio: 0.95,
      },
    },
    staging: {
      consumers: [
        {
          consumer: 'fraud <model>',
          contract: 'contracts/fraud.yaml',
          status: 'pending',
          model: 'models/fraud.onnx',
          task: 'classification',
          metric: 'roc_auc',
          outcome: 'fail',
          examples: 900,
          paired: 880,
          candidate: 0.88,
          baseline: 0.91,
          delta: -0.03,
          ci: { low: -0.045, high: -0.016, level: 0.95 },
          p: 0.001,
          maxDrop: 0.01,
        },
        {
          consumer: 'search-index',
          contract: 'contracts/search.yaml',
          status: 'active',
          model: 'models/rerank.onnx',
          task: 'regression',
          metric: 'accuracy',
          outcome: 'pass',
          examples: 500,
          paired: 500,
          candidate: 0.93,
          baseline: 0.925,
          delta: 0.005,
          ci: { low: -0.004, high: 0.013, level: 0.95 },
          p: 0.2,
          maxDrop: 0.01,
        },
      ],
      probes: [
        {
          modality: 'model',
          model: 'models/encoder.onnx',
          set: 'probes/text.jsonl',
          vectors: 'releases/vectors.arrow',
          outcome: 'fail',
          tolerance: 1e-5,
          rows: 64,
          compared: 64,
          missing: 0,
          exceeding: 2,
          maxDeviation: 3.2e-3,
          meanDeviation: 1.1e-4,
          worst: [
            { id: 'doc-17', deviation: 3.2e-3 },
            { id: 'doc-4', deviation: 2.1e-4 },
            { id: 'doc-9', deviation: 2.2e-6 },
          ],
        },
      ],
    },
  };
}
