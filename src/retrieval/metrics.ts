/**
 * Per-query scores for the gate: one metric, named the way suites name them (`ndcg@10`,
 * `recall@100`, `mrr@10`) or the way trec_eval does (`ndcg_cut_10`, `P_5`, `map`).
 */
import { UnknownMetricError } from './errors.js';
import { FAMILY_BY_NAME, type MeasureFamily } from './measures.js';
import type { Qrels } from './qrels.js';
import { compareBytes, judgeRanking, RELEVANCE_LEVEL, type JudgedRanking } from './ranking.js';
import type { Run } from './run-file.js';

/** The forms {@link parseMetric} accepts, for error messages and documentation. */
export const METRIC_FORMS: readonly string[] = [
  'ndcg@k',
  'recall@k',
  'mrr@k',
  'map@k',
  'precision@k (or p@k)',
  'success@k',
  'ndcg',
  'map',
  'mrr',
  'a trec_eval name: P_k, recall_k, ndcg_cut_k, map_cut_k, success_k, relative_P_k, iprec_at_recall_0.50, Rprec_mult_1.00, map, ndcg, Rprec, recip_rank, bpref, infAP, ...',
];

/** A parsed metric: a compute function over one query's judged ranking. */
export interface Metric {
  /** The name as the user wrote it. */
  readonly name: string;
  readonly score: (r: JudgedRanking) => number;
  /** The rank cutoff (`@10` → 10): how deep a run must be for the score to be exact. */
  readonly depth?: number;
}

/** `@k` friendly names → trec_eval family with cutoff k. */
/** The contract spelling `name@k` of trec_eval's cutoff families (`ndcg@10` is `ndcg_cut.10`). */
export const FRIENDLY_CUTOFF: Readonly<Record<string, string>> = {
  ndcg: 'ndcg_cut',
  recall: 'recall',
  map: 'map_cut',
  precision: 'P',
  p: 'P',
  success: 'success',
};
/** Contract names of trec_eval measures without a cutoff (`mrr` is `recip_rank`). */
export const FRIENDLY_PLAIN: Readonly<Record<string, string>> = {
  ndcg: 'ndcg',
  map: 'map',
  mrr: 'recip_rank',
};

/** Reciprocal rank of the first relevant document within the top `k`, else 0. */
function reciprocalRankAt(r: JudgedRanking, k: number): number {
  for (let i = 0; i < Math.min(k, r.numRet); i++)
    if (r.rels[i]! >= RELEVANCE_LEVEL) return 1 / (i + 1);
  return 0;
}

function fromFamily(name: string, family: MeasureFamily, cutoff?: number): Metric {
  if (!family.perQuery) {
    throw new UnknownMetricError(
      name,
      METRIC_FORMS,
      `${family.name} is only defined over all queries`,
    );
  }
  if (family.cutoffs && cutoff === undefined) {
    throw new UnknownMetricError(
      name,
      METRIC_FORMS,
      `${family.name} needs a cutoff, e.g. ${family.name}_${family.cutoffs.defaults[1]}`,
    );
  }
  const cutoffs = cutoff === undefined ? [] : [cutoff];
  const depth = cutoff !== undefined && family.cutoffs?.kind === 'rank' ? { depth: cutoff } : {};
  return { name, score: (r) => family.compute(r, cutoffs)[0]!, ...depth };
}

function parseCutoff(name: string, text: string, kind: 'rank' | 'fraction'): number {
  const k = Number(text);
  if (kind === 'rank' && !(Number.isInteger(k) && k > 0)) {
    throw new UnknownMetricError(
      name,
      METRIC_FORMS,
      `the cutoff must be a positive integer, found ${JSON.stringify(text)}`,
    );
  }
  return k;
}

/**
 * Parses a metric name. Friendly names are case-insensitive; trec_eval names are not
 * (`Rprec`, `P_5`), as in trec_eval.
 *
 * @throws UnknownMetricError listing the valid forms.
 */
export function parseMetric(name: string): Metric {
  const friendly = /^([a-z]+)@(.+)$/i.exec(name.trim());
  if (friendly) {
    const head = friendly[1]!.toLowerCase();
    if (head === 'mrr') {
      const k = parseCutoff(name, friendly[2]!, 'rank');
      return { name, score: (r) => reciprocalRankAt(r, k), depth: k };
    }
    const familyName = FRIENDLY_CUTOFF[head];
    if (!familyName) throw new UnknownMetricError(name, METRIC_FORMS);
    return fromFamily(
      name,
      FAMILY_BY_NAME.get(familyName)!,
      parseCutoff(name, friendly[2]!, 'rank'),
    );
  }
  const plain = FRIENDLY_PLAIN[name.trim().toLowerCase()];
  if (plain) return fromFamily(name, FAMILY_BY_NAME.get(plain)!);
  const family = FAMILY_BY_NAME.get(name);
  if (family) return fromFamily(name, family);
  const expanded = /^(.+)_(\d+(?:\.\d+)?)$/.exec(name);
  const cutFamily = expanded ? FAMILY_BY_NAME.get(expanded[1]!) : undefined;
  if (expanded && cutFamily?.cutoffs) {
    return fromFamily(name, cutFamily, parseCutoff(name, expanded[2]!, cutFamily.cutoffs.kind));
  }
  throw new UnknownMetricError(name, METRIC_FORMS);
}

/**
 * One score per judged query, for the gate. Every query of the qrels is scored (trec_eval
 * -c semantics: a query the run did not answer scores 0); queries only in the run are
 * ignored. The map iterates queries in byte order of their ids.
 *
 * @throws UnknownMetricError, and the errors of judgeRanking for a malformed run.
 */
export function perQueryScores(
  qrels: Qrels,
  run: Run,
  metric: string | Metric,
): Map<string, number> {
  return perQueryScoresMany(qrels, run, [metric]).values().next().value!;
}

/**
 * {@link perQueryScores} for several metrics at once, ranking each query only once.
 * Keyed by the metric names as given, in the order given.
 */
export function perQueryScoresMany(
  qrels: Qrels,
  run: Run,
  metrics: readonly (string | Metric)[],
): Map<string, Map<string, number>> {
  const parsed = metrics.map((m) => (typeof m === 'string' ? parseMetric(m) : m));
  const out = new Map(parsed.map((m) => [m.name, new Map<string, number>()]));
  for (const qid of [...qrels.queries.keys()].sort(compareBytes)) {
    const r = judgeRanking(qid, qrels.queries.get(qid), run.queries.get(qid), run.file);
    for (const m of parsed) out.get(m.name)!.set(qid, m.score(r));
  }
  return out;
}
