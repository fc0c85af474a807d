/**
 * float32 `x · yᵀ` through onnxruntime's Gemm (MLAS), the one GEMM path that exact kNN and
 * the compatibility measures share. The products only screen: callers bound their error
 * with {@link dotErrorBound} and re-score in float64 whatever a decision hinges on.
 */
import { createSession, loadOrt, type OrtModule, type OrtSession } from '../onnx/session.js';
import { GraphBuilder } from '../onnx/graph.js';

const U = 2 ** -24;

/**
 * Relative bound of a float32 dot product of length `dims` summed in any order, with or
 * without FMA (Higham §3.1, γₙ = n·u / (1 − n·u)), one extra term for the output
 * rounding: |fl(x·y) − x·y| ≤ bound · ‖x‖‖y‖ (Cauchy–Schwarz on Σ|xᵢyᵢ|).
 * Vectors of subnormal scale (|x| < 1e-19) fall outside this model.
 */
export function dotErrorBound(dims: number): number {
  const n = dims + 1;
  return (n * U) / (1 - n * U);
}

/** Rows of `x` multiplied per run: bounds the output tensor at rowsPerRun × m floats. */
const OUTPUT_BUDGET_FLOATS = 16 << 20;

/** A reusable float32 `x · yᵀ` for one width of rows. */
export interface Gemm {
  /** `x` is `n × dims`, `y` is `m × dims`, both row-major; returns `n × m` row-major. */
  product(x: Float32Array, n: number, y: Float32Array, m: number): Promise<Float32Array>;
  /**
   * `x · xᵀ` (`n × n`), computed for the blocks on and above the diagonal only and mirrored:
   * ~56% of {@link product}'s multiply-adds, entry (j, i) the same float32 as (i, j) (i < j).
   */
  gram(x: Float32Array, n: number): Promise<Float32Array>;
  release(): Promise<void>;
}

/** Opens a Gemm session for rows of `dims` values (one session serves every shape). */
export async function openGemm(
  dims: number,
  opts: { readonly threads?: number; readonly ort?: OrtModule } = {},
): Promise<Gemm> {
  const ort = opts.ort ?? (await loadOrt());
  const g = new GraphBuilder('gemm_xyT');
  const x = g.input('x', 'float32', ['n', dims]);
  const y = g.input('y', 'float32', ['m', dims]);
  g.output(g.op('Gemm', [x, y], { transB: 1 }), 'float32', ['n', 'm'], 'xyT');
  const session: OrtSession = await createSession(
    g.build({ docString: `x·yᵀ, ${dims} dims` }),
    { threads: opts.threads },
    ort,
  );
  return {
    async product(xv, n, yv, m) {
      if (n === 0 || m === 0) return new Float32Array(n * m);
      const yt = new ort.Tensor('float32', yv.subarray(0, m * dims), [m, dims]);
      const step = Math.max(1, Math.floor(OUTPUT_BUDGET_FLOATS / m));
      if (step >= n) {
        // One run: its output tensor is the answer, not copied (16 MB less garbage at 2,000²).
        const xt = new ort.Tensor('float32', xv.subarray(0, n * dims), [n, dims]);
        return (await session.run({ x: xt, y: yt })).xyT?.data as Float32Array;
      }
      const out = new Float32Array(n * m);
      for (let i = 0; i < n; i += step) {
        const rows = Math.min(step, n - i);
        const xt = new ort.Tensor('float32', xv.subarray(i * dims, (i + rows) * dims), [
          rows,
          dims,
        ]);
        const res = await session.run({ x: xt, y: yt });
        out.set(res.xyT?.data as Float32Array, i * m);
      }
      return out;
    },
    async gram(xv, n) {
      const out = new Float32Array(n * n);
      // Eight row blocks: (8 · 9 / 2) / 64 = 56% of the full product's work, in 8 runs.
      const rows = Math.max(
        1,
        Math.ceil(n / 8),
        Math.ceil(n / Math.floor(OUTPUT_BUDGET_FLOATS / n)),
      );
      for (let r0 = 0; r0 < n; r0 += rows) {
        const r1 = Math.min(n, r0 + rows);
        const cols = n - r0;
        const xt = new ort.Tensor('float32', xv.subarray(r0 * dims, r1 * dims), [r1 - r0, dims]);
        const yt = new ort.Tensor('float32', xv.subarray(r0 * dims, n * dims), [cols, dims]);
        const block = (await session.run({ x: xt, y: yt })).xyT?.data as Float32Array;
        for (let i = r0; i < r1; i++)
          out.set(block.subarray((i - r0) * cols, (i - r0 + 1) * cols), i * n + r0);
        // The diagonal square's lower half from its upper half, so the matrix is symmetric
        // to the bit whatever order the Gemm summed each entry in.
        for (let i = r0; i < r1; i++) for (let j = r0; j < i; j++) out[i * n + j] = out[j * n + i]!;
        mirrorBlock(block, r0, r1, n, out);
      }
      return out;
    },
    release: () => session.release(),
  };
}

/**
 * Writes the transpose of the block's part right of its diagonal square (rows r0..r1,
 * columns r1..n of the full matrix) below the diagonal, in cache-sized tiles.
 */
function mirrorBlock(
  block: Float32Array,
  r0: number,
  r1: number,
  n: number,
  out: Float32Array,
): void {
  const cols = n - r0;
  const T = 64;
  for (let j0 = r1; j0 < n; j0 += T) {
    const j1 = Math.min(n, j0 + T);
    for (let i0 = r0; i0 < r1; i0 += T) {
      const i1 = Math.min(r1, i0 + T);
      for (let j = j0; j < j1; j++) {
        const to = j * n;
        const from = j - r0;
        for (let i = i0; i < i1; i++) out[to + i] = block[(i - r0) * cols + from]!;
      }
    }
  }
}
