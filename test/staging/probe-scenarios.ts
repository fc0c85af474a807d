/**
 * Probes run in-process against a scripted onnxruntime and in-memory stored vectors, so
 * every path of runProbe (each failure, each finding) can be reached in milliseconds and
 * every resource it opens can be counted: which stored-vector sources were closed, which
 * sessions released.
 *
 * The "model" embeds a row of token ids t as [Σt, len(t), t₀ + 1, 1]; the stored vectors
 * are that embedding unless a scenario tampers with them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSourceText } from '../../src/config/document.js';
import type { Finding } from '../../src/config/findings.js';
import type { Manifest, ProbeDeclaration } from '../../src/config/manifest.js';
import type { OrtModule } from '../../src/onnx/session.js';
import { openLocalSource } from '../../src/sources/local.js';
import type { StagingContext } from '../../src/staging/context.js';
import type { ProbeResult } from '../../src/staging/types.js';
import { float32ToFloat16Bits } from '../../src/vectors/float16.js';
import {
  VectorFileError,
  type VectorBatch,
  type VectorDType,
  type VectorSource,
} from '../../src/vectors/types.js';
import { linearModel } from '../fixtures/staging/models.js';
import { tokenProbeArrow } from '../fixtures/staging/scenario.js';

/** Width of every embedding here. */
export const DIMS = 4;

/** One tensor signature of the scripted model. */
export interface Signature {
  readonly name: string;
  readonly type: string;
  readonly shape: readonly number[];
}

/** A probe to run: its files, its declaration and how the runtime and stored vectors behave. */
export interface Scenario {
  /** Probe-set ids and token rows. */
  readonly ids: readonly string[];
  readonly tokens: readonly number[][];
  /** The `probe:` block's body, YAML, indented two spaces (model and set are added). */
  readonly probe?: string;
  /** Under `encoders.<modality>.probe` instead of the manifest's own `probe`. */
  readonly modality?: string;
  readonly writeModel?: boolean;
  readonly inputs?: readonly Signature[];
  readonly outputs?: readonly Signature[];
  /** Stored rows by id (default: every probe id, embedded as the model does). */
  readonly stored?: readonly { id: string; vector: readonly number[] }[];
  readonly storedDtype?: VectorDType;
  /** False when the stored vectors carry no ids (row numbers stand in). */
  readonly storedIds?: boolean;
  /** Rows per stored batch. */
  readonly storedBatch?: number;
  /** What opening the stored vectors throws. */
  readonly openThrows?: Error;
  /** What streaming throws after the first batch. */
  readonly streamThrows?: Error;
  /** What closing the stored vectors throws. */
  readonly closeThrows?: Error;
  /** What the session's run throws. */
  readonly runThrows?: Error;
  /** Rewrites the model's output before it is returned. */
  readonly output?: (out: { dims: number[]; data: Float32Array | Uint16Array }) => {
    dims: number[];
    data: Float32Array | Uint16Array;
  };
}

/** What a run left behind. */
export interface Outcome {
  readonly result?: ProbeResult;
  readonly findings?: Finding[];
  /** What runProbe threw, if it threw. */
  readonly thrown?: unknown;
  readonly opened: number;
  readonly closed: number;
  readonly sessions: number;
  readonly released: number;
  /** Row counts of each session run, in order. */
  readonly runs: number[];
}

/** The scripted model's embedding of one token row. */
export function embed(tokens: readonly number[]): number[] {
  return [tokens.reduce((a, b) => a + b, 0), tokens.length, (tokens[0] ?? 0) + 1, 1];
}

const TOKEN_INPUT: Signature = { name: 'input_ids', type: 'int64', shape: [-1, -1] };
const EMBEDDING: Signature = { name: 'embedding', type: 'float32', shape: [-1, DIMS] };

class FakeTensor {
  constructor(
    readonly type: string,
    readonly data: ArrayLike<number | bigint>,
    readonly dims: readonly number[],
  ) {}
  dispose(): void {}
}

/** Runs runProbe (imported lazily by the caller) on a fresh workspace for `s`. */
export async function runScenario(
  s: Scenario,
  runProbe: typeof import('../../src/staging/probe.js').runProbe,
): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'eg-probe-'));
  if (s.writeModel !== false) writeFileSync(join(dir, 'model.onnx'), linearModel(2, 2, 1));
  writeFileSync(join(dir, 'probe.arrow'), tokenProbeArrow(s.ids, s.tokens));
  const body = `  model: model.onnx\n  set: probe.arrow\n${s.probe ?? ''}`;
  const text = s.modality
    ? `name: n\nencoders:\n  ${s.modality}:\n    probe:\n${body.replace(/^/gm, '    ')}`
    : `name: n\nprobe:\n${body}`;
  const doc = parseSourceText('manifest.yaml', text, join(dir, 'manifest.yaml'));
  const data = doc.data as {
    probe?: ProbeDeclaration;
    encoders?: Record<string, { probe: ProbeDeclaration }>;
  };
  const decl = s.modality ? data.encoders![s.modality]!.probe : data.probe!;
  const field = s.modality ? ['encoders', s.modality, 'probe'] : ['probe'];

  const counts = { opened: 0, closed: 0, sessions: 0, released: 0, runs: [] as number[] };
  const inputs = s.inputs ?? [TOKEN_INPUT];
  const outputs = s.outputs ?? [EMBEDDING];
  const ort = {
    Tensor: FakeTensor,
    InferenceSession: {
      create: async () => {
        counts.sessions++;
        const meta = (sigs: readonly Signature[]) =>
          sigs.map((g) => ({ name: g.name, isTensor: true, type: g.type, shape: [...g.shape] }));
        return {
          inputNames: inputs.map((i) => i.name),
          outputNames: outputs.map((o) => o.name),
          inputMetadata: meta(inputs),
          outputMetadata: meta(outputs),
          run: async (feeds: Record<string, FakeTensor>, fetches: string[]) => {
            const feed = feeds[inputs[0]!.name]!;
            const [rows, width] = [feed.dims[0]!, feed.dims.slice(1).reduce((a, b) => a * b, 1)];
            counts.runs.push(rows);
            if (s.runThrows) throw s.runThrows;
            const out = new Float32Array(rows * DIMS);
            for (let r = 0; r < rows; r++) {
              const row = Array.from({ length: width }, (_, j) => Number(feed.data[r * width + j]));
              out.set(embed(row), r * DIMS);
            }
            const type = outputs.find((o) => o.name === fetches[0])?.type;
            const data = type === 'float16' ? Uint16Array.from(out, float32ToFloat16Bits) : out;
            const result = s.output
              ? s.output({ dims: [rows, DIMS], data })
              : { dims: [rows, DIMS], data };
            return { [fetches[0]!]: result };
          },
          release: async () => {
            counts.released++;
          },
        };
      },
    },
  } as unknown as OrtModule;

  const storedRows = s.stored ?? s.ids.map((id, r) => ({ id, vector: embed(s.tokens[r]!) }));
  const dtype = s.storedDtype ?? 'float32';
  const openVectors = async (path: string): Promise<VectorSource> => {
    if (s.openThrows) throw s.openThrows;
    counts.opened++;
    const per = s.storedBatch ?? 4;
    return {
      info: { path, format: 'arrow', dtype, dims: DIMS, hasIds: s.storedIds !== false },
      async *batches(): AsyncIterable<VectorBatch> {
        for (let at = 0; at < storedRows.length; at += per) {
          if (at > 0 && s.streamThrows) throw s.streamThrows;
          const slice = storedRows.slice(at, at + per);
          yield {
            rowOffset: at,
            rows: slice.length,
            dims: DIMS,
            dtype,
            values: Float32Array.from(slice.flatMap((x) => x.vector)),
            ...(s.storedIds !== false && { ids: slice.map((x) => x.id) }),
          };
        }
      },
      close: async () => {
        counts.closed++;
        if (s.closeThrows) throw s.closeThrows;
      },
    };
  };

  const ctx: StagingContext = {
    workspace: dir,
    cwd: dir,
    ort,
    openVectors,
    openSource: openLocalSource,
    limits: { maxModelBytes: 1 << 20, maxDataBytes: 1 << 20 },
    seed: 1,
    candidate: {
      manifest: {} as Manifest,
      vectors: {
        path: join(dir, 'vectors.arrow'),
        displayPath: 'vectors.arrow',
        open: { format: 'arrow' },
        info: { dims: DIMS, dtype },
      },
    },
  };
  const loaded = { doc, findings: [] };
  try {
    const { result, findings } = await runProbe(ctx, loaded, decl, s.modality ?? 'model', field);
    return { result, findings, ...counts };
  } catch (thrown) {
    return { thrown, ...counts };
  }
}

/** Four probe rows of two lengths, every one stored as the model embeds it. */
const BASE = {
  ids: ['a', 'b', 'c', 'd'],
  tokens: [[1, 2, 3], [4, 5], [6, 7, 8], [9]],
} as const satisfies Pick<Scenario, 'ids' | 'tokens'>;

const stored = (rows: Record<string, readonly number[]>) =>
  Object.entries(rows).map(([id, vector]) => ({ id, vector }));

/** Every scenario the tests run, by name. */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  pass: { ...BASE },
  'tampered and missing': {
    ...BASE,
    stored: stored({ d: embed([9]), b: [1, 0, 0, 0], z: [1, 1, 1, 1], a: embed([1, 2, 3]) }),
  },
  'nothing stored': { ...BASE, stored: stored({ x: [1, 2, 3, 4] }) },
  'stored vectors unreadable': {
    ...BASE,
    openThrows: new VectorFileError('vectors.arrow', 'not an Arrow file', { byte: 0 }),
  },
  'declared stored vectors unreadable': {
    ...BASE,
    probe: '  vectors: { path: other.arrow }\n',
    openThrows: new VectorFileError('other.arrow', 'truncated', { byte: 12 }),
  },
  'packed bits': { ...BASE, storedDtype: 'binary' },
  'no model file': { ...BASE, writeModel: false, probe: '  tolerance: 0.5\n' },
  'plan problems': {
    ...BASE,
    probe: '  columns: { nope: x }\n  output: missing\n',
    modality: 'text',
  },
  'missing column': { ...BASE, probe: '  columns: { input_ids: tokens }\n' },
  'duplicate ids': { ids: ['a', 'b', 'a'], tokens: [[1], [2], [3]] },
  'stream breaks': {
    ...BASE,
    storedBatch: 2,
    streamThrows: new VectorFileError('vectors.arrow', 'bad batch', { row: 2 }),
  },
  'misfit row stored': {
    ...BASE,
    inputs: [{ name: 'input_ids', type: 'int64', shape: [-1, 3] }],
  },
  'misfit rows not stored': {
    ...BASE,
    inputs: [{ name: 'input_ids', type: 'int64', shape: [-1, 3] }],
    stored: stored({ a: embed([1, 2, 3]), c: [6, 3, 7, 1] }),
  },
  'run fails': { ...BASE, runThrows: new Error('kernel exploded\nat line 2') },
  'wrong output shape': { ...BASE, output: ({ data }) => ({ dims: [1, DIMS], data }) },
  'non-finite': {
    ...BASE,
    output: ({ dims, data }) => {
      (data as Float32Array)[0] = NaN;
      return { dims, data };
    },
  },
  'fixed batch, float16, encoder': {
    ids: ['p', 'q', 'r', 's', 't', 'u'],
    tokens: [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 6],
    ],
    inputs: [{ name: 'input_ids', type: 'int64', shape: [4, 2] }],
    outputs: [{ name: 'embedding', type: 'float16', shape: [4, DIMS] }],
    probe: '  batch_size: 2\n',
    modality: 'image',
    stored: stored({ u: embed([6, 6]), p: [2, 2, 2.001, 1], r: embed([3, 3]), q: embed([2, 2]) }),
  },
  'groups by length, small batches': {
    ids: ['g1', 'g2', 'g3', 'g4', 'g5'],
    tokens: [[1], [2, 3], [4], [5, 6], [7]],
    probe: '  batch_size: 2\n  tolerance: 0.001\n',
    stored: stored({
      g1: embed([1]),
      g2: embed([2, 3]),
      g3: [5, 1, 5, 1.2],
      g4: embed([5, 6]),
      g5: embed([7]),
    }),
  },
  'row numbers as ids': {
    ids: ['2', '0', '7'],
    tokens: [[3], [1], [4]],
    storedIds: false,
    stored: stored({ x: embed([1]), y: [0, 0, 0, 0], z: embed([3]) }),
  },
  'set is not parquet': { ...BASE, probe: '  format: parquet\n' },
  'closing fails': { ...BASE, closeThrows: new Error('close failed') },
  'unexpected open error': { ...BASE, openThrows: new TypeError('bug in a reader') },
  'unexpected stream error': { ...BASE, storedBatch: 2, streamThrows: new RangeError('bug') },
};
