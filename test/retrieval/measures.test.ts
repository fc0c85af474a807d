/**
 * Each measure on a one-query case small enough to compute by hand, plus trec_eval's
 * tie-breaking. Values are checked unrounded through perQueryScores.
 */
import { describe, expect, it } from 'vitest';
import { perQueryScores } from '../../src/retrieval/metrics.js';
import { parseQrels } from '../../src/retrieval/qrels.js';
import { compareBytes, rankOrder } from '../../src/retrieval/ranking.js';
import { parseRun } from '../../src/retrieval/run-file.js';
import { Rng } from '../../src/retrieval/stats.js';
import { runTrecEval } from '../../src/retrieval/trec-eval.js';

/*
 * Judgments for q1: d1=2, d2=0, d3=1, d4=1, d5=-1 (pooled, unjudged), d9=3 (never retrieved).
 * R (relevance ≥ 1) = {d1, d3, d4, d9} = 4. Levels: 0→1 doc, 1→2, 2→1, 3→1.
 * Ranking by score: dA (not in qrels), d1 (2), d2 (0), d3 (1), d5 (-1)
 *   → relevance by rank: [-, 2, 0, 1, .]; relevant at ranks 2 and 4; 5 retrieved, 2 relevant retrieved.
 */
const qrels = parseQrels(
  ['q1 0 d1 2', 'q1 0 d2 0', 'q1 0 d3 1', 'q1 0 d4 1', 'q1 0 d5 -1', 'q1 0 d9 3'].join('\n'),
  'q.txt',
);
// The rank column is deliberately reversed: trec_eval ignores it.
const run = parseRun(
  [
    'q1 Q0 dA 5 5.0 hand',
    'q1 Q0 d1 4 4.0 hand',
    'q1 Q0 d2 3 3.0 hand',
    'q1 Q0 d3 2 2.0 hand',
    'q1 Q0 d5 1 1.0 hand',
  ].join('\n'),
  'r.txt',
);
const score = (metric: string): number => perQueryScores(qrels, run, metric).get('q1')!;
const L = Math.log2;

// Ideal gains 3, 2, 1, 1; ranked gains 0, 2, 0, 1, 0.
const IDCG = 3 / L(2) + 2 / L(3) + 1 / L(4) + 1 / L(5);
const DCG = 2 / L(3) + 1 / L(5);

const HAND: [string, number, string][] = [
  ['num_ret', 5, 'five documents retrieved'],
  ['num_rel', 4, 'd1, d3, d4, d9'],
  ['num_rel_ret', 2, 'd1 and d3'],
  ['num_nonrel_judged_ret', 1, '5 − 1 not in pool − 1 unjudged − 2 relevant = d2'],
  ['map', (1 / 2 + 2 / 4) / 4, 'precision 1/2 at rank 2, 2/4 at rank 4, over R = 4'],
  ['map_cut_2', 1 / 2 / 4, 'only the rank-2 hit counts'],
  ['Rprec', 2 / 4, 'two relevant in the top R = 4'],
  [
    'bpref',
    (1 + 0) / 4,
    'd1 has no judged nonrelevant above (1); d3 has d2 above: 1 − 1/min(1, 4) = 0',
  ],
  ['recip_rank', 1 / 2, 'first relevant at rank 2'],
  ['iprec_at_recall_0.00', 1 / 2, 'max precision at or after recall 0 = max(1/2, 2/4, 2/5)'],
  [
    'iprec_at_recall_0.60',
    1 / 2,
    'round(0.6 × 4) = 2 relevant: best precision from rank 4 on = 2/4',
  ],
  ['iprec_at_recall_0.70', 0, 'round(0.7 × 4) = 3 relevant never reached'],
  ['P_5', 2 / 5, ''],
  ['P_10', 2 / 10, 'missing ranks count as nonrelevant'],
  ['recall_5', 2 / 4, ''],
  [
    'infAP',
    (1 / 2 + (1 / 4 + (3 / 4) * (2 / 3) * ((1 + 1e-5) / (2 + 2e-5)))) / 4,
    'Yilmaz–Aslam at ranks 2 and 4',
  ],
  ['Rprec_mult_0.20', 0, 'trunc(0.2 × 4 + 0.9) = 1 document: dA, nonrelevant'],
  ['Rprec_mult_1.00', 2 / 4, 'trunc(4.9) = 4 documents'],
  ['Rprec_mult_2.00', 2 / 8, 'trunc(8.9) = 8 > 5 retrieved: 2 relevant over 8'],
  ['utility', 2 - 3, 'relevant retrieved − nonrelevant retrieved'],
  ['11pt_avg', (7 * 0.5) / 11, 'iprec is 0.5 at recall 0.0 … 0.6 and 0 at 0.7 … 1.0'],
  [
    'binG',
    (1 / L(3 + 1 - 1) + 1 / L(3 + 3 - 2)) / 4,
    '1/log2(2 + nonrelevant above) at each relevant',
  ],
  [
    'G',
    (2 / L(2 + 5 - 2) + 1 / L(2 + 7 - 3)) / 7,
    'ideal cost 3,5,6,7 vs gain so far 0,2,2,3; over ideal sum 7',
  ],
  ['ndcg', DCG / IDCG, 'linear gains, log2(rank + 1) discount, ideal from all judged docs'],
  ['ndcg_cut_3', 2 / L(3) / (3 + 2 / L(3) + 1 / L(4)), 'top 3 of ranking and of ideal'],
  [
    'ndcg_rel',
    (2 / L(3) / (3 + 2 / L(3)) + DCG / IDCG + 2 * (DCG / IDCG)) / 4,
    'nDCG at each relevant, the 2 unretrieved at the end value',
  ],
  [
    'Rndcg',
    (0 + 2 / L(3) / (3 + 2 / L(3)) + DCG / IDCG) / 3,
    'nDCG where the ideal gain drops 3→2, 2→1, 1→0',
  ],
  ['relative_P_5', 2 / Math.min(5, 4), ''],
  ['success_1', 0, ''],
  ['success_5', 1, ''],
  ['set_P', 2 / 5, ''],
  ['set_relative_P', 2 / Math.min(5, 4), ''],
  ['set_recall', 2 / 4, ''],
  ['set_map', (2 * 2) / (5 * 4), ''],
  ['set_F', (2 * 0.4 * 0.5) / (0.4 + 0.5), 'harmonic mean of set P and set recall'],
  [
    'rbp',
    0.1 * ((2 / 3) * 0.9 + (1 / 3) * 0.9 ** 3),
    'gains scaled by the top level 3, persistence 0.9',
  ],
  [
    'rbp_resid',
    0.9 ** 5 + 0.1 * (1 + 0.9 ** 4),
    'weight past rank 5 plus the unjudged ranks 1 and 5',
  ],
  ['unj_5', 2 / 5, 'dA (not in qrels) and d5 (unjudged)'],
  ['unj_20', 2 / 20, ''],
  // Friendly names used by suites.
  ['ndcg@3', 2 / L(3) / (3 + 2 / L(3) + 1 / L(4)), 'same as ndcg_cut_3'],
  ['recall@2', 1 / 4, ''],
  ['mrr@10', 1 / 2, ''],
  ['mrr@1', 0, 'the first relevant is at rank 2, outside the cutoff'],
  ['map@2', 1 / 2 / 4, ''],
  ['p@2', 1 / 2, ''],
  ['precision@10', 2 / 10, ''],
  ['success@2', 1, ''],
];

describe('measures on a hand-computed query', () => {
  it.each(HAND)('%s = %d  (%s)', (metric, expected) => {
    expect(score(metric)).toBeCloseTo(expected, 12);
  });

  it('prints relstring and the geometric means as trec_eval does', () => {
    const out = runTrecEval(qrels, run, {
      perQuery: true,
      measures: ['relstring', 'gm_map', 'gm_bpref'],
    });
    expect(out).toBe(
      [
        `relstring             \tq1\t'-201.'`, // - not in pool, . pooled but unjudged
        'gm_map                \tall\t0.2500', // exp(log(0.25)) over one query
        'gm_bpref              \tall\t0.2500',
        '',
      ].join('\n'),
    );
  });
});

describe('ranking ties (trec_eval: score descending, then docid descending by bytes)', () => {
  const judged = parseQrels(['t 0 a 1', 't 0 10 1', 't 0 B 1'].join('\n'), 'q.txt');

  it('breaks equal scores by document id descending, ignoring the rank column', () => {
    // Equal scores: c > b > a, so a is ranked third even though its rank column says 1.
    const r = parseRun(['t Q0 a 1 1.0 x', 't Q0 b 2 1 x', 't Q0 c 3 1.00 x'].join('\n'), 'r.txt');
    expect(perQueryScores(judged, r, 'recip_rank').get('t')).toBe(1 / 3);
  });

  it('compares bytes, not numbers or locale: "a" > "B" and "9" > "10"', () => {
    const r1 = parseRun(['t Q0 B 1 2 x', 't Q0 a 2 2 x'].join('\n'), 'r.txt');
    // a (0x61) sorts above B (0x42): a is ranked first, and both are relevant.
    expect(runTrecEval(judged, r1, { perQuery: true, measures: ['relstring'] })).toContain(`'11'`);
    const r2 = parseRun(['t Q0 10 1 2 x', 't Q0 9 2 2 x'].join('\n'), 'r.txt');
    // "9" > "10" as strings: the nonrelevant 9 comes first, so the relevant 10 is at rank 2.
    expect(perQueryScores(judged, r2, 'recip_rank').get('t')).toBe(1 / 2);
  });

  it('orders characters beyond the BMP after U+FFFF, like strcmp on UTF-8', () => {
    expect(compareBytes('\uffff', '\u{10000}')).toBeLessThan(0);
    expect('\uffff' < '\u{10000}').toBe(false); // what plain JavaScript comparison would get wrong
    expect(compareBytes('ab', 'a')).toBeGreaterThan(0);
    expect(compareBytes('a', 'a')).toBe(0);
  });

  it('ranks a higher score first whatever the ids', () => {
    const r = parseRun(['t Q0 z 1 0.5 x', 't Q0 a 2 0.7 x'].join('\n'), 'r.txt');
    expect(perQueryScores(judged, r, 'recip_rank').get('t')).toBe(1);
  });
});

describe('rankOrder (the fast path) against the obvious comparator sort', () => {
  /** The definition: score descending, then document id descending by bytes. */
  function oracle(docids: string[], scores: number[]): number[] {
    return docids
      .map((_, i) => i)
      .sort((i, j) =>
        scores[i]! > scores[j]!
          ? -1
          : scores[i]! < scores[j]!
            ? 1
            : compareBytes(docids[j]!, docids[i]!),
      );
  }

  it('agrees on random runs with heavy ties, signed zeros, infinities and non-BMP ids', () => {
    const rng = new Rng(17);
    const alphabet = ['a', 'B', '9', '10', '\uffff', '\u{10000}', 'é', ''];
    const specials = [0, -0, Infinity, -Infinity, 1e-300];
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + rng.int(60);
      const ids = new Set<string>();
      while (ids.size < n)
        ids.add(
          Array.from({ length: 1 + rng.int(3) }, () => alphabet[rng.int(alphabet.length)]).join(
            '',
          ) + 'x',
        );
      const docids = [...ids];
      const scores = docids.map(() =>
        rng.int(5) === 0 ? specials[rng.int(specials.length)]! : rng.int(4) / 4,
      );
      expect([...rankOrder({ docids, scores })]).toEqual(oracle(docids, scores));
    }
  });
});
