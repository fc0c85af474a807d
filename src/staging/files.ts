/**
 * The files staging reads (ONNX models, labels files, probe sets): resolved inside the
 * workspace, never fetched from a URL, opened once as byte sources, size-capped, and loaded
 * into onnxruntime from bytes already checked, so every failure becomes one message naming
 * the file and the cause.
 */
import { createHash } from 'node:crypto';
import { byteSize } from '../config/numbers.js';
import { inspectModel, OnnxFormatError } from '../onnx/inspect.js';
import { createSession, type OrtModule, type OrtSession } from '../onnx/session.js';
import { NOT_REGULAR, openLocalSource } from '../sources/local.js';
import { type ByteSource, SourceError, type SourceOpener } from '../sources/types.js';
import type { TensorSignature } from './types.js';

/** A staging file that cannot be used; the message names the file and says why. */
export class StagingFileError extends Error {
  override readonly name = 'StagingFileError';
}

function ioCause(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return err instanceof SourceError ? err.detail : (err as Error).message;
}

/**
 * Opens `path` through `openSource` and checks that it is a regular file no larger than
 * `maxBytes` (checked on the opened source, so a file swapped after the check cannot slip
 * a larger one through). The caller closes the source.
 */
export async function openCapped(
  path: string,
  display: string,
  maxBytes: number,
  what: string,
  openSource: SourceOpener = openLocalSource,
): Promise<ByteSource> {
  let source: ByteSource;
  try {
    source = await openSource({ path, display });
  } catch (err) {
    if (err instanceof SourceError && err.code === NOT_REGULAR)
      throw new StagingFileError(`${what} ${display}: not a regular file`);
    throw new StagingFileError(`${what} ${display}: cannot read: ${ioCause(err)}`);
  }
  const { size } = source;
  if (size > maxBytes) {
    await source.close();
    throw new StagingFileError(
      `${what} ${display} is ${byteSize(size)}, above the cap of ${byteSize(maxBytes)}; ` +
        `raise the cap where the gate is run if this size is intended`,
    );
  }
  return source;
}

/** Reads a whole file of at most `maxBytes` (see {@link openCapped}). */
export async function readCapped(
  path: string,
  display: string,
  maxBytes: number,
  what: string,
  openSource: SourceOpener = openLocalSource,
): Promise<Uint8Array> {
  const source = await openCapped(path, display, maxBytes, what, openSource);
  try {
    const bytes = new Uint8Array(source.size);
    let read = 0;
    while (read < bytes.length) {
      const n = await source.read(bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read !== bytes.length)
      throw new StagingFileError(`${what} ${display}: shrank while being read`);
    return bytes;
  } catch (err) {
    if (err instanceof StagingFileError) throw err;
    throw new StagingFileError(`${what} ${display}: cannot read: ${ioCause(err)}`);
  } finally {
    await source.close();
  }
}

/** A model loaded into onnxruntime, with what it declares. */
export interface LoadedModel {
  readonly session: OrtSession;
  readonly sha256: string;
  readonly bytes: number;
  readonly inputs: readonly TensorSignature[];
  readonly outputs: readonly TensorSignature[];
}

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  readonly maxBytes: number;
  readonly ort: OrtModule;
  readonly threads?: number;
  /** The sha256 the contract or manifest records; a different file is refused. */
  readonly sha256?: string;
  /** What the model is, for messages ("consumer model", "embedding model"). */
  readonly what: string;
  /** How the file is opened: a local file unless a test or another source says otherwise. */
  readonly openSource?: SourceOpener;
}

/**
 * Reads, checks and loads an ONNX model. Throws {@link StagingFileError} when the file is
 * missing, too large, not the recorded sha256, not a well-formed model, keeps tensors in
 * external files, or onnxruntime refuses it — with onnxruntime's own reason.
 */
export async function loadModel(
  path: string,
  display: string,
  options: LoadModelOptions,
): Promise<LoadedModel> {
  const { what } = options;
  const bytes = await readCapped(path, display, options.maxBytes, what, options.openSource);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (options.sha256 && options.sha256 !== sha256) {
    throw new StagingFileError(
      `${what} ${display} hashes to sha256 ${sha256}, the declaration records ${options.sha256}; the file changed since it was recorded`,
    );
  }
  let external: readonly string[];
  try {
    const inspected = inspectModel(bytes);
    if (!inspected.hasGraph)
      throw new OnnxFormatError('no graph (ModelProto.graph is missing): not an ONNX model');
    external = inspected.externalTensors;
  } catch (err) {
    if (!(err instanceof OnnxFormatError)) throw err;
    throw new StagingFileError(
      `${what} ${display} is not a readable ONNX model (${bytes.length} bytes): ${err.message}`,
    );
  }
  if (external.length > 0) {
    throw new StagingFileError(
      `${what} ${display} keeps ${external.length} tensor(s) in external data files (e.g. ${JSON.stringify(external[0])}); ` +
        `expected one self-contained .onnx file (the gate does not follow paths a model names)`,
    );
  }
  let session: OrtSession;
  try {
    session = await createSession(bytes, { threads: options.threads }, options.ort);
  } catch (err) {
    const cause = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();
    throw new StagingFileError(`onnxruntime cannot load ${what} ${display}: ${cause}`);
  }
  return {
    session,
    sha256,
    bytes: bytes.length,
    inputs: signatures(session.inputNames, session.inputMetadata),
    outputs: signatures(session.outputNames, session.outputMetadata),
  };
}

function signatures(
  names: readonly string[],
  metadata: OrtSession['inputMetadata'] | undefined,
): TensorSignature[] {
  return names.map((name, i) => {
    const meta = metadata?.[i];
    if (!meta || meta.name !== name) return { name, type: 'unknown', shape: [] };
    if (!meta.isTensor) return { name, type: 'non-tensor', shape: [] };
    return { name, type: meta.type, shape: [...meta.shape] };
  });
}

/** `[n, 768]`-style rendering of a signature's shape. */
export function shapeText(signature: TensorSignature): string {
  return `[${signature.shape.map((d) => (d === -1 ? '?' : String(d))).join(', ')}]`;
}
