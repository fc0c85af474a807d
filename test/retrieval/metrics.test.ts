/** perQueryScores: the gate's view, checked against trec_eval's per-query lines. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFixed } from '../../src/retrieval/c-format.js';
import { UnknownMetricError } from '../../src/retrieval/errors.js';
import { parseMetric, perQueryScores, perQueryScoresMany } from '../../src/retrieval/metrics.js';
import { parseQrels } from '../../src/retrieval/qrels.js';
import { parseRun, runFromLists } from '../../src/retrieval/run-file.js';

const DIR = join(import.meta.dirname, '../fixtures/trec_eval');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');

describe('perQueryScores against trec_eval -q (qrels.rel_level)', () => {
  const qrels = parseQrels(read('qrels.rel_level'), 'qrels.rel_level');
  const run = parseRun(read('results.test'), 'results.test');
  const reference = new Map(
    read('out.rel_level.aq')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t'))
      .map(([name, qid, value]) => [`${name!.trim()}|${qid}`, value!]),
  );

  it.each([
    ['ndcg@10', 'ndcg_cut_10'],
    ['NDCG@100', 'ndcg_cut_100'],
    ['recall@100', 'recall_100'],
    ['map@1000', 'map_cut_1000'],
    ['p@5', 'P_5'],
    ['precision@30', 'P_30'],
    ['success@10', 'success_10'],
    ['map', 'map'],
    ['ndcg', 'ndcg'],
    ['mrr', 'recip_rank'],
    ['Rprec', 'Rprec'],
    ['iprec_at_recall_0.10', 'iprec_at_recall_0.10'],
    ['Rprec_mult_1.40', 'Rprec_mult_1.40'],
  ])('%s gives trec_eval’s %s for every query', (metric, trecName) => {
    const scores = perQueryScores(qrels, run, metric);
    expect([...scores.keys()]).toEqual(['301', '302', '303']);
    for (const [qid, v] of scores)
      expect(formatFixed(v, 4), `${qid}`).toBe(reference.get(`${trecName}|${qid}`));
  });
});

describe('perQueryScores on the gate’s terms', () => {
  const qrels = parseQrels(['a 0 d1 1', 'b 0 d2 1', 'c 0 d3 1'].join('\n'), 'q.txt');
  const run = runFromLists([
    [
      'a',
      [
        { docid: 'x', score: 0.9 },
        { docid: 'd1', score: 0.8 },
      ],
    ],
    ['b', [{ docid: 'd2', score: 0.1 }]],
    ['z', [{ docid: 'd1', score: 1 }]], // not judged: ignored
  ]);

  it('scores every judged query, 0 for one the run did not answer', () => {
    expect([...perQueryScores(qrels, run, 'mrr@10')]).toEqual([
      ['a', 0.5],
      ['b', 1],
      ['c', 0],
    ]);
  });

  it('scores several metrics in one pass, keyed as given', () => {
    const many = perQueryScoresMany(qrels, run, ['mrr@10', 'success@1', 'ndcg@10']);
    expect([...many.keys()]).toEqual(['mrr@10', 'success@1', 'ndcg@10']);
    expect([...many.get('success@1')!.values()]).toEqual([0, 1, 0]);
    expect(many.get('ndcg@10')).toEqual(perQueryScores(qrels, run, 'ndcg@10'));
  });

  it('cuts mrr at k', () => {
    expect(perQueryScores(qrels, run, 'mrr@1').get('a')).toBe(0);
    expect(perQueryScores(qrels, run, 'MRR@2').get('a')).toBe(0.5);
  });

  it.each([
    ['ndcg@0', 'the cutoff must be a positive integer, found "0"'],
    ['ndcg@ten', 'the cutoff must be a positive integer'],
    ['bleu@10', 'unknown metric "bleu@10"'],
    ['gm_map', 'gm_map is only defined over all queries'],
    ['P', 'P needs a cutoff, e.g. P_10'],
    ['ndcg_cut_1.5', 'the cutoff must be a positive integer, found "1.5"'],
    ['nonsense', 'valid forms: ndcg@k, recall@k, mrr@k'],
  ])('rejects %s with UnknownMetricError (%s)', (metric, message) => {
    let error: unknown;
    try {
      parseMetric(metric);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownMetricError);
    expect((error as UnknownMetricError).message).toContain(message);
    expect((error as UnknownMetricError).validForms).toContain('ndcg@k');
  });
});
