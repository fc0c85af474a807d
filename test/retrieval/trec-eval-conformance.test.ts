/**
 * Conformance with trec_eval 10 on its own test cases (test/fixtures/trec_eval, copied
 * unchanged from usnistgov/trec_eval): every line we print must be trec_eval's line, and
 * every measure we claim must be present in trec_eval's output, so none goes unchecked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_BY_NAME } from '../../src/retrieval/measures.js';
import { parseQrels } from '../../src/retrieval/qrels.js';
import { parseRun } from '../../src/retrieval/run-file.js';
import { parseMeasureRequests, runTrecEval } from '../../src/retrieval/trec-eval.js';

const DIR = join(import.meta.dirname, '../fixtures/trec_eval');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const run = parseRun(read('results.test'), 'results.test');

/** The family a printed measure name belongs to (P_5 → P), or undefined if unsupported. */
function familyOf(name: string): string | undefined {
  if (['runid', 'num_q', 'relstring'].includes(name) || FAMILY_BY_NAME.has(name)) return name;
  const m = /^(.+)_(\d+(?:\.\d+)?)$/.exec(name);
  return m && FAMILY_BY_NAME.get(m[1]!)?.cutoffs ? m[1] : undefined;
}

const SUPPORTED = [...parseMeasureRequests([]).keys()];
const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

const CASES = [
  { qrels: 'qrels.test', expected: 'out.test.a', perQuery: false },
  { qrels: 'qrels.test', expected: 'out.test.aq', perQuery: true },
  { qrels: 'qrels.rel_level', expected: 'out.rel_level.a', perQuery: false },
  { qrels: 'qrels.rel_level', expected: 'out.rel_level.aq', perQuery: true },
];

describe.each(CASES)('trec_eval $expected', ({ qrels, expected, perQuery }) => {
  const judged = parseQrels(read(qrels), qrels);
  const reference = lines(read(expected));
  const ours = lines(runTrecEval(judged, run, { perQuery }));
  const supportedReference = reference.filter(
    (l) => familyOf(l.split('\t')[0]!.trim()) !== undefined,
  );

  it('prints exactly trec_eval’s lines for the supported measures, in its order', () => {
    expect(ours).toEqual(supportedReference);
    // Counted for the record: every line of trec_eval's output is a supported measure.
    expect(ours.length).toBe(reference.length);
  });

  it('has every supported measure in trec_eval’s output', () => {
    const present = new Set(reference.map((l) => familyOf(l.split('\t')[0]!.trim())));
    // relstring has no summary line: trec_eval prints it only per query.
    const printable = perQuery ? SUPPORTED : SUPPORTED.filter((m) => m !== 'relstring');
    expect(printable.filter((m) => !present.has(m))).toEqual([]);
  });

  it('matches trec_eval when measures are picked with -m', () => {
    const picks: [string[], (name: string) => boolean][] = [
      [['P.5,10'], (n) => n === 'P_5' || n === 'P_10'],
      [['ndcg_cut', 'map'], (n) => n.startsWith('ndcg_cut_') || n === 'map'],
      [
        ['official'],
        (n) =>
          [
            'runid',
            'num_q',
            'num_ret',
            'num_rel',
            'num_rel_ret',
            'map',
            'gm_map',
            'Rprec',
            'bpref',
            'recip_rank',
          ].includes(n) || /^(iprec_at_recall|P)_/.test(n),
      ],
      [
        ['iprec_at_recall.0.5', 'success_10'],
        (n) => n === 'iprec_at_recall_0.50' || n === 'success_10',
      ],
    ];
    for (const [measures, keep] of picks) {
      const got = lines(runTrecEval(judged, run, { perQuery, measures }));
      expect(got, measures.join(' ')).toEqual(
        reference.filter((l) => keep(l.split('\t')[0]!.trim())),
      );
    }
  });
});
