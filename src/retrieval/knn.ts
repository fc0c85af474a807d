/**
 * Exact (brute-force) k-nearest-neighbour search on the CPU with onnxruntime.
 *
 * The corpus is streamed in blocks of `blockRows` rows; each block is scored against
 * chunks of queries by a small ONNX graph (float32 Gemm + TopK, see knn-graph.ts). Those
 * scores screen: every row whose score could, within a rigorous float32 error bound,
 * reach a query's top k is re-scored exactly (float64, knn-exact.ts) and merged into the
 * query's running top-k. Memory is bounded by the block and the chunk × block score
 * matrix, never by queries × corpus.
 *
 * Scores (higher is better, for every metric, as a TREC run needs), computed in float64
 * from the input values and rounded to float32:
 * - `cosine`: q·c / (‖q‖‖c‖), both sides normalised; a zero vector scores 0.
 * - `dot`:    q·c, raw.
 * - `l2`:     −‖q − c‖² (negated squared Euclidean distance), so the nearest row scores highest.
 * Equal scores are ranked by document id descending (trec_eval's rule). The answer is
 * exact under ties and independent of block size, threads and CPU: when a block's TopK
 * cut falls too close to call, the block is scored in full for the queries concerned.
 * Vectors must be finite (NaN or ±∞ rows may be missed); the vectors checks report them.
 */
import { createSession, loadOrt, type OrtModule, type OrtSession } from '../onnx/session.js';
import type { VectorSource, VectorValues } from '../vectors/types.js';
import {
  buildKnnModel,
  buildScoresModel,
  KNN_IO,
  type KnnDType,
  type KnnMetric,
} from './knn-graph.js';
import {
  checkQueries,
  KnnInputError,
  knnDType,
  prepareQueries,
  type KnnQueries,
} from './knn-input.js';
import { ExactScorer, screeningInterval } from './knn-exact.js';
import { TopKList, type KnnHit, type KnnResult } from './knn-select.js';

export type { KnnDType, KnnMetric } from './knn-graph.js';
export { KnnInputError, readQueries, type KnnInputProblem, type KnnQueries } from './knn-input.js';
export { compareIds, type KnnHit, type KnnResult, type KnnStats } from './knn-select.js';
export { formatScore, trecRunLines, writeTrecRun } from './knn-trec.js';

/** Corpus rows per block unless told otherwise (measured: 8k–64k run equally fast). */
export const DEFAULT_BLOCK_ROWS = 16_384;
/** Bytes the float32 score matrix of one query chunk × one block may take. */
export const SCORE_BUDGET_BYTES = 128 << 20;
/** Extra rows TopK returns per block, so small groups of near-equal scores need no full re-score. */
export const DEFAULT_TIE_SLACK = 16;

/** What {@link exactKnn} searches, and how. */
export interface KnnOptions {
  readonly queries: KnnQueries;
  /** Streamed once; its dims and dtype must equal the queries'. */
  readonly corpus: VectorSource;
  /** Neighbours per query (fewer when the corpus is smaller). */
  readonly k: number;
  readonly metric: KnnMetric;
  /**
   * Most corpus rows scored per run (default {@link DEFAULT_BLOCK_ROWS}); when the corpus
   * size is known, blocks are evened out below it (100,000 rows → 7 blocks of 14,286).
   */
  readonly blockRows?: number;
  /** Queries scored per run (default: as many as fit {@link SCORE_BUDGET_BYTES}). */
  readonly queryChunkRows?: number;
  /** onnxruntime intra-op threads (default: the machine's available parallelism). */
  readonly threads?: number;
  /** Rows TopK returns per block beyond k (default {@link DEFAULT_TIE_SLACK}); speed only, never the answer. */
  readonly tieSlack?: number;
  /** onnxruntime, injected by tests; default onnxruntime-node. */
  readonly ort?: OrtModule;
  /** Told the corpus rows scored so far after every block (a progress line). */
  readonly onBlock?: (corpusRows: number) => void;
}

/** Counters describing how a search ran. */
/** Rows of one block and how to name them. */
interface BlockView {
  readonly values: VectorValues;
  readonly rows: number;
  idAt(i: number): string;
  rowAt(i: number): number;
}

type Tensor = InstanceType<OrtModule['Tensor']>;

const ARRAY_FOR = { float32: Float32Array, float16: Uint16Array, int8: Int8Array } as const;

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) {
    throw new KnnInputError('bad-option', `${name} must be a positive integer, got ${v}`);
  }
  return v;
}

/**
 * Exact top-k neighbours of every query in a streamed corpus.
 * Throws {@link KnnInputError} before any scoring when the inputs do not fit together.
 */
export async function exactKnn(opts: KnnOptions): Promise<KnnResult> {
  const { queries, corpus, metric } = opts;
  const k = positiveInt(opts.k, 0, 'k');
  const blockRows = positiveInt(opts.blockRows, DEFAULT_BLOCK_ROWS, 'blockRows');
  const chunkRows = positiveInt(
    opts.queryChunkRows,
    Math.max(1, Math.floor(SCORE_BUDGET_BYTES / (4 * blockRows))),
    'queryChunkRows',
  );
  const slack = opts.tieSlack ?? DEFAULT_TIE_SLACK;
  if (!Number.isInteger(slack) || slack < 0) {
    throw new KnnInputError('bad-option', `tieSlack must be an integer ≥ 0, got ${slack}`);
  }
  if (!['cosine', 'dot', 'l2'].includes(metric)) {
    throw new KnnInputError(
      'bad-option',
      `metric must be cosine, dot or l2, got ${String(metric)}`,
    );
  }
  checkQueries(queries, corpus);
  const dtype = knnDType(corpus.info.dtype, `corpus ${corpus.info.path}`);
  const { dims, rows: nq } = queries;
  const prepared = prepareQueries(queries, metric);
  const qNorms = prepared.squaredNorms;
  const lists = Array.from({ length: nq }, () => new TopKList(k));
  const scorers = Array.from(
    { length: nq },
    (_, q) => new ExactScorer(metric, dtype, queries.values.subarray(q * dims, (q + 1) * dims)),
  );
  const queryIds = queries.ids ? [...queries.ids] : Array.from({ length: nq }, (_, i) => String(i));
  const stats = { corpusRows: 0, blocks: 0, runs: 0, exactScores: 0, fullRescans: 0 };
  if (nq === 0) return { metric, k, dims, queryIds, hits: [], stats };

  const ort = opts.ort ?? (await loadOrt());
  const sessionConfig = { threads: opts.threads };
  const session = await createSession(buildKnnModel(metric, dtype, dims), sessionConfig, ort);
  let scoresSession: OrtSession | undefined;
  const chunks: { start: number; rows: number; tensor: Tensor }[] = [];
  for (let start = 0; start < nq; start += chunkRows) {
    const rows = Math.min(chunkRows, nq - start);
    const data = prepared.values.subarray(start * dims, (start + rows) * dims);
    chunks.push({ start, rows, tensor: new ort.Tensor('float32', data, [rows, dims]) });
  }
  /** Graph score → the exact score's approximation (l2: subtract ‖q‖²). */
  const approx = qNorms
    ? (q: number, v: number): number => v - (qNorms[q] as number)
    : (_q: number, v: number): number => v;

  /** Exactly scores the rows of `view` that may enter query q's list, skipping `seen`. */
  const admit = (
    q: number,
    view: BlockView,
    rows: Iterable<[number, number]>,
    seen?: Set<number>,
  ) => {
    const list = lists[q] as TopKList;
    const scorer = scorers[q] as ExactScorer;
    const candidates: KnnHit[] = [];
    for (const [row, upper] of rows) {
      if (!list.mayEnter(upper)) continue;
      if (seen?.has(row)) continue;
      const score = scorer.score(view.values, row * dims);
      candidates.push({ id: view.idAt(row), row: view.rowAt(row), score });
    }
    stats.exactScores += candidates.length;
    list.merge(candidates);
  };

  const scanBlock = async (view: BlockView): Promise<void> => {
    stats.blocks++;
    stats.corpusRows += view.rows;
    const corpusTensor = new ort.Tensor(dtype, view.values as Float32Array, [view.rows, dims]);
    const kb = Math.min(k + slack, view.rows);
    const kTensor = new ort.Tensor('int64', BigInt64Array.of(BigInt(kb)), [1]);
    const offsets = new Float64Array(kb);
    const exact = new Float64Array(kb);
    for (const chunk of chunks) {
      const out = await session.run({
        [KNN_IO.queries]: chunk.tensor,
        [KNN_IO.corpus]: corpusTensor,
        [KNN_IO.k]: kTensor,
      });
      stats.runs++;
      const values = out[KNN_IO.values]?.data as Float32Array;
      const indices = out[KNN_IO.indices]?.data as Int32Array;
      const maxNorm2 = (out[KNN_IO.maxNorm2]?.data as Float32Array)[0] as number;
      const unsettled: { q: number; upper: (v: number) => number; seen: Set<number> }[] = [];
      for (let i = 0; i < chunk.rows; i++) {
        const q = chunk.start + i;
        const list = lists[q] as TopKList;
        const scorer = scorers[q] as ExactScorer;
        const { upper, lower } = screeningInterval(metric, dims, scorer.norm, maxNorm2);
        const base = i * kb;
        // Each of the block's k best rows scores at least `floor` exactly; a row whose
        // exact score is surely below it is beaten by k rows of this block alone.
        const floor =
          kb >= k ? lower(approx(q, values[base + k - 1] as number)) : Number.NEGATIVE_INFINITY;
        // TopK returns scores in descending order and `upper` is increasing: stop at the
        // first row that cannot enter, every later one cannot either.
        let count = 0;
        for (; count < kb; count++) {
          const u = upper(approx(q, values[base + count] as number));
          if (u < floor || !list.mayEnter(u)) break;
          offsets[count] = (indices[base + count] as number) * dims;
        }
        // Scored together (four rows per loop): see ExactScorer.scoreRows.
        scorer.scoreRows(view.values, offsets, count, exact);
        const candidates: KnnHit[] = [];
        for (let j = 0; j < count; j++) {
          const row = (offsets[j] as number) / dims;
          candidates.push({ id: view.idAt(row), row: view.rowAt(row), score: exact[j] as number });
        }
        stats.exactScores += count;
        list.merge(candidates);
        // Rows TopK left out score at most `upper(last)`: if that could still enter, look at all.
        const last = upper(approx(q, values[base + kb - 1] as number));
        if (kb < view.rows && last >= floor && list.mayEnter(last)) {
          const seen = new Set<number>();
          for (let j = 0; j < kb; j++) seen.add(indices[base + j] as number);
          unsettled.push({ q, upper, seen });
        }
      }
      if (unsettled.length > 0) await rescan(view, corpusTensor, unsettled);
    }
  };

  /** Scores whole blocks for the unsettled queries and admits every row that may enter. */
  const rescan = async (
    view: BlockView,
    corpusTensor: Tensor,
    unsettled: readonly { q: number; upper: (v: number) => number; seen: Set<number> }[],
  ): Promise<void> => {
    scoresSession ??= await createSession(
      buildScoresModel(metric, dtype, dims),
      sessionConfig,
      ort,
    );
    for (let s = 0; s < unsettled.length; s += chunkRows) {
      const part = unsettled.slice(s, s + chunkRows);
      const sub = new Float32Array(part.length * dims);
      part.forEach(({ q }, i) =>
        sub.set(prepared.values.subarray(q * dims, (q + 1) * dims), i * dims),
      );
      const out = await scoresSession.run({
        [KNN_IO.queries]: new ort.Tensor('float32', sub, [part.length, dims]),
        [KNN_IO.corpus]: corpusTensor,
      });
      const scores = out[KNN_IO.scores]?.data as Float32Array;
      part.forEach(({ q, upper, seen }, i) => {
        const all = function* (): Generator<[number, number]> {
          for (let j = 0; j < view.rows; j++)
            yield [j, upper(approx(q, scores[i * view.rows + j] as number))];
        };
        admit(q, view, all(), seen);
      });
      stats.fullRescans += part.length;
    }
  };

  try {
    await streamBlocks(corpus, dtype, dims, blockRows, async (view) => {
      await scanBlock(view);
      opts.onBlock?.(stats.corpusRows);
    });
  } finally {
    await session.release();
    await scoresSession?.release();
  }
  return { metric, k, dims, queryIds, hits: lists.map((l) => l.result()), stats };
}

/**
 * Cuts the corpus stream into blocks of `blockRows` rows (the last may be shorter) and
 * hands each to `scan` before the next batch is requested. A batch holding whole blocks
 * is scanned in place; rows straddling batches are copied into one reused buffer.
 */
async function streamBlocks(
  corpus: VectorSource,
  dtype: KnnDType,
  dims: number,
  blockRows: number,
  scan: (view: BlockView) => Promise<void>,
): Promise<void> {
  const Ctor = ARRAY_FOR[dtype];
  let buffer: InstanceType<typeof Ctor> | undefined;
  const bufIds: (string | undefined)[] = [];
  const bufRows: number[] = [];
  let filled = 0;
  const flush = async (): Promise<void> => {
    await scan({
      values: (buffer as InstanceType<typeof Ctor>).subarray(0, filled * dims),
      rows: filled,
      idAt: (i) => bufIds[i] ?? String(bufRows[i]),
      rowAt: (i) => bufRows[i] as number,
    });
    filled = 0;
  };
  for await (const batch of corpus.batches()) {
    if (batch.dims !== dims || batch.dtype !== dtype || !(batch.values instanceof Ctor)) {
      throw new KnnInputError(
        batch.dims !== dims ? 'dims-mismatch' : 'dtype-mismatch',
        `corpus ${corpus.info.path}: batch at row ${batch.rowOffset} is ${batch.dtype} × ${batch.dims} ` +
          `(${batch.values.constructor.name}), expected ${dtype} × ${dims}`,
      );
    }
    const ids = batch.ids;
    let off = 0;
    while (off < batch.rows) {
      if (filled === 0 && batch.rows - off >= blockRows) {
        const first = off;
        await scan({
          values: batch.values.subarray(first * dims, (first + blockRows) * dims),
          rows: blockRows,
          idAt: (i) => ids?.[first + i] ?? String(batch.rowOffset + first + i),
          rowAt: (i) => batch.rowOffset + first + i,
        });
        off += blockRows;
        continue;
      }
      buffer ??= new Ctor(blockRows * dims);
      const take = Math.min(blockRows - filled, batch.rows - off);
      buffer.set(
        batch.values.subarray(off * dims, (off + take) * dims) as ArrayLike<number>,
        filled * dims,
      );
      for (let i = 0; i < take; i++) {
        bufIds[filled + i] = ids?.[off + i];
        bufRows[filled + i] = batch.rowOffset + off + i;
      }
      filled += take;
      off += take;
      if (filled === blockRows) await flush();
    }
  }
  if (filled > 0) await flush();
}
