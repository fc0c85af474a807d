/** Exactness under equal scores (trec_eval's rule: id descending) and the TREC run writer. */
import { describe, expect, it } from 'vitest';
import { memoryVectors } from '../../src/retrieval/knn-memory.js';
import {
  exactKnn,
  formatScore,
  KnnInputError,
  trecRunLines,
  writeTrecRun,
  type KnnResult,
} from '../../src/retrieval/knn.js';
import { compareIds } from '../../src/retrieval/knn-select.js';
import { rankOrder } from '../../src/retrieval/ranking.js';
import { parseRun } from '../../src/retrieval/run-file.js';

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

const DIMS = 16;

/**
 * 150 arbitrary float32 rows, of which 40 (spread over every block, the padded last one
 * included) are copies of the query: the copies tie for first place under every metric.
 */
function duplicates(seed: number) {
  const next = rng(seed);
  const rows = 150;
  const values = Float32Array.from({ length: rows * DIMS }, () => next() * 2 - 1);
  const query = Float32Array.from({ length: DIMS }, () => next() * 2 - 1);
  const copies = new Set<number>();
  while (copies.size < 40) copies.add(Math.floor(next() * rows));
  copies.add(rows - 1);
  for (const r of copies) values.set(query, r * DIMS);
  const ids = Array.from({ length: rows }, () => `d${Math.floor(next() * 1e6)}`);
  const expected = [...copies]
    .map((r) => ids[r] as string)
    .sort(compareIds)
    .reverse();
  return { values, rows, ids, query, expected };
}

describe('exact answers among equal scores', () => {
  const data = duplicates(21);
  const run = (metric: 'cosine' | 'dot' | 'l2', tieSlack: number, blockRows = 64, k = 10) =>
    exactKnn({
      queries: { values: data.query, rows: 1, dims: DIMS, dtype: 'float32', ids: ['q'] },
      corpus: memoryVectors(data.values, {
        rows: data.rows,
        dims: DIMS,
        dtype: 'float32',
        ids: data.ids,
        batchRows: 23,
      }),
      k,
      metric,
      blockRows,
      tieSlack,
      threads: 1,
    });

  it.each(['cosine', 'dot', 'l2'] as const)(
    '%s: duplicates in every block tie exactly and rank by id descending',
    async (metric) => {
      const got = await run(metric, 2);
      expect(got.hits[0]!.map((h) => h.id)).toEqual(data.expected.slice(0, 10));
      // Equal vectors score equal in every block, padded or not: one score for all ten.
      expect(new Set(got.hits[0]!.map((h) => h.score)).size).toBe(1);
      expect(got.stats.fullRescans).toBeGreaterThan(0);
    },
  );

  it('gives the same answer whether ties are settled by re-scoring or by slack', async () => {
    const rescanned = await run('cosine', 0);
    const slack = await run('cosine', 40);
    expect(rescanned.stats.fullRescans).toBeGreaterThan(0);
    expect(slack.stats.fullRescans).toBe(0);
    expect(slack.hits).toEqual(rescanned.hits);
  });

  it('keeps all ties when k covers them, followed by the next best rows', async () => {
    const got = await run('dot', 1, 32, data.expected.length + 5);
    expect(got.hits[0]!.slice(0, data.expected.length).map((h) => h.id)).toEqual(data.expected);
    const tail = got.hits[0]!.slice(data.expected.length);
    expect(tail.every((h) => h.score < got.hits[0]![0]!.score)).toBe(true);
  });

  it('compares row numbers as strings across block boundaries ("9" ranks before "12")', async () => {
    // Rows 8..12 and 95..99 equal the query; blocks of 8 rows split both groups.
    const next = rng(5);
    const values = Float32Array.from({ length: 120 * 4 }, () => Math.floor(next() * 5) - 2);
    const query = Float32Array.of(3, 3, 3, 3);
    for (const r of [8, 9, 10, 11, 12, 95, 96, 97, 98, 99]) values.set(query, r * 4);
    const got = await exactKnn({
      queries: { values: query, rows: 1, dims: 4, dtype: 'float32' },
      corpus: memoryVectors(values, { rows: 120, dims: 4, dtype: 'float32', batchRows: 13 }),
      k: 10,
      metric: 'dot',
      blockRows: 8,
      tieSlack: 0,
      threads: 1,
    });
    expect(got.hits[0]!.map((h) => h.id)).toEqual([
      '99',
      '98',
      '97',
      '96',
      '95',
      '9',
      '8',
      '12',
      '11',
      '10',
    ]);
  });

  it('orders ids by code point, as strcmp on UTF-8 does', async () => {
    const values = new Int8Array(4 * 2).fill(1);
    const ids = ['\u{1F600}', '\uFFFD', 'z', 'Z'];
    const got = await exactKnn({
      queries: { values: Int8Array.of(1, 1), rows: 1, dims: 2, dtype: 'int8' },
      corpus: memoryVectors(values, { rows: 4, dims: 2, dtype: 'int8', ids }),
      k: 4,
      metric: 'dot',
      threads: 1,
    });
    expect(got.hits[0]!.map((h) => h.id)).toEqual(['\u{1F600}', '\uFFFD', 'z', 'Z']);
  });
});

describe('TREC run files', () => {
  it('formats scores with the fewest digits that read back to the same float32', () => {
    expect(formatScore(0.5)).toBe('0.5');
    expect(formatScore(Math.fround(0.1))).toBe('0.1');
    expect(formatScore(-0)).toBe('0');
    expect(formatScore(-1234)).toBe('-1234');
    const next = rng(3);
    for (let i = 0; i < 2000; i++) {
      const x = Math.fround((next() - 0.5) * 10 ** Math.floor(next() * 12 - 6));
      expect(Math.fround(Number(formatScore(x)))).toBe(x);
    }
    // Adjacent float32 values stay distinct and ordered once printed.
    const a = Math.fround(0.7342);
    const b = new Float32Array(
      new Uint32Array([new Uint32Array(Float32Array.of(a).buffer)[0]! + 1]).buffer,
    )[0]!;
    expect(Number(formatScore(b))).toBeGreaterThan(Number(formatScore(a)));
  });

  const result: KnnResult = {
    metric: 'cosine',
    k: 3,
    dims: 2,
    queryIds: ['q1', 'q2'],
    hits: [
      [
        { id: 'b', row: 1, score: Math.fround(0.75) },
        { id: 'a', row: 0, score: Math.fround(0.75) },
        { id: 'c', row: 2, score: Math.fround(0.1) },
      ],
      [{ id: 'c', row: 2, score: Math.fround(-0.3) }],
    ],
    stats: { corpusRows: 3, blocks: 1, runs: 1, exactScores: 3, fullRescans: 0 },
  };

  it('writes qid Q0 docid rank score tag lines, rank 1-based', () => {
    expect(writeTrecRun(result, 'exact-knn')).toBe(
      'q1 Q0 b 1 0.75 exact-knn\nq1 Q0 a 2 0.75 exact-knn\nq1 Q0 c 3 0.1 exact-knn\nq2 Q0 c 1 -0.3 exact-knn\n',
    );
  });

  it('prints runs whose trec_eval ranking (score, then docno descending) is the computed one', async () => {
    const data = duplicates(33);
    const next = rng(9);
    const queries = Float32Array.from({ length: 4 * DIMS }, () => next() * 2 - 1);
    queries.set(data.query, 0);
    const got = await exactKnn({
      queries: { values: queries, rows: 4, dims: DIMS, dtype: 'float32' },
      corpus: memoryVectors(data.values, {
        rows: data.rows,
        dims: DIMS,
        dtype: 'float32',
        ids: data.ids,
      }),
      k: 40,
      metric: 'l2',
      threads: 1,
    });
    const run = parseRun(writeTrecRun(got, 'knn'), 'run.txt');
    got.hits.forEach((hits, q) => {
      const docs = run.queries.get(String(q))!;
      const order = [...rankOrder(docs)].map((i) => docs.docids[i]);
      expect(order).toEqual(hits.map((h) => h.id));
    });
  });

  it('refuses ids and tags that would break the whitespace-separated format', () => {
    const spaced = { ...result, hits: [[{ id: 'doc 1', row: 0, score: 1 }]] };
    expect(() => writeTrecRun(spaced, 'tag')).toThrow(KnnInputError);
    expect(() => writeTrecRun(spaced, 'tag')).toThrow(/document id "doc 1"/);
    expect(() => [...trecRunLines(result, 'my run')]).toThrow(/run tag "my run"/);
  });
});
