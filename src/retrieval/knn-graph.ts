/**
 * The ONNX graphs behind exact kNN: scores of a query chunk against one corpus block,
 * then TopK. Shapes are symbolic (`nq`, `b`), so one session serves every chunk and block,
 * the short last block included (measured: symbolic and fixed shapes run equally fast).
 * These float32 scores only screen candidates; knn-exact.ts re-scores them exactly.
 *
 * Graph scores, per metric (q: float32 queries prepared by the caller, c: one corpus block):
 * - `dot`:    q·c
 * - `cosine`: q·ĉ, ĉ = c / max(‖c‖, FLT_MIN) (the caller normalises q the same way),
 *             so a zero vector scores 0 against everything
 * - `l2`:     2q·c − ‖c‖²  (the caller subtracts ‖q‖² to get −‖q − c‖²)
 * The kNN graph also returns max ‖c‖² over the block, which bounds the screening error.
 *
 * float16 and int8 blocks are cast to float32 inside the graph: Cast + float32 Gemm runs at
 * float32 speed, and the low-precision kernels do not pay here. Measured on the 2-core
 * reference machine (AVX-512 VNNI, 1000 × 16384 × 768, `bench/lowp.ts`): fp16 MatMul
 * 1.1–1.7× the float32 Gemm but with no documented accumulation precision, so no rigorous
 * bound; MatMulInteger 1.2–1.9× (2.2–2.9× with the queries packed as a constant), but its
 * rigorous bound is wide enough that a whole int8 screen re-scored 4.1× the rows and ran
 * slower end to end (README, Benchmarks, "Low precision").
 */
import { GraphBuilder, float } from '../onnx/graph.js';

/** The similarity a kNN search ranks by. */
export type KnnMetric = 'cosine' | 'dot' | 'l2';

/** Corpus element types the kNN graphs accept. */
export type KnnDType = 'float32' | 'float16' | 'int8';

/** Smallest normal float32: norms below it are treated as zero. */
const FLT_MIN = 1.1754943508222875e-38;

/** Input and output names shared by both graphs. */
export const KNN_IO = {
  queries: 'queries',
  corpus: 'corpus',
  maxNorm2: 'max_norm2',
  k: 'k',
  values: 'values',
  indices: 'indices',
  scores: 'scores',
} as const;

interface Scored {
  readonly scores: string;
  /** ‖c‖² per block row, float32 [b] (added to the graph on first use). */
  norms2(): string;
}

function scoresNode(g: GraphBuilder, metric: KnnMetric, dtype: KnnDType, dims: number): Scored {
  const q = g.input(KNN_IO.queries, 'float32', ['nq', dims]);
  const raw = g.input(KNN_IO.corpus, dtype, ['b', dims]);
  const c = dtype === 'float32' ? raw : g.op('Cast', [raw], { to: 1 });
  let axis: string | undefined;
  const rowAxis = (): string => (axis ??= g.constant('int64', [1], [1], 'axis1'));
  let squares: string | undefined;
  const norms2 = (): string =>
    (squares ??= g.op('ReduceSumSquare', [c, rowAxis()], { keepdims: 0 }));
  switch (metric) {
    case 'dot':
      return { scores: g.op('Gemm', [q, c], { transB: 1 }), norms2 };
    case 'cosine': {
      const norms = g.op('Unsqueeze', [g.op('Sqrt', [norms2()]), rowAxis()]);
      const floor = g.constant('float32', [], [FLT_MIN], 'flt_min');
      const inv = g.op('Reciprocal', [g.op('Max', [norms, floor])]);
      return { scores: g.op('Gemm', [q, g.op('Mul', [c, inv])], { transB: 1 }), norms2 };
    }
    case 'l2':
      return {
        scores: g.op('Gemm', [q, c, norms2()], { transB: 1, alpha: float(2), beta: float(-1) }),
        norms2,
      };
  }
}

/**
 * The kNN model: inputs `queries` float32 [nq, dims], `corpus` dtype [b, dims], `k` int64 [1];
 * outputs `values` float32 [nq, k] (graph scores, descending), `indices` int32 [nq, k]
 * (rows of the block) and `max_norm2` float32 [] (max ‖c‖² of the block).
 * `k` must not exceed the block's rows.
 */
export function buildKnnModel(metric: KnnMetric, dtype: KnnDType, dims: number): Uint8Array {
  const g = new GraphBuilder(`knn_${metric}_${dtype}`);
  const { scores, norms2 } = scoresNode(g, metric, dtype, dims);
  const k = g.input(KNN_IO.k, 'int64', [1]);
  const [values, indices] = g.node(
    'TopK',
    [scores, k],
    { axis: -1, largest: 1, sorted: 1 },
    { outputs: 2 },
  );
  g.output(values as string, 'float32', ['nq', 'k'], KNN_IO.values);
  // int32 rows (a block has far fewer than 2³¹): read as plain numbers, where int64 would
  // make a BigInt of every index the JavaScript looks at.
  g.output(g.op('Cast', [indices as string], { to: 6 }), 'int32', ['nq', 'k'], KNN_IO.indices);
  g.output(g.op('ReduceMax', [norms2()], { keepdims: 0 }), 'float32', [], KNN_IO.maxNorm2);
  return g.build({ docString: `exact kNN block scan: ${metric}, ${dtype}, ${dims} dims` });
}

/**
 * The same scores without TopK: output `scores` float32 [nq, b], for the rare block whose
 * TopK cut falls too close to call. A separate model because an extra output on the kNN
 * model costs ~20% on every run.
 */
export function buildScoresModel(metric: KnnMetric, dtype: KnnDType, dims: number): Uint8Array {
  const g = new GraphBuilder(`scores_${metric}_${dtype}`);
  g.output(scoresNode(g, metric, dtype, dims).scores, 'float32', ['nq', 'b'], KNN_IO.scores);
  return g.build({ docString: `block scores: ${metric}, ${dtype}, ${dims} dims` });
}
