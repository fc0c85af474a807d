/**
 * The files staging reads (ONNX models, labels files, probe sets): resolved inside the
 * workspace, never fetched from a URL, size-capped, and loaded into onnxruntime from bytes
 * already checked, so every failure becomes one message naming the file and the cause.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { ConfigError, type SourceDocument } from '../config/document.js';
import { resolveInWorkspace } from '../config/paths.js';
import { byteSize } from '../config/numbers.js';
import { inspectModel, OnnxFormatError } from '../onnx/inspect.js';
import { createSession, type OrtModule, type OrtSession } from '../onnx/session.js';
import type { TensorSignature } from './types.js';

/** A staging file that cannot be used; the message names the file and says why. */
export class StagingFileError extends Error {
  override readonly name = 'StagingFileError';
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Resolves a path written at `field` of `doc` inside the workspace. A URL is refused
 * (the gate never downloads a model or data set); so is a path that escapes the workspace,
 * by `..` or a symbolic link. Both are configuration errors located at the field.
 */
export function resolveStagingPath(
  doc: SourceDocument,
  field: readonly (string | number)[],
  value: string,
  workspace: string,
): string {
  if (URL_LIKE.test(value)) {
    const location = doc.locate(field);
    throw new ConfigError(
      `${location.file}:${location.line}:${location.column}: ${field.join('.')} "${value}" is a URL; ` +
        `expected a file inside the repository (the gate never downloads models or data)`,
      location,
    );
  }
  return resolveInWorkspace(doc, field, value, workspace);
}

function ioCause(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return (err as Error).message;
}

/** Checks that `path` is a regular file no larger than `maxBytes`; returns its size. */
export async function checkSize(
  path: string,
  display: string,
  maxBytes: number,
  what: string,
): Promise<number> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new StagingFileError(`${what} ${display}: not a regular file`);
    size = info.size;
  } catch (err) {
    if (err instanceof StagingFileError) throw err;
    throw new StagingFileError(`${what} ${display}: cannot read: ${ioCause(err)}`);
  }
  if (size > maxBytes) {
    throw new StagingFileError(
      `${what} ${display} is ${byteSize(size)}, above the cap of ${byteSize(maxBytes)}; ` +
        `raise the cap where the gate is run if this size is intended`,
    );
  }
  return size;
}

/**
 * Reads a whole file of at most `maxBytes`. The size is checked on the open handle, so a
 * file swapped after the check cannot slip a larger one through.
 */
export async function readCapped(
  path: string,
  display: string,
  maxBytes: number,
  what: string,
): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new StagingFileError(`${what} ${display}: cannot read: ${ioCause(err)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new StagingFileError(`${what} ${display}: not a regular file`);
    if (info.size > maxBytes) {
      throw new StagingFileError(
        `${what} ${display} is ${byteSize(info.size)}, above the cap of ${byteSize(maxBytes)}; ` +
          `raise the cap where the gate is run if this size is intended`,
      );
    }
    const bytes = new Uint8Array(info.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    if (read !== bytes.length)
      throw new StagingFileError(`${what} ${display}: shrank while being read`);
    return bytes;
  } catch (err) {
    if (err instanceof StagingFileError) throw err;
    throw new StagingFileError(`${what} ${display}: cannot read: ${ioCause(err)}`);
  } finally {
    await handle.close();
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
  const bytes = await readCapped(path, display, options.maxBytes, what);
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
