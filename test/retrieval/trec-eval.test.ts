/** runTrecEval's options (-q, -c, -m) and its number formatting. */
import { describe, expect, it } from 'vitest';
import { formatFixed } from '../../src/retrieval/c-format.js';
import { EvaluationError, UnknownMetricError } from '../../src/retrieval/errors.js';
import { parseQrels } from '../../src/retrieval/qrels.js';
import { parseRun } from '../../src/retrieval/run-file.js';
import { parseMeasureRequests, runTrecEval } from '../../src/retrieval/trec-eval.js';

// Query "9" has one relevant doc at rank 1; "10" has its relevant doc at rank 2;
// "11" is judged but absent from the run; "77" is in the run but not judged.
const qrels = parseQrels(['9 0 a 1', '10 0 b 1', '10 0 c 0', '11 0 d 1'].join('\n'), 'q.txt');
const run = parseRun(
  ['9 Q0 a 1 3 sys', '10 Q0 c 1 3 sys', '10 Q0 b 2 2 sys', '77 Q0 z 1 9 sys'].join('\n'),
  'r.txt',
);

describe('runTrecEval', () => {
  it('prints -q blocks in byte order of query id ("10" before "9"), then the summary', () => {
    const out = runTrecEval(qrels, run, {
      perQuery: true,
      measures: ['recip_rank', 'num_ret', 'runid', 'num_q'],
    });
    expect(out).toBe(
      [
        'num_ret               \t10\t2',
        'recip_rank            \t10\t0.5000',
        'num_ret               \t9\t1',
        'recip_rank            \t9\t1.0000',
        'runid                 \tall\tsys',
        'num_q                 \tall\t2', // 11 has no results and 77 no judgments: both ignored
        'num_ret               \tall\t3', // counts are summed
        'recip_rank            \tall\t0.7500', // (0.5 + 1) / 2
        '',
      ].join('\n'),
    );
  });

  it('-c averages over every judged query, a missing one scoring 0 (and printed with -q)', () => {
    const out = runTrecEval(qrels, run, {
      perQuery: true,
      complete: true,
      measures: ['recip_rank', 'num_q', 'num_rel'],
    });
    expect(out).toContain('recip_rank            \t11\t0.0000');
    expect(out).toContain('num_rel               \t11\t1');
    expect(out).toContain('num_q                 \tall\t3');
    expect(out).toContain('recip_rank            \tall\t0.5000'); // (0.5 + 1 + 0) / 3
    expect(out).toContain('num_rel               \tall\t3');
  });

  it('pads long measure names no further and prints negative means', () => {
    const out = runTrecEval(qrels, run, { measures: ['num_nonrel_judged_ret', 'utility'] });
    // Table order, not request order; utility = relevant − nonrelevant retrieved: (1 + 0) / 2.
    expect(out).toBe('utility               \tall\t0.5000\nnum_nonrel_judged_ret \tall\t1\n');
    const bad = parseRun('9 Q0 x 1 3 s\n9 Q0 y 1 2 s\n10 Q0 z 1 1 s\n', 'r.txt');
    expect(runTrecEval(qrels, bad, { measures: ['utility'] })).toBe(
      'utility               \tall\t-1.5000\n',
    );
  });

  it('fails with a typed error when no query is both judged and retrieved', () => {
    const other = parseRun('500 Q0 a 1 1 s\n', 'r.txt');
    expect(() => runTrecEval(qrels, other)).toThrow(EvaluationError);
  });
});

describe('-m measure requests', () => {
  it('accepts families, cutoffs, expanded names and nicknames', () => {
    expect([...parseMeasureRequests(['P.10,5', 'P_20', 'ndcg_cut', 'set'])]).toEqual([
      ['P', [5, 10, 20]],
      ['ndcg_cut', undefined],
      ['runid', undefined],
      ['num_q', undefined],
      ['num_ret', undefined],
      ['num_rel', undefined],
      ['num_rel_ret', undefined],
      ['utility', undefined],
      ['set_P', undefined],
      ['set_recall', undefined],
      ['set_relative_P', undefined],
      ['set_map', undefined],
      ['set_F', undefined],
    ]);
    expect(runTrecEval(qrels, run, { measures: ['iprec_at_recall.0.5,1'] })).toBe(
      // One relevant doc per query, found at rank 1 (9) and rank 2 (10): (1 + 0.5) / 2 at both levels.
      'iprec_at_recall_0.50  \tall\t0.7500\niprec_at_recall_1.00  \tall\t0.7500\n',
    );
  });

  it.each([
    ['ndcg_foo', 'unknown metric "ndcg_foo"; valid forms:'],
    ['P.0', 'cutoffs of P must be positive integers, found "0"'],
    ['P.5,x', 'found "x"'],
    ['ndcg.1=3', 'ndcg takes no parameters here'],
    ['map_5', 'unknown metric "map_5"'],
  ])('rejects %s with UnknownMetricError', (arg, message) => {
    expect(() => parseMeasureRequests([arg])).toThrow(UnknownMetricError);
    expect(() => parseMeasureRequests([arg])).toThrow(message);
  });
});

describe('formatFixed (C printf %.Nf)', () => {
  it.each([
    [0.03125, 4, '0.0312'], // exact tie: glibc rounds to even, toFixed would give 0.0313
    [0.09375, 4, '0.0938'], // exact tie rounding up to even
    [2.5, 0, '2'],
    [1 / 3, 4, '0.3333'],
    [-412.6666666666667, 4, '-412.6667'],
    [-1e-9, 4, '-0.0000'],
    [-0, 4, '-0.0000'],
    [0.00015, 4, '0.0001'], // not a tie: the double is 0.000149999…
  ])('formats %d with %d decimals as %s', (x, digits, expected) => {
    expect(formatFixed(x, digits)).toBe(expected);
  });
});
