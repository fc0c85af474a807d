/**
 * The benchmarks' exact kNN passes, split by corpus rows over the shards of `check`. Each
 * shard runs the benchmark step with a search that retrieves from its slice of every corpus
 * only, and records each pass's top-k lists (rows numbered as in the whole corpus); the merge
 * runs the benchmark step once more, with a search that answers each pass from the merged
 * lists (retrieval/topk-merge.ts: exact) — so trec_eval's measures, the statistics and the
 * findings are computed once, on the very lists one machine computes.
 *
 * A shard's pass is best effort: when it fails (an unreadable corpus, mismatched dims), when
 * a shard has no entry for it, or when its scores would not survive JSON (non-finite, −0), the
 * merge runs that pass whole, the single run's way — so its error, if any, is the single
 * run's error, with the single run's message.
 */
import { relative } from 'node:path';
import { redactUrl, URL_LIKE } from '../config/paths.js';
import type { VectorsRef } from '../config/vocabulary.js';
import type { OrtModule } from '../onnx/session.js';
import { exactKnn, readQueries, type KnnMetric, type KnnResult } from '../retrieval/knn.js';
import { mergeKnnResults } from '../retrieval/topk-merge.js';
import { rowSlice, sliceSource, type RowSlice, type ShardSpec } from '../vectors/row-slice.js';
import type { OpenOptions, VectorSource } from '../vectors/types.js';
import { canonicalJson } from './partial.js';

/** One kNN pass of a suite: every query's top k in the corpus, by the metric. */
export type BenchmarkSearch = (
  queries: VectorsRef,
  corpus: VectorsRef,
  k: number,
  metric: KnnMetric,
  /** Told the corpus rows scored so far, of the total when known (the progress line). */
  tell?: (done: number, total?: number) => void,
) => Promise<KnnResult>;

/** Opens a vectors reference, as the engine's `openVectors` does. */
type Open = (path: string, opts: OpenOptions) => Promise<VectorSource>;

/** What a shard recorded of one pass. */
export interface BenchKnnPartial {
  /** The pass ({@link passKey}): queries, corpus, k and metric, paths relative to the workspace. */
  readonly key: string;
  readonly slice?: RowSlice;
  /** The slice's top k of every query, rows numbered as in the whole corpus. */
  readonly result?: KnnResult;
  /** Why this shard has no lists for the pass (the merge then runs it whole). */
  readonly failed?: string;
}

/**
 * The search the single run does: every query of `queries` against the whole `corpus`
 * (streamed once; when `shard` is given, only that shard's rows of it, numbered and named
 * as in the whole corpus).
 */
export function corpusSearch(
  open: Open,
  ort: (() => Promise<OrtModule>) | undefined,
  shard?: ShardSpec,
): BenchmarkSearch & { readonly slices?: Map<VectorsRef, RowSlice> } {
  const slices = new Map<VectorsRef, RowSlice>();
  const search: BenchmarkSearch = async (queriesRef, corpusRef, k, metric, tell) => {
    const querySource = await open(queriesRef.path, queriesRef.open);
    let queries;
    try {
      queries = await readQueries(querySource);
    } finally {
      await querySource.close();
    }
    const whole = await open(corpusRef.path, corpusRef.open);
    const slice = shard && rowSlice(shard, whole.info.rows);
    const corpus = slice ? sliceSource(whole, slice, false, { rowNumberIds: true }) : undefined;
    if (slice) slices.set(corpusRef, slice);
    try {
      const searched = corpus ?? whole;
      const result = await exactKnn({
        queries,
        corpus: searched,
        k,
        metric,
        ...(ort && { ort: await ort() }),
        ...(tell && { onBlock: (rows: number) => tell(rows, searched.info.rows) }),
      });
      if (!corpus) return result;
      return {
        ...result,
        hits: result.hits.map((list) =>
          list.map((h) => ({ id: h.id, row: corpus.globalRow(h.row), score: h.score })),
        ),
      };
    } finally {
      await whole.close();
    }
  };
  return Object.assign(search, shard ? { slices } : {});
}

/**
 * A path as the key names it: relative to the workspace (the shards' and the merge's may
 * differ); a URL without its credentials (a partial is an artifact others read).
 */
function portable(path: string, workspace: string): string {
  return URL_LIKE.test(path) ? redactUrl(path) : relative(workspace, path) || '.';
}

/** The pass's identity, the same on every machine of the run. */
export function passKey(
  queries: VectorsRef,
  corpus: VectorsRef,
  k: number,
  metric: KnnMetric,
  workspace: string,
): string {
  const ref = (r: VectorsRef) => ({
    path: portable(r.path, workspace),
    open: {
      ...r.open,
      ...(r.open.idsPath !== undefined && { idsPath: portable(r.open.idsPath, workspace) }),
      ...(r.open.parts && { parts: r.open.parts.map((p) => portable(p, workspace)) }),
    },
  });
  return canonicalJson({ queries: ref(queries), corpus: ref(corpus), k, metric });
}

/** Lists that JSON carries exactly: finite scores, no −0 (JSON writes it as 0). */
function survivesJson(result: KnnResult): boolean {
  return result.hits.every((list) =>
    list.every((h) => Number.isFinite(h.score) && !Object.is(h.score, -0)),
  );
}

/**
 * A shard's search: `search` (a {@link corpusSearch} of the shard) whose every pass is
 * recorded in `record`, once per pass. Errors are recorded and thrown on, as the single run
 * would see them.
 */
export function recordingSearch(
  search: ReturnType<typeof corpusSearch>,
  workspace: string,
  record: BenchKnnPartial[],
): BenchmarkSearch {
  const seen = new Set<string>();
  return async (queries, corpus, k, metric, tell) => {
    const key = passKey(queries, corpus, k, metric, workspace);
    const first = !seen.has(key);
    seen.add(key);
    try {
      const result = await search(queries, corpus, k, metric, tell);
      const slice = search.slices?.get(corpus);
      if (first)
        record.push(
          survivesJson(result)
            ? { key, ...(slice && { slice }), result }
            : { key, failed: 'a score JSON cannot carry (non-finite or −0)' },
        );
      return result;
    } catch (err) {
      if (first) record.push({ key, failed: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
}

/** The merged lists of one pass, or undefined when a shard has none for it. */
function mergedPass(entries: readonly (BenchKnnPartial | undefined)[]): KnnResult | undefined {
  const results: KnnResult[] = [];
  for (const e of entries) {
    const r = e?.result;
    if (!r || e.failed !== undefined || !Array.isArray(r.hits) || !Array.isArray(r.queryIds))
      return undefined;
    results.push(r);
  }
  try {
    return results.length > 0 ? mergeKnnResults(results) : undefined;
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}

/**
 * The merge's search: each pass from the shards' lists (`shards`, in shard order, each the
 * `knn` entries of one partial), merged exactly; a pass any shard lacks runs whole with
 * `whole`. `used` counts what was answered how (for the log).
 */
export function mergedSearch(
  shards: readonly (readonly BenchKnnPartial[] | undefined)[],
  workspace: string,
  whole: BenchmarkSearch,
  used: { merged: number; whole: number } = { merged: 0, whole: 0 },
): BenchmarkSearch {
  const indexed = shards.map((entries) => new Map((entries ?? []).map((e) => [e.key, e])));
  const cache = new Map<string, KnnResult | undefined>();
  return async (queries, corpus, k, metric, tell) => {
    const key = passKey(queries, corpus, k, metric, workspace);
    if (!cache.has(key)) cache.set(key, mergedPass(indexed.map((m) => m.get(key))));
    const merged = cache.get(key);
    if (merged) {
      used.merged++;
      return merged;
    }
    used.whole++;
    return whole(queries, corpus, k, metric, tell);
  };
}
