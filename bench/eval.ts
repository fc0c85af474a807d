/**
 * Times the IR evaluation on a synthetic run of 10,000 queries × 1,000 documents with
 * graded judgments: every trec_eval measure (as `runTrecEval` without -q), then the gate's
 * single metric (`perQueryScores(..., 'ndcg@10')`). Run with `npx tsx bench/eval.ts`.
 */
import { perQueryScores } from '../src/retrieval/metrics.js';
import type { Qrels } from '../src/retrieval/qrels.js';
import type { RankedDocs, Run } from '../src/retrieval/run-file.js';
import { Rng } from '../src/retrieval/stats.js';
import { runTrecEval } from '../src/retrieval/trec-eval.js';

const QUERIES = 10_000;
const DOCS_PER_QUERY = 1_000;
const CORPUS = 200_000;
const JUDGED_RETRIEVED = 15;
const JUDGED_MISSED = 10;

function synthetic(seed: number): { qrels: Qrels; run: Run } {
  const rng = new Rng(seed);
  // Shared id strings, as a real corpus would have, so memory goes to the run itself.
  const corpus = Array.from({ length: CORPUS }, (_, i) => `doc${String(i).padStart(6, '0')}`);
  const queries = new Map<string, RankedDocs>();
  const judged = new Map<string, Map<string, number>>();
  for (let q = 0; q < QUERIES; q++) {
    const qid = `q${q}`;
    const start = rng.int(CORPUS - DOCS_PER_QUERY);
    const docids = corpus.slice(start, start + DOCS_PER_QUERY);
    // Six decimals, as run files usually print them: occasional ties exercise the docid tie-break.
    const scores = Float64Array.from(
      { length: DOCS_PER_QUERY },
      () => Math.round(rng.float() * 1e6) / 1e6,
    );
    queries.set(qid, { docids, scores });
    const j = new Map<string, number>();
    for (let k = 0; k < JUDGED_RETRIEVED; k++) j.set(docids[rng.int(DOCS_PER_QUERY)]!, rng.int(4));
    for (let k = 0; k < JUDGED_MISSED; k++) j.set(corpus[rng.int(CORPUS)]!, 1 + rng.int(3));
    judged.set(qid, j);
  }
  return { qrels: { format: 'trec', queries: judged }, run: { runId: 'synthetic', queries } };
}

function timed<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const result = fn();
  return [result, Number(process.hrtime.bigint() - t0) / 1e9];
}

const [{ qrels, run }, buildSeconds] = timed(() => synthetic(1));
console.log(
  `synthetic run: ${QUERIES} queries × ${DOCS_PER_QUERY} docs (built in ${buildSeconds.toFixed(2)} s)`,
);

const [report, allSeconds] = timed(() => runTrecEval(qrels, run));
console.log(
  `runTrecEval, all ${report.split('\n').length - 1} summary lines: ${allSeconds.toFixed(2)} s`,
);

const [scores, ndcgSeconds] = timed(() => perQueryScores(qrels, run, 'ndcg@10'));
const mean = [...scores.values()].reduce((a, b) => a + b, 0) / scores.size;
console.log(`perQueryScores ndcg@10 (mean ${mean.toFixed(4)}): ${ndcgSeconds.toFixed(2)} s`);
