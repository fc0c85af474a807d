/**
 * onnxruntime's native CPU runtime from a folder of its platform binaries
 * (`onnxruntime_binding.node` beside `libonnxruntime.*`), wherever that folder came from: an
 * offline directory, an installed onnxruntime-node, or the tool cache.
 *
 * onnxruntime-node's own JavaScript loads its addon from a path fixed relative to itself, so it
 * cannot be pointed at a cache; this module does what its thin `backend.js` does (about 100
 * lines: create the native session, convert metadata, run on the next tick) on top of
 * onnxruntime-common, the API the addon was built against. The addon and onnxruntime-common are
 * both pinned to the same release (runtime-pin.ts, package.json).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import * as common from 'onnxruntime-common';
import type {
  Backend,
  InferenceSession,
  InferenceSessionHandler,
  OnnxValue,
} from 'onnxruntime-common';

/** The parts of onnxruntime the project uses. */
export type OrtApi = Pick<typeof common, 'InferenceSession' | 'Tensor'>;

/** The addon's file name in every platform folder. */
export const BINDING_FILE = 'onnxruntime_binding.node';

interface RawMetadata {
  readonly name: string;
  readonly isTensor: boolean;
  readonly type: number;
  readonly shape: readonly number[];
  readonly symbolicDimensions: readonly string[];
}
interface NativeSession {
  loadModel(path: string, options: object): void;
  loadModel(buffer: ArrayBufferLike, offset: number, length: number, options: object): void;
  readonly inputMetadata: readonly RawMetadata[];
  readonly outputMetadata: readonly RawMetadata[];
  run(feeds: object, fetches: object, options?: object): Record<string, OnnxValue>;
  dispose(): void;
  endProfiling(): void;
}
interface Binding {
  InferenceSession: new () => NativeSession;
  initOrtOnce(logLevel: number, tensor: typeof common.Tensor, mainThread: boolean): void;
}

// The addon's element-type codes (ONNX TensorProto.DataType), as onnxruntime-node maps them.
const TYPES: readonly (string | undefined)[] = [
  undefined,
  'float32',
  'uint8',
  'int8',
  'uint16',
  'int16',
  'int32',
  'int64',
  'string',
  'bool',
  'float16',
  'float64',
  'uint32',
  'uint64',
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  'uint4',
  'int4',
];

function convert(raw: readonly RawMetadata[]): [string[], InferenceSession.ValueMetadata[]] {
  const names: string[] = [];
  const metadata: InferenceSession.ValueMetadata[] = [];
  for (const m of raw) {
    names.push(m.name);
    if (!m.isTensor) {
      metadata.push({ name: m.name, isTensor: false });
      continue;
    }
    const type = TYPES[m.type];
    if (type === undefined) throw new Error(`unsupported element type ${m.type} for ${m.name}`);
    const shape = m.shape.map((d, i) => (d === -1 ? (m.symbolicDimensions[i] as string) : d));
    metadata.push({ name: m.name, isTensor: true, type, shape } as InferenceSession.ValueMetadata);
  }
  return [names, metadata];
}

class NativeHandler implements InferenceSessionHandler {
  readonly inputNames: string[];
  readonly outputNames: string[];
  readonly inputMetadata: InferenceSession.ValueMetadata[];
  readonly outputMetadata: InferenceSession.ValueMetadata[];
  readonly #session: NativeSession;

  constructor(binding: Binding, model: string | Uint8Array, options: object) {
    this.#session = new binding.InferenceSession();
    if (typeof model === 'string') this.#session.loadModel(model, options);
    else this.#session.loadModel(model.buffer, model.byteOffset, model.byteLength, options);
    [this.inputNames, this.inputMetadata] = convert(this.#session.inputMetadata);
    [this.outputNames, this.outputMetadata] = convert(this.#session.outputMetadata);
  }
  async dispose(): Promise<void> {
    this.#session.dispose();
  }
  startProfiling(): void {}
  endProfiling(): void {
    this.#session.endProfiling();
  }
  // setImmediate as onnxruntime-node does: a run never completes in the caller's tick.
  run(
    feeds: RunArgs[0],
    fetches: RunArgs[1],
    options: RunArgs[2],
  ): ReturnType<InferenceSessionHandler['run']> {
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(this.#session.run(feeds, fetches, options));
        } catch (e) {
          reject(e as Error);
        }
      }),
    );
  }
}

type RunArgs = Parameters<InferenceSessionHandler['run']>;

let registered: string | undefined;

/**
 * Loads the addon in `dir` and registers it as onnxruntime's `cpu` backend. Throws Node's own
 * error when the addon cannot be loaded (wrong platform, missing shared library); the caller
 * turns that into a message. One process holds one native runtime: a second, different folder
 * is refused.
 */
export function loadNativeRuntime(dir: string): OrtApi {
  const file = join(dir, BINDING_FILE);
  if (registered !== undefined && registered !== file) {
    throw new Error(`onnxruntime is already loaded from ${registered}`);
  }
  if (registered === undefined) {
    const binding = createRequire(import.meta.url)(file) as Binding;
    // 3 = errors only: native warnings would go straight to stderr.
    binding.initOrtOnce(3, common.Tensor, isMainThread);
    const backend: Backend = {
      init: async () => {},
      createInferenceSessionHandler: async (model, options) =>
        new NativeHandler(binding, model as string | Uint8Array, options ?? {}),
    };
    common.registerBackend('cpu', backend, 100);
    registered = file;
  }
  return { InferenceSession: common.InferenceSession, Tensor: common.Tensor };
}
