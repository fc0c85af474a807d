/**
 * Exact merge of top-k lists computed over disjoint slices of one corpus (shards): the best
 * k of the union by knn's own ranking rule (score descending, id descending, row ascending),
 * so the merged list is the list one search over the whole corpus returns — provided each
 * slice's list holds its own best min(k, slice rows) and rows are the corpus's own numbers.
 */
import { byRank, type KnnHit, type KnnResult } from './knn-select.js';

/** The best `k` of every list's hits, best first. Order of the lists does not matter. */
export function mergeTopK(lists: readonly (readonly KnnHit[])[], k: number): KnnHit[] {
  return lists.flat().sort(byRank).slice(0, k);
}

/**
 * Merges searches of the same queries over disjoint corpus slices into the search of the
 * whole corpus. Throws RangeError when they are not searches of the same queries, k and
 * metric (a caller checks that first, and says which file differs).
 */
export function mergeKnnResults(results: readonly KnnResult[]): KnnResult {
  const first = results[0];
  if (!first) throw new RangeError('nothing to merge');
  for (const r of results) {
    if (
      r.k !== first.k ||
      r.metric !== first.metric ||
      r.dims !== first.dims ||
      r.queryIds.length !== first.queryIds.length ||
      r.queryIds.some((id, i) => id !== first.queryIds[i])
    )
      throw new RangeError('results of different queries, k, metric or dims cannot be merged');
  }
  const sum = (pick: (s: KnnResult['stats']) => number) =>
    results.reduce((t, r) => t + pick(r.stats), 0);
  return {
    metric: first.metric,
    k: first.k,
    dims: first.dims,
    queryIds: first.queryIds,
    hits: first.queryIds.map((_, q) =>
      mergeTopK(
        results.map((r) => r.hits[q]!),
        first.k,
      ),
    ),
    stats: {
      corpusRows: sum((s) => s.corpusRows),
      blocks: sum((s) => s.blocks),
      runs: sum((s) => s.runs),
      exactScores: sum((s) => s.exactScores),
      fullRescans: sum((s) => s.fullRescans),
    },
  };
}
