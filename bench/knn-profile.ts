/**
 * Where exact kNN's time goes, in process: `npx tsx bench/knn-profile.ts [--nq 1000 --n 200000
 * --dims 768 --k 100 --metric cosine --block-rows 16384 --threads 2]`. Clustered in-memory
 * data (as bench/knn.ts), onnxruntime wrapped so every session run is timed; prints the
 * search time, the time inside onnxruntime, and the rest (JavaScript: merging, exact
 * re-scoring, block handling), with the load average.
 */
import { loadavg } from 'node:os';
import { exactKnn, type KnnMetric } from '../src/retrieval/knn.js';
import { memoryVectors } from '../src/retrieval/knn-memory.js';
import { loadOrt, type OrtModule } from '../src/onnx/session.js';

const arg = (n: string, f: string): string => {
  const i = process.argv.indexOf(`--${n}`);
  return i >= 0 ? (process.argv[i + 1] as string) : f;
};
const NQ = Number(arg('nq', '1000'));
const N = Number(arg('n', '200000'));
const D = Number(arg('dims', '768'));
const K = Number(arg('k', '100'));
const METRIC = arg('metric', 'cosine') as KnnMetric;
const BLOCK = Number(arg('block-rows', '16384'));
const THREADS = Number(arg('threads', '2'));

function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  const u = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return () => u() + u() + u() - 1.5;
}

function clustered(rows: number, seed: number): Float32Array {
  const next = generator(seed);
  const centres = Float32Array.from({ length: 64 * D }, next);
  const f = new Float32Array(rows * D);
  for (let r = 0; r < rows; r++) {
    const c = Math.floor(((next() + 1.5) / 3) * 64) % 64;
    for (let j = 0; j < D; j++) f[r * D + j] = 0.6 * (centres[c * D + j] as number) + next();
  }
  return f;
}

async function main(): Promise<void> {
  const real = await loadOrt();
  let onnxMs = 0;
  let runs = 0;
  const timed: OrtModule = {
    Tensor: real.Tensor,
    InferenceSession: {
      create: async (...a: unknown[]) => {
        const s = (await (real.InferenceSession.create as (...x: unknown[]) => Promise<unknown>)(
          ...a,
        )) as Record<string | symbol, unknown> & { run: (...r: unknown[]) => Promise<unknown> };
        return new Proxy(s, {
          get(target, prop) {
            if (prop === 'run')
              return async (...r: unknown[]) => {
                const t = performance.now();
                const out = await target.run(...r);
                onnxMs += performance.now() - t;
                runs++;
                return out;
              };
            const v = target[prop as string];
            return typeof v === 'function' ? v.bind(target) : v;
          },
        });
      },
    } as unknown as OrtModule['InferenceSession'],
  };
  const corpusValues = clustered(N, 1);
  const queryValues = clustered(NQ, 2);
  const corpus = memoryVectors(corpusValues, {
    rows: N,
    dims: D,
    dtype: 'float32',
    batchRows: 65536,
  });
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await exactKnn({
    queries: { values: queryValues, rows: NQ, dims: D, dtype: 'float32' },
    corpus,
    k: K,
    metric: METRIC,
    blockRows: BLOCK,
    threads: THREADS,
    ort: timed,
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const gflop = (2 * NQ * N * D) / 1e9;
  console.log(
    `${NQ} × ${N} × ${D} ${METRIC} k=${K} block ${BLOCK}: search ${(ms / 1000).toFixed(3)} s ` +
      `(${(gflop / (ms / 1000)).toFixed(1)} GFLOP/s); onnxruntime ${(onnxMs / 1000).toFixed(3)} s in ${runs} runs; ` +
      `rest ${((ms - onnxMs) / 1000).toFixed(3)} s; ${cpuS.toFixed(2)} CPU-s (load ${load})`,
  );
  console.log(`  ${JSON.stringify(r.stats)}`);
}
await main();
