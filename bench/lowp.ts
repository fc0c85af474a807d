/**
 * Would a low-precision pre-selection cut a release's kNN arithmetic?
 * `npx tsx bench/lowp.ts [--nq 1000 --b 16384 --dims 768 --threads 2 --repeat 5 --k 100]`.
 *
 * 1. Speed: onnxruntime's float32 Gemm (corpus row-major, transB, as exactKnn runs it) against
 *    float32 MatMul with the corpus pre-transposed, float16 MatMul and MatMulInteger u8×s8 /
 *    u8×u8 (→ int32) at exactKnn's shapes, in interleaved rounds (best of N, load average
 *    printed), quantisation of the inputs not counted; then MatMulInteger with the queries
 *    as the graph's constant (packed once per session), alone and as a whole int8 screen
 *    (block quantised in the graph, TopK), beside exactKnn's float32 Gemm + TopK.
 * 2. Selectivity: on the release bench's kind of data (unit rows around 64 centres, queries
 *    near a document), how many rows per query an exact search must re-score when it
 *    pre-selects with int8 scores (per-row scale, the rigorous bound
 *    ‖q‖·‖x − x̂‖ + ‖q − q̂‖·‖x̂‖) against float32 scores (bound γ₇₆₉·‖q‖‖x‖), for top k
 *    of one block.
 */
import { loadavg } from 'node:os';
import { GraphBuilder } from '../src/onnx/graph.js';
import { createSession, loadOrt } from '../src/onnx/session.js';

const arg = (n: string, f: number): number => {
  const i = process.argv.indexOf(`--${n}`);
  return i >= 0 ? Number(process.argv[i + 1]) : f;
};
const NQ = arg('nq', 1000);
const B = arg('b', 16384);
const D = arg('dims', 768);
const THREADS = arg('threads', 2);
const REPEAT = arg('repeat', 5);
const K = arg('k', 100);

/** Seeded xorshift; a sum of three uniforms (as bench/release.ts). */
function gauss(seed: number): () => number {
  let s = seed >>> 0 || 1;
  const u = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return () => u() + u() + u() - 1.5;
}

function unit(v: Float64Array): Float64Array {
  let s = 0;
  for (const x of v) s += x * x;
  const inv = 1 / Math.sqrt(s);
  return v.map((x) => x * inv);
}

/** Per-row symmetric int8 quantisation: the dequantised row and ‖x − x̂‖. */
function int8Row(x: Float64Array): { deq: Float64Array; err: number } {
  let max = 0;
  for (const v of x) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const deq = x.map((v) => Math.round(v / scale) * scale);
  let e = 0;
  for (let i = 0; i < x.length; i++) e += (x[i]! - deq[i]!) ** 2;
  return { deq, err: Math.sqrt(e) };
}

/** Rows kept for exact re-scoring: every row whose upper bound reaches the k-th best lower bound. */
function kept(approx: Float64Array, bound: (j: number) => number, k: number): number {
  const lower = Float64Array.from(approx, (a, j) => a - bound(j)).sort();
  const t = lower[lower.length - k]!;
  let n = 0;
  for (let j = 0; j < approx.length; j++) if (approx[j]! + bound(j) >= t) n++;
  return n;
}

function selectivity(): void {
  const rows = Math.min(B, 16384);
  const queries = 20;
  const g = gauss(7);
  const centres = Array.from({ length: 64 }, () => unit(Float64Array.from({ length: D }, g)));
  const corpus = Array.from({ length: rows }, (_, r) => {
    const n = gauss(1 + r);
    return unit(centres[r % 64]!.map((c) => c + 0.06 * n()));
  });
  const q8 = corpus.map(int8Row);
  const gamma = ((D + 1) * 2 ** -24) / (1 - (D + 1) * 2 ** -24);
  let keptF32 = 0;
  let keptI8 = 0;
  for (let i = 0; i < queries; i++) {
    const n = gauss(5_000_011 + i);
    const q = unit(corpus[(i * 811) % rows]!.map((x) => x + (0.3 / Math.sqrt(D)) * n()));
    const qq = int8Row(q);
    const exact = new Float64Array(rows);
    const approx = new Float64Array(rows);
    for (let j = 0; j < rows; j++) {
      const x = corpus[j]!;
      const xd = q8[j]!.deq;
      let e = 0;
      let a = 0;
      for (let t = 0; t < D; t++) {
        e += q[t]! * x[t]!;
        a += qq.deq[t]! * xd[t]!;
      }
      exact[j] = e;
      approx[j] = a;
    }
    keptF32 += kept(exact, () => 1.01 * gamma, K);
    keptI8 += kept(approx, (j) => q8[j]!.err + qq.err * 1.0001, K);
  }
  console.log(
    `selectivity, top ${K} of ${rows} unit rows (64 clusters), ${queries} queries: rows re-scored per query ` +
      `float32 ${(keptF32 / queries).toFixed(0)}, int8 ${(keptI8 / queries).toFixed(0)} ` +
      `(${((100 * keptI8) / queries / rows).toFixed(1)}% of the block)`,
  );
}

async function main(): Promise<void> {
  const ort = await loadOrt();
  const flop = 2 * NQ * B * D;
  const cases: { name: string; build: () => Uint8Array; feeds: () => Record<string, unknown> }[] =
    [];
  const f32 = (n: number) => Float32Array.from({ length: n }, () => Math.random() - 0.5);
  const qf = f32(NQ * D);
  const cf = f32(B * D);
  cases.push({
    name: 'float32 Gemm transB (corpus row-major)',
    build: () => {
      const g = new GraphBuilder('g');
      const q = g.input('q', 'float32', ['n', D]);
      const c = g.input('c', 'float32', ['b', D]);
      g.output(g.op('Gemm', [q, c], { transB: 1 }), 'float32', ['n', 'b'], 'y');
      return g.build();
    },
    feeds: () => ({
      q: new ort.Tensor('float32', qf, [NQ, D]),
      c: new ort.Tensor('float32', cf, [B, D]),
    }),
  });
  cases.push({
    name: 'float32 MatMul (corpus pre-transposed)',
    build: () => {
      const g = new GraphBuilder('g');
      const q = g.input('q', 'float32', ['n', D]);
      const c = g.input('c', 'float32', [D, 'b']);
      g.output(g.op('MatMul', [q, c]), 'float32', ['n', 'b'], 'y');
      return g.build();
    },
    feeds: () => ({
      q: new ort.Tensor('float32', qf, [NQ, D]),
      c: new ort.Tensor('float32', cf, [D, B]),
    }),
  });
  const h = new Uint16Array(NQ * D).fill(0x3c00);
  const hc = new Uint16Array(B * D).fill(0x3800);
  cases.push({
    name: 'float16 MatMul (pre-transposed)',
    build: () => {
      const g = new GraphBuilder('g');
      const q = g.input('q', 'float16', ['n', D]);
      const c = g.input('c', 'float16', [D, 'b']);
      g.output(g.op('MatMul', [q, c]), 'float16', ['n', 'b'], 'y');
      return g.build();
    },
    feeds: () => ({
      q: new ort.Tensor('float16', h, [NQ, D]),
      c: new ort.Tensor('float16', hc, [D, B]),
    }),
  });
  const qu = Uint8Array.from({ length: NQ * D }, (_, i) => (i * 7) & 255);
  const cs = Int8Array.from({ length: B * D }, (_, i) => ((i * 13) & 255) - 128);
  const cu = Uint8Array.from({ length: B * D }, (_, i) => (i * 13) & 255);
  for (const [bt, data] of [
    ['int8', cs],
    ['uint8', cu],
  ] as const) {
    cases.push({
      name: `MatMulInteger u8 × ${bt === 'int8' ? 's8' : 'u8'} → int32 (pre-transposed)`,
      build: () => {
        const g = new GraphBuilder('g');
        const q = g.input('q', 'uint8', ['n', D]);
        const c = g.input('c', bt, [D, 'b']);
        g.output(g.op('MatMulInteger', [q, c]), 'int32', ['n', 'b'], 'y');
        return g.build();
      },
      feeds: () => ({
        q: new ort.Tensor('uint8', qu, [NQ, D]),
        c: new ort.Tensor(bt, data, [D, B]),
      }),
    });
  }
  // The queries as the graph's constant (B of MatMulInteger, [dims, nq]), the corpus block as
  // its input A: MLAS packs a constant B once per session instead of once per run.
  const qsT = Int8Array.from({ length: D * NQ }, (_, i) => ((i * 7) % 127) - 63);
  const cu8 = Uint8Array.from({ length: B * D }, (_, i) => (i * 13) & 255);
  cases.push({
    name: 'MatMulInteger u8 corpus × s8 queries (constant)',
    build: () => {
      const g = new GraphBuilder('g');
      const c = g.input('c', 'uint8', ['b', D]);
      const q = g.initializer('q', 'int8', [D, NQ], qsT);
      const z = g.initializer('z', 'uint8', [], [128]);
      g.output(g.op('MatMulInteger', [c, q, z]), 'int32', ['b', NQ], 'y');
      return g.build();
    },
    feeds: () => ({ c: new ort.Tensor('uint8', cu8, [B, D]) }),
  });
  cases.push({
    name: '… + quantising the float32 block, + TopK (k+64)',
    build: () => {
      const g = new GraphBuilder('g');
      const c = g.input('c', 'float32', ['b', D]);
      const floor = g.constant('float32', [], [1.1754943508222875e-38]);
      const s = g.op('Max', [
        g.op('Div', [
          g.op('ReduceMax', [g.op('Abs', [c])], { keepdims: 0 }),
          g.constant('float32', [], [127]),
        ]),
        floor,
      ]);
      const z = g.initializer('z', 'uint8', [], [128]);
      const codes = g.op('QuantizeLinear', [c, s, z]);
      const q = g.initializer('q', 'int8', [D, NQ], qsT);
      const k = g.constant('int64', [1], [K + 64]);
      const p = g.op('Transpose', [g.op('MatMulInteger', [codes, q, z])], { perm: [1, 0] });
      const [v, i] = g.node('TopK', [p, k], { axis: -1, largest: 1, sorted: 1 }, { outputs: 2 });
      g.output(v as string, 'int32', [NQ, K + 64], 'v');
      g.output(i as string, 'int64', [NQ, K + 64], 'i');
      return g.build();
    },
    feeds: () => ({ c: new ort.Tensor('float32', cf, [B, D]) }),
  });
  cases.push({
    name: 'float32 Gemm + TopK (k+16), as exactKnn',
    build: () => {
      const g = new GraphBuilder('g');
      const q = g.input('q', 'float32', ['n', D]);
      const c = g.input('c', 'float32', ['b', D]);
      const k = g.constant('int64', [1], [K + 16]);
      const [v, i] = g.node(
        'TopK',
        [g.op('Gemm', [q, c], { transB: 1 }), k],
        { axis: -1, largest: 1, sorted: 1 },
        { outputs: 2 },
      );
      g.output(v as string, 'float32', ['n', K + 16], 'v');
      g.output(i as string, 'int64', ['n', K + 16], 'i');
      return g.build();
    },
    feeds: () => ({
      q: new ort.Tensor('float32', qf, [NQ, D]),
      c: new ort.Tensor('float32', cf, [B, D]),
    }),
  });
  console.log(
    `${NQ} × ${B} × ${D}, ${THREADS} threads, best of ${REPEAT} (load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  // Interleaved rounds (every case once per round), so a burst of load on the shared
  // machine hits all cases alike; best of the rounds.
  const sessions = [];
  for (const c of cases) {
    try {
      const s = await createSession(c.build(), { threads: THREADS }, ort);
      const feeds = c.feeds();
      await s.run(feeds as never);
      sessions.push({ c, s, feeds, best: Infinity });
    } catch (e) {
      console.log(`  ${c.name.padEnd(48)} failed: ${(e as Error).message.slice(0, 200)}`);
    }
  }
  for (let r = 0; r < REPEAT; r++) {
    for (const x of sessions) {
      const t = performance.now();
      await x.s.run(x.feeds as never);
      x.best = Math.min(x.best, performance.now() - t);
    }
  }
  const ref = sessions[0]?.best ?? NaN;
  for (const x of sessions) {
    console.log(
      `  ${x.c.name.padEnd(48)} ${x.best.toFixed(1).padStart(7)} ms  ${(flop / x.best / 1e6).toFixed(1).padStart(6)} G(FL)OP/s  ${(ref / x.best).toFixed(2)}× float32 Gemm`,
    );
    await x.s.release();
  }
  console.log(
    `(load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
}
selectivity();
await main();
