/** The graph builder: models it writes run in onnxruntime and compute what they should. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { float, floats, GraphBuilder, makeTensor, OnnxBuildError } from '../../src/onnx/graph.js';
import { createSession, loadOrt, sessionOptions } from '../../src/onnx/session.js';
import {
  FIXTURE_MODELS,
  logisticRegression,
  TEXT_ENCODER,
  textEncoder,
  textEncoderRow,
} from '../fixtures/onnx/models.js';

describe('models built in code run in onnxruntime', () => {
  it('logistic regression: sigmoid(x·w + b)', async () => {
    const ort = await loadOrt();
    const session = await createSession(logisticRegression(), { threads: 1 }, ort);
    const x = Float32Array.of(1, 2, 3, 4, 0, 0, 0, 0);
    const out = await session.run({ x: new ort.Tensor('float32', x, [2, 4]) });
    const p = [...(out.p!.data as Float32Array)];
    const w = [0.5, -1.25, 2, 0.125];
    const want = [0, 1].map(
      (r) => 1 / (1 + Math.exp(-(w.reduce((s, wi, j) => s + wi * x[r * 4 + j]!, 0) - 0.25))),
    );
    expect(p[0]).toBeCloseTo(want[0]!, 6);
    expect(p[1]).toBeCloseTo(want[1]!, 6);
    expect(session.inputNames).toEqual(['x']);
    await session.release();
  });

  it('text encoder: Gather → ReduceMean over tokens → LpNormalization', async () => {
    const ort = await loadOrt();
    const session = await createSession(textEncoder(), { threads: 1 }, ort);
    const ids = BigInt64Array.of(1n, 2n, 3n, 10n, 10n, 0n);
    const out = await session.run({ input_ids: new ort.Tensor('int64', ids, [2, 3]) });
    expect(out.embedding!.dims).toEqual([2, TEXT_ENCODER.width]);
    const got = out.embedding!.data as Float32Array;
    [
      [1, 2, 3],
      [10, 10, 0],
    ].forEach((tokens, r) => {
      const mean = textEncoderRow(0).map(
        (_, j) => tokens.reduce((s, t) => s + textEncoderRow(t)[j]!, 0) / tokens.length,
      );
      const norm = Math.hypot(...mean);
      mean.forEach((m, j) => expect(got[r * TEXT_ENCODER.width + j]).toBeCloseTo(m / norm, 6));
    });
    await session.release();
  });

  it('symbolic and fixed dims, FLOAT and INT attributes, optional inputs left empty', async () => {
    const g = new GraphBuilder('clip');
    const x = g.input('x', 'float32', ['n', 3]);
    const scaled = g.op('Mul', [x, g.constant('float32', [3], [1, 2, 4])]);
    const clipped = g.op('Clip', [scaled, '', g.constant('float32', [], [5])]);
    const elu = g.op('Elu', [clipped], { alpha: float(0.5) });
    g.output(
      g.op('ReduceSum', [elu, g.constant('int64', [1], [-1])], { keepdims: 0 }),
      'float32',
      ['n'],
      'sum',
    );
    const ort = await loadOrt();
    const session = await createSession(g.build({ opset: 17 }), { threads: 1 }, ort);
    const out = await session.run({
      x: new ort.Tensor('float32', Float32Array.of(1, 1, 2, -2, 0, 0), [2, 3]),
    });
    const sum = out.sum!.data as Float32Array;
    expect(sum[0]).toBe(1 + 2 + 5);
    expect(sum[1]).toBeCloseTo(0.5 * Math.expm1(-2), 6);
    await session.release();
  });

  it('every fixture model loads in onnxruntime', async () => {
    const ort = await loadOrt();
    for (const build of Object.values(FIXTURE_MODELS)) {
      const session = await createSession(build(), { threads: 1 }, ort);
      expect(session.outputNames.length).toBeGreaterThan(0);
      await session.release();
    }
  });
});

describe('fixture files are what the builder writes (checked by check_models.py)', () => {
  it.each(Object.entries(FIXTURE_MODELS))('%s.onnx', (name, build) => {
    const file = readFileSync(new URL(`../fixtures/onnx/${name}.onnx`, import.meta.url));
    expect(Buffer.from(build()).equals(file)).toBe(true);
  });
});

describe('builder errors', () => {
  it('refuses undefined inputs, names defined twice, and outputs of nothing', () => {
    const g = new GraphBuilder('bad');
    g.input('x', 'float32', [1]);
    expect(() => g.op('Relu', ['y'])).toThrow(/Relu: input "y" is not defined before this node/);
    expect(() => g.input('x', 'float32', [1])).toThrow(/value "x" is defined twice/);
    expect(() => g.output('nope', 'float32', [1])).toThrow(OnnxBuildError);
    expect(() => g.build()).toThrow(/has no outputs/);
  });

  it('refuses a non-integer INT attribute, pointing to float()', () => {
    const g = new GraphBuilder('bad');
    const x = g.input('x', 'float32', [1]);
    expect(() => g.op('LeakyRelu', [x], { alpha: 0.1 })).toThrow(/use float\(0\.1\) for FLOAT/);
    expect(() => g.op('Constant', [], { value_ints: [1, 1.5] })).toThrow(/use floats/);
    expect(g.op('Constant', [], { value_floats: floats([1, 1.5]) })).toMatch(/^constant_/);
  });

  it('refuses tensor data that does not fill the shape or has the wrong element size', () => {
    expect(() => makeTensor('float32', [2, 2], [1, 2, 3])).toThrow(/needs 4 elements, data has 3/);
    expect(() => makeTensor('int64', [2], Int32Array.of(1, 2))).toThrow(
      /int64 needs 8-byte elements, got Int32Array/,
    );
    expect(() => makeTensor('float16', [1], [1])).toThrow(/raw bits in a Uint16Array/);
    expect([...makeTensor('int64', [2], [-1, 3]).rawData!]).toEqual([
      255, 255, 255, 255, 255, 255, 255, 255, 3, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('supports opsets 17–21 only, with the matching IR version', () => {
    const g = new GraphBuilder('v');
    g.output(g.input('x', 'float32', [1]), 'float32', [1]);
    expect(g.toModel({ opset: 17 }).irVersion).toBe(8);
    expect(g.toModel({ opset: 19 }).irVersion).toBe(9);
    expect(g.toModel().irVersion).toBe(10);
    expect(() => g.toModel({ opset: 22 })).toThrow(/opset 22 is not supported/);
  });
});

describe('sessionOptions', () => {
  it('pins threads, sequential execution, full optimisation and no spinning', () => {
    expect(sessionOptions({ threads: 2 })).toMatchObject({
      intraOpNumThreads: 2,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      extra: { session: { intra_op: { allow_spinning: '0' } } },
    });
    expect(() => sessionOptions({ threads: 0 })).toThrow(/positive integer/);
  });
});
