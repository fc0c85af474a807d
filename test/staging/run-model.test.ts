import { describe, expect, it } from 'vitest';
import type { StagingDeclaration } from '../../src/config/contract.js';
import { GraphBuilder } from '../../src/onnx/graph.js';
import { createSession, loadOrt } from '../../src/onnx/session.js';
import { float32ToFloat16Bits } from '../../src/vectors/float16.js';
import type { VectorBatch, VectorSource } from '../../src/vectors/types.js';
import type { LoadedModel } from '../../src/staging/files.js';
import { planFeed } from '../../src/staging/feed.js';
import { runOverVectors } from '../../src/staging/run-model.js';
import { logRegModel, logRegPredict, table, trainLogReg } from '../fixtures/staging/models.js';
import { memorySource } from '../release/memory-source.js';

const DECL: StagingDeclaration = {
  model: 'm.onnx',
  labels: 'l.csv',
  task: 'classification',
  metric: 'accuracy',
  classes: ['legit', 'fraud'],
  min: 0.5,
};

async function load(bytes: Uint8Array): Promise<LoadedModel> {
  const session = await createSession(bytes, { threads: 1 });
  const sig = (m: typeof session.inputMetadata) =>
    m.map((x) =>
      x.isTensor
        ? { name: x.name, type: x.type, shape: [...x.shape] }
        : { name: x.name, type: 'non-tensor', shape: [] },
    );
  return {
    session,
    sha256: '',
    bytes: bytes.length,
    inputs: sig(session.inputMetadata),
    outputs: sig(session.outputMetadata),
  };
}

function float16Source(values: Float32Array, dims: number, ids: string[]): VectorSource {
  const bits = Uint16Array.from(values, (v) => float32ToFloat16Bits(v));
  return {
    info: { path: 'm', format: 'npy', dtype: 'float16', dims, rows: ids.length, hasIds: true },
    async *batches(): AsyncGenerator<VectorBatch> {
      yield { rowOffset: 0, rows: ids.length, dims, dtype: 'float16', values: bits, ids };
    },
    async close() {},
  };
}

describe('running a consumer model over vectors', () => {
  const dims = 16;
  const rows = 300;
  const x = table(rows, dims, 3);
  const y = Uint8Array.from({ length: rows }, (_, r) =>
    x[r * dims]! + x[r * dims + 1]! > 0 ? 1 : 0,
  );
  const model = trainLogReg(x, y, dims, 100);
  const ids = Array.from({ length: rows }, (_, r) => `r${r}`);

  it('matches the JavaScript logistic regression on the labeled rows only, in any batch size', async () => {
    const loaded = await load(logRegModel(model));
    const want = logRegPredict(model, x, dims);
    const index = new Map(ids.filter((_, r) => r % 3 !== 1).map((id, e) => [id, e]));
    const labeled = ids.filter((_, r) => r % 3 !== 1);
    for (const batchSize of [1, 7, 1024]) {
      const { plan } = planFeed(loaded, DECL, { dims, dtype: 'float32' }, 'candidate');
      const out = await runOverVectors(
        loaded.session,
        await loadOrt(),
        memorySource(x, dims, ids, 41),
        index,
        { ...plan!, batchSize },
        'memory',
      );
      expect(out.foundCount).toBe(labeled.length);
      expect(out.width).toBe(1);
      labeled.forEach((id, e) => expect(out.values[e]).toBeCloseTo(want[Number(id.slice(1))]!, 5));
    }
    // float16 vectors are decoded before feeding.
    const { plan } = planFeed(loaded, DECL, { dims, dtype: 'float16' }, 'candidate');
    const half = await runOverVectors(
      loaded.session,
      await loadOrt(),
      float16Source(x, dims, ids),
      index,
      plan!,
      'memory',
    );
    labeled.forEach((id, e) => expect(half.values[e]).toBeCloseTo(want[Number(id.slice(1))]!, 2));
    await loaded.session.release();
  });

  it("keeps the same rows with the labels' order as a hint, whatever that order", async () => {
    const loaded = await load(logRegModel(model));
    const ort = await loadOrt();
    // The file repeats some ids (the first row counts) and holds ids nobody labeled.
    const fileIds = ids.map((id, r) => (r % 10 === 9 ? ids[r - 4]! : id));
    const inFileOrder = ids.filter((_, r) => r % 3 !== 1 && r % 10 !== 9);
    const shuffled = [...inFileOrder].sort(
      (a, b) => (a.length % 3) - (b.length % 3) || (a < b ? 1 : -1),
    );
    const withAbsent = [
      'absent-0',
      ...inFileOrder.slice(0, 50),
      'absent-1',
      ...inFileOrder.slice(50),
    ];
    const { plan } = planFeed(loaded, DECL, { dims, dtype: 'float32' }, 'candidate');
    for (const labeled of [inFileOrder, shuffled, withAbsent]) {
      const index = new Map(labeled.map((id, e) => [id, e]));
      const run = (order?: readonly string[]) =>
        runOverVectors(
          loaded.session,
          ort,
          memorySource(x, dims, fileIds, 37),
          index,
          { ...plan!, batchSize: 16 },
          'memory',
          order,
        );
      const plain = await run();
      const hinted = await run(labeled);
      expect(hinted.foundCount).toBe(plain.foundCount);
      expect(Buffer.from(hinted.found)).toEqual(Buffer.from(plain.found));
      expect(Buffer.from(hinted.values.buffer)).toEqual(Buffer.from(plain.values.buffer));
    }
    await loaded.session.release();
  });

  it('pads a fixed batch dimension and reports non-finite outputs by id', async () => {
    const g = new GraphBuilder('sqrt');
    const input = g.input('v', 'float32', [8, dims]);
    const w = g.initializer(
      'w',
      'float32',
      [dims, 1],
      Float32Array.from({ length: dims }, (_, j) => (j === 0 ? 1 : 0)),
    );
    g.output(g.op('Sqrt', [g.op('MatMul', [input, w])]), 'float32', [8, 1], 'score');
    const loaded = await load(g.build());
    const { plan } = planFeed(
      loaded,
      { ...DECL, task: 'regression', metric: 'mse', classes: undefined, min: undefined, max: 1 },
      { dims, dtype: 'float32' },
      'candidate',
    );
    expect(plan).toMatchObject({ fixedBatch: 8 });
    const index = new Map(ids.slice(0, 21).map((id, e) => [id, e]));
    const out = await runOverVectors(
      loaded.session,
      await loadOrt(),
      memorySource(x, dims, ids),
      index,
      plan!,
      'memory',
    );
    expect(out.foundCount).toBe(21);
    const negative = ids.slice(0, 21).filter((_, r) => x[r * dims]! < 0);
    expect(out.nonFinite.rows).toBe(negative.length);
    expect(out.nonFinite.firstIds).toEqual(negative.slice(0, 10));
    await loaded.session.release();
  });

  it('says before running why a model cannot take the vectors', async () => {
    const loaded = await load(logRegModel(model));
    const problems = (
      decl: StagingDeclaration,
      vectors = { dims: 32, dtype: 'float32' as const },
    ) => planFeed(loaded, decl, vectors, 'candidate').problems.map((p) => p.message);
    expect(problems(DECL)).toEqual([
      'model input "embedding" takes vectors of width 16 (shape [n, 16]), the candidate\'s vectors have 32 dims',
    ]);
    expect(problems(DECL, { dims: 16, dtype: 'int8' as never })).toEqual([]);
    expect(problems(DECL, { dims: 128, dtype: 'binary' as never })[0]).toBe(
      'model input "embedding" takes float32, the candidate\'s vectors are binary',
    );
    expect(problems({ ...DECL, input: 'x' })).toEqual([
      'the model has no input "x" (its inputs: embedding)',
    ]);
    expect(problems({ ...DECL, classes: ['a', 'b', 'c'] }, { dims: 16, dtype: 'float32' })).toEqual(
      [
        'staging.classes lists 3 classes, model output "probability" has 1 column(s) (2 classes: one probability of the second class)',
      ],
    );
    expect(
      problems(
        { ...DECL, task: 'regression', metric: 'mse', classes: undefined },
        { dims: 16, dtype: 'float32' },
      ),
    ).toEqual([]);
    await loaded.session.release();
  });
});
