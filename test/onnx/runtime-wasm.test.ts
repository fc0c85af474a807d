/**
 * The WebAssembly fallback runs the project's graphs: the kNN graph for every metric × dtype
 * (against the plain-JS oracle, ids and scores identical) and the fixture models the staging
 * tests use (outputs equal to the native runtime's within float32 rounding).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrtApi } from '../../src/onnx/runtime-native.js';
import { findWasmFiles, loadWasmRuntime } from '../../src/onnx/runtime-wasm.js';
import { loadOrt } from '../../src/onnx/session.js';
import type { KnnDType, KnnMetric } from '../../src/retrieval/knn-graph.js';
import { memoryVectors } from '../../src/retrieval/knn-memory.js';
import { oracleKnn } from '../../src/retrieval/knn-oracle.js';
import { exactKnn } from '../../src/retrieval/knn.js';
import { ROOT } from '../helpers/cli.js';

let wasm: OrtApi;
beforeAll(async () => {
  const files = await findWasmFiles(undefined);
  expect(files).toBeDefined();
  wasm = await loadWasmRuntime(files!, 1);
});

/** Small integers, exact in every dtype (float16 as bits). */
function matrix(rows: number, dims: number, dtype: KnnDType, seed: number) {
  let a = seed;
  const next = () => ((a = (a * 1103515245 + 12345) >>> 0), (a >>> 8) % 7) - 3;
  const ints = Array.from({ length: rows * dims }, next);
  const half = (x: number) => {
    if (x === 0) return 0;
    const e = Math.floor(Math.log2(Math.abs(x)));
    return (x < 0 ? 0x8000 : 0) | ((e + 15) << 10) | Math.round((Math.abs(x) / 2 ** e - 1) * 1024);
  };
  const values =
    dtype === 'float32'
      ? Float32Array.from(ints)
      : dtype === 'int8'
        ? Int8Array.from(ints)
        : Uint16Array.from(ints, half);
  return { values, rows, dims, dtype };
}

describe('onnxruntime-web runs the kNN graph', () => {
  for (const metric of ['dot', 'l2', 'cosine'] as KnnMetric[]) {
    for (const dtype of ['float32', 'float16', 'int8'] as KnnDType[]) {
      it(`${metric} × ${dtype}`, async () => {
        const q = matrix(7, 16, dtype, 1);
        const c = matrix(300, 16, dtype, 2);
        const got = await exactKnn({
          queries: q,
          corpus: memoryVectors(c.values, { ...c, batchRows: [64, 100] }),
          k: 5,
          metric,
          blockRows: 64,
          threads: 1,
          ort: wasm,
        });
        const want = oracleKnn(q, c, 5, metric);
        expect(got.hits.map((h) => h.map((x) => [x.id, x.score]))).toEqual(
          want.map((h) => h.map((x) => [x.id, x.score])),
        );
      });
    }
  }
});

describe('onnxruntime-web runs the staging fixture models like the native runtime', () => {
  it('logreg and text-encoder', async () => {
    const native = await loadOrt();
    const feeds = {
      logreg: (ort: OrtApi) => ({
        x: new ort.Tensor('float32', Float32Array.of(1, -2, 3, 0.5, 0, 1, 2, 3), [2, 4]),
      }),
      'text-encoder': (ort: OrtApi) => ({
        input_ids: new ort.Tensor('int64', BigInt64Array.of(1n, 5n, 9n, 2n), [1, 4]),
      }),
    };
    for (const [name, feed] of Object.entries(feeds)) {
      const model = readFileSync(join(ROOT, 'test/fixtures/onnx', `${name}.onnx`));
      const run = async (ort: OrtApi) => {
        const s = await ort.InferenceSession.create(model, { executionProviders: ['cpu'] });
        const out = await s.run(feed(ort));
        return Object.fromEntries(
          Object.entries(out).map(([k, v]) => [k, Array.from(v.data as Float32Array, Number)]),
        );
      };
      const [a, b] = [await run(native), await run(wasm)];
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const k of Object.keys(a)) {
        const x = a[k]!;
        const y = b[k]!;
        expect(y).toHaveLength(x.length);
        for (let i = 0; i < x.length; i++) expect(y[i]).toBeCloseTo(x[i]!, 5);
      }
    }
  });
});
