/**
 * Throughput of staging validation, end to end through the gate's staging step:
 *
 * - consumer model: `--rows` × `--dims` float32 vectors (default 100,000 × 768, `.npy` with
 *   an ids file) through a `--dims` → 10 linear model, every id labeled; also the bare
 *   onnxruntime runs on in-memory batches, and onnxruntime's Python API on the same model
 *   as a peer (EMBEDDING_GATE_PYTHON with onnxruntime and numpy);
 * - probe: `--probe-rows` (default 5,000) rows of 32 token ids re-embedded by a text encoder
 *   (vocabulary 30,522, width 384: Gather → ReduceMean → LpNormalization) and compared
 *   with the stored vectors.
 *
 *   npx tsx bench/staging.ts [--rows 100000] [--dims 768] [--probe-rows 5000]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContract } from '../src/config/contract.js';
import { createSession, loadOrt } from '../src/onnx/session.js';
import { loadManifest, type LoadedManifest } from '../src/config/manifest.js';
import { stagingStep, stagingVersion } from '../src/staging/step.js';
import { declaredVectors } from '../src/config/paths.js';
import { arrowFloat32, npyFloat32 } from '../src/vectors/write.js';
import {
  linearModel,
  table,
  textEncode,
  textEncoderModel,
} from '../test/fixtures/staging/models.js';
import { tokenProbeArrow } from '../test/fixtures/staging/scenario.js';
import { rng } from '../test/release/synthetic.js';
import { findPython, fmt, runPythonPeer } from './lib.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const rows = arg('rows', 100_000);
const dims = arg('dims', 768);
const probeRows = arg('probe-rows', 5000);
const CLASSES = 10;
const VOCAB = 30522;
const WIDTH = 384;
const TOKENS = 32;
const SHA = 'a'.repeat(64);
const seconds = (t0: number) => (performance.now() - t0) / 1000;

const dir = mkdtempSync(join(tmpdir(), 'eg-bench-staging-'));
const write = (file: string, content: string | Uint8Array) => {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), content);
};

function manifestText(vectors: string, d: number, extra = ''): string {
  return `name: bench\nversion: 1.0.0\ntag: t\nmodel: { name: m, revision: r }\nvectors: ${vectors}\ndims: ${d}\ndtype: float32\nnormalization: none\nmetric: dot\ncreated: 2024-01-01\ninputs: { dataset: d, sha256: ${SHA} }\n${extra}`;
}

try {
  console.log(
    `machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  let t0 = performance.now();
  const values = table(rows, dims, 1);
  const ids = Array.from({ length: rows }, (_, i) => `doc-${i}`);
  write('consumer/vectors.npy', npyFloat32(values, rows, dims));
  write('consumer/ids.txt', ids.join('\n') + '\n');
  const next = rng(2);
  write(
    'consumer/labels.csv',
    `id,label\n${ids.map((id) => `${id},${Math.floor(next() * CLASSES)}`).join('\n')}\n`,
  );
  const model = linearModel(dims, CLASSES, 3);
  write('consumer/linear.onnx', model);
  write(
    'consumer/contract.yaml',
    `consumer: bench\nowner: o\nembedding: bench\naccepts: "*"\nrequires: { dims: ${dims} }\nstaging: { model: linear.onnx, labels: labels.csv, task: classification, metric: accuracy, min: 0 }\n`,
  );
  console.log(
    `data: ${rows.toLocaleString('en-US')} × ${dims} float32 (${((rows * dims * 4) / 2 ** 20).toFixed(0)} MB) written in ${fmt(seconds(t0))} s`,
  );

  const versionOf = (loaded: LoadedManifest) =>
    stagingVersion(loaded, declaredVectors(loaded, loaded.manifest!, { workspace: dir, cwd: dir }));
  const contract = await loadContract('consumer/contract.yaml', dir);
  write('consumer/manifest.yaml', manifestText('{ path: vectors.npy, ids: ids.txt }', dims));
  const candidate = await loadManifest('consumer/manifest.yaml', dir);
  for (const paired of [false, true]) {
    t0 = performance.now();
    const consumer = await stagingStep({
      workspace: dir,
      cwd: dir,
      seed: 1,
      candidate: versionOf(candidate),
      ...(paired && { baseline: versionOf(candidate) }),
      contracts: [contract],
    });
    const total = seconds(t0);
    const result = consumer!.report.consumers[0]!;
    if (result.outcome === 'error')
      throw new Error(consumer!.findings.map((f) => f.message).join('\n'));
    const vectors = paired ? 2 * rows : rows;
    console.log(
      `consumer model ${dims} → ${CLASSES}, end to end, ${paired ? 'baseline and candidate (paired bootstrap and sign-flip test)' : 'candidate only (floor)'}: ` +
        `${fmt(total)} s, ${Math.round(vectors / total).toLocaleString('en-US')} vectors/s ` +
        `(labels, read, run, metric; ${result.examples} examples${result.iterations ? `, ${result.iterations} resamples` : ''})`,
    );
  }

  // onnxruntime alone, on batches already in memory: the ceiling the step can reach.
  const ort = await loadOrt();
  const session = await createSession(model, {}, ort);
  const batch = 1024;
  t0 = performance.now();
  for (let start = 0; start < rows; start += batch) {
    const n = Math.min(batch, rows - start);
    const tensor = new ort.Tensor('float32', values.subarray(start * dims, (start + n) * dims), [
      n,
      dims,
    ]);
    await session.run({ x: tensor });
  }
  const bare = seconds(t0);
  console.log(
    `  onnxruntime-node alone, batches of ${batch}: ${fmt(bare)} s, ${Math.round(rows / bare).toLocaleString('en-US')} vectors/s`,
  );
  await session.release();

  const python = findPython(['onnxruntime', 'numpy']);
  if (python) {
    const peer = runPythonPeer(
      python,
      `import sys, json, time, numpy as np, onnxruntime as ort
rows, dims, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
x = np.load(path)
s = ort.InferenceSession(path.replace('vectors.npy', 'linear.onnx'), providers=['CPUExecutionProvider'])
t = time.perf_counter()
for i in range(0, rows, 1024): s.run(None, {'x': x[i:i + 1024]})
print(json.dumps({'seconds': time.perf_counter() - t}))`,
      [String(rows), String(dims), join(dir, 'consumer/vectors.npy')],
    );
    const s = peer.result.seconds as number;
    console.log(
      `  peer: onnxruntime (Python) alone, batches of 1024: ${fmt(s)} s, ${Math.round(rows / s).toLocaleString('en-US')} vectors/s`,
    );
  } else {
    console.log(
      '  peer: skipped (no Python with onnxruntime and numpy; set EMBEDDING_GATE_PYTHON)',
    );
  }

  t0 = performance.now();
  const embeddings = table(VOCAB, WIDTH, 4);
  const tok = rng(5);
  const tokens = Array.from({ length: probeRows }, () =>
    Array.from({ length: TOKENS }, () => Math.floor(tok() * VOCAB)),
  );
  const probeIds = tokens.map((_, i) => `p-${i}`);
  const stored = new Float32Array(probeRows * WIDTH);
  tokens.forEach((t, i) => stored.set(textEncode(embeddings, WIDTH, t), i * WIDTH));
  write('probe/vectors.arrow', arrowFloat32(probeIds, stored, WIDTH));
  write('probe/encoder.onnx', textEncoderModel(embeddings, VOCAB, WIDTH));
  write('probe/probe.arrow', tokenProbeArrow(probeIds, tokens));
  console.log(
    `probe data: ${probeRows.toLocaleString('en-US')} rows × ${TOKENS} tokens, encoder ${VOCAB} × ${WIDTH} written in ${fmt(seconds(t0))} s`,
  );
  write(
    'probe/manifest.yaml',
    manifestText(
      '{ path: vectors.arrow }',
      WIDTH,
      'probe: { model: encoder.onnx, set: probe.arrow }\n',
    ),
  );
  const probed = await loadManifest('probe/manifest.yaml', dir);
  t0 = performance.now();
  const probe = await stagingStep({
    workspace: dir,
    cwd: dir,
    seed: 1,
    candidate: versionOf(probed),
    contracts: [],
  });
  const probeSeconds = seconds(t0);
  const p = probe!.report.probes[0]!;
  if (p.outcome !== 'pass') throw new Error(probe!.findings.map((f) => f.message).join('\n'));
  console.log(
    `probe re-embedding, end to end (load model, read probe set and stored vectors, run, compare): ${fmt(probeSeconds)} s, ` +
      `${Math.round(probeRows / probeSeconds).toLocaleString('en-US')} rows/s (max 1 − cos ${p.maxDeviation!.toExponential(1)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
