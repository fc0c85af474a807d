/** Exact kNN on onnxruntime against the plain-JS oracle, for every metric × dtype. */
import { describe, expect, it } from 'vitest';
import type { KnnDType, KnnMetric } from '../../src/retrieval/knn-graph.js';
import { memoryVectors } from '../../src/retrieval/knn-memory.js';
import { oracleKnn, type OracleMatrix } from '../../src/retrieval/knn-oracle.js';
import {
  exactKnn,
  KnnInputError,
  readQueries,
  type KnnHit,
  type KnnResult,
} from '../../src/retrieval/knn.js';

/** mulberry32: a small seeded generator, so every run sees the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** float16 bits of a small integer (exact). */
function halfBits(x: number): number {
  if (x === 0) return 0;
  const sign = x < 0 ? 0x8000 : 0;
  const a = Math.abs(x);
  const e = Math.floor(Math.log2(a));
  return sign | ((e + 15) << 10) | Math.round((a / 2 ** e - 1) * 1024);
}

/** Integer-valued vectors in [-r, r], so every dtype holds them exactly and dot/l2 are exact in float32. */
function integerMatrix(
  rows: number,
  dims: number,
  dtype: KnnDType,
  seed: number,
  r = 3,
  ids?: string[],
): OracleMatrix {
  const next = rng(seed);
  const ints = Array.from({ length: rows * dims }, () => Math.floor(next() * (2 * r + 1)) - r);
  const values =
    dtype === 'float32'
      ? Float32Array.from(ints)
      : dtype === 'int8'
        ? Int8Array.from(ints)
        : Uint16Array.from(ints, halfBits);
  return { values, rows, dims, dtype, ids };
}

/** Arbitrary values: uniform floats, random normal float16 bit patterns, full-range int8. */
function randomMatrix(rows: number, dims: number, dtype: KnnDType, seed: number): OracleMatrix {
  const next = rng(seed);
  const n = rows * dims;
  const values =
    dtype === 'float32'
      ? Float32Array.from({ length: n }, () => next() * 2 - 1)
      : dtype === 'int8'
        ? Int8Array.from({ length: n }, () => Math.floor(next() * 256) - 128)
        : Uint16Array.from(
            { length: n },
            () =>
              (next() < 0.5 ? 0x8000 : 0) |
              ((10 + Math.floor(next() * 8)) << 10) |
              Math.floor(next() * 1024),
          );
  return { values, rows, dims, dtype };
}

function search(
  q: OracleMatrix,
  c: OracleMatrix,
  k: number,
  metric: KnnMetric,
  extra: Record<string, unknown> = {},
) {
  const { batchRows = [10, 45], ...rest } = extra as { batchRows?: number | number[] };
  return exactKnn({
    queries: q,
    corpus: memoryVectors(c.values, {
      rows: c.rows,
      dims: c.dims,
      dtype: c.dtype,
      ids: c.ids,
      batchRows,
    }),
    k,
    metric,
    blockRows: 32,
    threads: 1,
    ...rest,
  });
}

const ids = (hits: readonly KnnHit[]) => hits.map((h) => h.id);

/** Exact scores are float64 sums rounded to float32, like the oracle's: ids and scores must be identical. */
function expectSame(result: KnnResult, want: KnnHit[][]): void {
  expect(result.hits.map(ids)).toEqual(want.map(ids));
  expect(result.hits.map((h) => h.map((x) => x.score))).toEqual(
    want.map((h) => h.map((x) => x.score)),
  );
}

const METRICS: KnnMetric[] = ['dot', 'l2', 'cosine'];
const DTYPES: KnnDType[] = ['float32', 'float16', 'int8'];
const CASES = METRICS.flatMap((m) => DTYPES.map((d) => [m, d] as const));

describe('exactKnn against the oracle', () => {
  it.each(CASES)(
    '%s on %s integer vectors (many ties): same ids and scores',
    async (metric, dtype) => {
      const q = integerMatrix(6, 12, dtype, 1);
      const c = integerMatrix(157, 12, dtype, 2);
      const got = await search(q, c, 7, metric);
      expect(got.stats).toMatchObject({ corpusRows: 157, blocks: 5 });
      expectSame(got, oracleKnn(q, c, 7, metric));
    },
  );

  it.each(CASES)('%s on arbitrary %s vectors: same ids and scores', async (metric, dtype) => {
    const q = randomMatrix(4, 24, dtype, 3);
    const c = randomMatrix(120, 24, dtype, 4);
    expectSame(await search(q, c, 9, metric), oracleKnn(q, c, 9, metric));
  });

  it('merges many tiny blocks (1 and 3 rows) fed by 2-row batches', async () => {
    const q = integerMatrix(3, 5, 'float32', 5);
    const c = integerMatrix(40, 5, 'float32', 6);
    const want = oracleKnn(q, c, 6, 'dot').map(ids);
    for (const blockRows of [1, 3]) {
      const got = await search(q, c, 6, 'dot', { blockRows, batchRows: 2 });
      expect(got.hits.map(ids)).toEqual(want);
      expect(got.stats.blocks).toBe(Math.ceil(40 / blockRows));
    }
  });

  it('returns every corpus row, ranked, when k exceeds the corpus', async () => {
    const q = integerMatrix(2, 4, 'int8', 7);
    const c = integerMatrix(5, 4, 'int8', 8);
    const got = await search(q, c, 10, 'l2');
    expect(got.hits.map((h) => h.length)).toEqual([5, 5]);
    expect(got.hits.map(ids)).toEqual(oracleKnn(q, c, 10, 'l2').map(ids));
  });

  it.each(METRICS)(
    '%s: padding of the last block never displaces real rows that score below zero',
    async (metric) => {
      // Every row points away from the query, so a zero padding row would outscore them all.
      const next = rng(17);
      const rows = 20;
      const c = Float32Array.from(
        { length: rows * 3 },
        (_, i) => -(1 + (i % 3)) - Math.floor(next() * 4),
      );
      const q = { values: Float32Array.of(1, 2, 3), rows: 1, dims: 3, dtype: 'float32' as const };
      const corpus = { values: c, rows, dims: 3, dtype: 'float32' as const };
      const got = await search(q, corpus, 6, metric, { blockRows: 16, tieSlack: 0 });
      expect(got.hits.map(ids)).toEqual(oracleKnn(q, corpus, 6, metric).map(ids));
      expect(got.hits[0]!.every((h) => h.score < 0)).toBe(true);
    },
  );

  it('names rows by number when queries and corpus carry no ids, and by id when they do', async () => {
    const q = integerMatrix(3, 4, 'float32', 9);
    const c = integerMatrix(30, 4, 'float32', 10);
    const plain = await search(q, c, 3, 'dot');
    expect(plain.queryIds).toEqual(['0', '1', '2']);
    for (const hits of plain.hits) for (const h of hits) expect(h.id).toBe(String(h.row));

    const named = { ...c, ids: Array.from({ length: 30 }, (_, i) => `doc-${i}`) };
    const got = await search({ ...q, ids: ['a', 'b', 'c'] }, named, 3, 'dot');
    expect(got.queryIds).toEqual(['a', 'b', 'c']);
    for (const hits of got.hits) for (const h of hits) expect(h.id).toBe(`doc-${h.row}`);
  });

  it('gives the same answer for any block size, query chunking, threads and batch layout', async () => {
    const q = randomMatrix(5, 40, 'float16', 11);
    const c = randomMatrix(90, 40, 'float16', 12);
    const base = (await search(q, c, 8, 'cosine', { blockRows: 90, batchRows: 90 })).hits;
    for (const extra of [
      { blockRows: 7, queryChunkRows: 2, threads: 2 },
      { blockRows: 64, batchRows: 1, queryChunkRows: 1, tieSlack: 0 },
    ]) {
      expect((await search(q, c, 8, 'cosine', extra)).hits).toEqual(base);
    }
  });

  it('answers with empty lists for an empty corpus, and with nothing for no queries', async () => {
    const q = integerMatrix(2, 4, 'float32', 13);
    const empty = { values: new Float32Array(0), rows: 0, dims: 4, dtype: 'float32' as const };
    expect((await search(q, empty, 3, 'cosine')).hits).toEqual([[], []]);
    expect((await search(empty, q, 3, 'cosine')).hits).toEqual([]);
  });
});

describe('exactKnn input errors', () => {
  const q = integerMatrix(2, 4, 'float32', 14);
  const corpus = (dims: number, dtype: KnnDType | 'float64') =>
    memoryVectors(
      dtype === 'float64' ? new Float64Array(3 * dims) : integerMatrix(3, dims, dtype, 15).values,
      {
        rows: 3,
        dims,
        dtype,
        path: 'corpus.npy',
      },
    );

  it.each([
    ['dims-mismatch', corpus(5, 'float32'), /queries have 4 dims but corpus corpus\.npy has 5/],
    ['dtype-mismatch', corpus(4, 'int8'), /queries are float32 but corpus corpus\.npy is int8/],
    [
      'unsupported-dtype',
      corpus(4, 'float64'),
      /supports float32, float16 and int8 vectors, found float64/,
    ],
  ])('%s is a KnnInputError before any scoring', async (problem, source, message) => {
    const err = await exactKnn({ queries: q, corpus: source, k: 2, metric: 'dot' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(KnnInputError);
    expect(err).toMatchObject({ problem });
    expect((err as Error).message).toMatch(message);
  });

  it('rejects a bad k and values that do not fill rows × dims', async () => {
    const c = corpus(4, 'float32');
    await expect(exactKnn({ queries: q, corpus: c, k: 0, metric: 'dot' })).rejects.toThrow(
      /k must be a positive integer/,
    );
    const short = { ...q, values: new Float32Array(7) };
    await expect(exactKnn({ queries: short, corpus: c, k: 1, metric: 'dot' })).rejects.toThrow(
      /needs 8 values, found 7/,
    );
  });
});

describe('readQueries', () => {
  it('concatenates batches and keeps ids', async () => {
    const m = integerMatrix(7, 3, 'int8', 16);
    const src = memoryVectors(m.values, {
      rows: 7,
      dims: 3,
      dtype: 'int8',
      ids: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      batchRows: 3,
    });
    const got = await readQueries(src);
    expect(got).toMatchObject({
      rows: 7,
      dims: 3,
      dtype: 'int8',
      ids: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    });
    expect([...got.values]).toEqual([...m.values]);
    const noIds = await readQueries(
      memoryVectors(m.values, { rows: 7, dims: 3, dtype: 'int8', batchRows: 2 }),
    );
    expect(noIds.ids).toBeUndefined();
  });
});
