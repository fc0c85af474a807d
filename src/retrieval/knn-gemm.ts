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
      const out = new Float32Array(n * m);
      if (n === 0 || m === 0) return out;
      const yt = new ort.Tensor('float32', yv.subarray(0, m * dims), [m, dims]);
      const step = Math.max(1, Math.floor(OUTPUT_BUDGET_FLOATS / m));
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
    release: () => session.release(),
  };
}
