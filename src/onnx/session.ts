/**
 * A thin wrapper that creates onnxruntime sessions with pinned options, so every run
 * of the same model on the same machine takes the same kernels and thread layout.
 *
 * onnxruntime enters through a parameter ({@link OrtModule}); the default is resolved lazily
 * by {@link loadOrt} (runtime-resolve.ts: offline folder, installed package, tool cache,
 * download, WebAssembly), so modules that only build models never load a runtime.
 */
import { availableParallelism, homedir } from 'node:os';
import type * as Ort from 'onnxruntime-common';
import { resolveRuntime, type ResolvedRuntime } from './runtime-resolve.js';
import { bundleDirOf } from './runtime-wasm.js';

/** The parts of onnxruntime-node the project uses. */
export type OrtModule = Pick<typeof Ort, 'InferenceSession' | 'Tensor'>;
/** An onnxruntime inference session. */
export type OrtSession = Ort.InferenceSession;
/** An onnxruntime tensor. */
export type OrtTensor = Ort.Tensor;

/** Session settings that matter for speed and reproducibility. */
export interface SessionConfig {
  /** Intra-op threads (default: the machine's available parallelism). */
  readonly threads?: number;
  /** Graph optimisation level (default 'all'). */
  readonly optimization?: 'disabled' | 'basic' | 'extended' | 'all';
  /**
   * Whether idle intra-op threads spin waiting for work (default false: spinning burns a
   * core between runs while JavaScript merges results, which slows a shared machine).
   */
  readonly spinning?: boolean;
}

let runtimePromise: Promise<ResolvedRuntime> | undefined;
/** The resolution each loaded module came from, so a run can report which runtime it used. */
const resolutionOf = new WeakMap<object, ResolvedRuntime>();

/** How `ort` was resolved, when {@link loadRuntime} loaded it (undefined for an injected module). */
export function runtimeOf(ort: OrtModule): ResolvedRuntime | undefined {
  return resolutionOf.get(ort);
}

/**
 * Records how a runtime was resolved, so a run that is handed its module (`GateDeps.ort`)
 * reports it as {@link loadRuntime}'s own would be. Returns its module.
 */
export function rememberRuntime(resolved: ResolvedRuntime): OrtModule {
  resolutionOf.set(resolved.ort, resolved);
  return resolved.ort;
}

/**
 * Resolves onnxruntime once per process for this host (see runtime-resolve.ts); a failure
 * rejects with a RuntimeUnavailableError and is not cached, so a later call tries again.
 */
export function loadRuntime(): Promise<ResolvedRuntime> {
  runtimePromise ??= resolveRuntime({
    host: {
      platform: process.platform,
      arch: process.arch,
      env: process.env,
      homedir: homedir(),
      cwd: process.cwd(),
      execPath: process.execPath,
    },
    bundleDir: bundleDirOf(import.meta.url),
    notice: (line) => void process.stderr.write(`${line}\n`),
    threads: availableParallelism(),
  }).then(
    (resolved) => {
      rememberRuntime(resolved);
      return resolved;
    },
    (e: unknown) => {
      runtimePromise = undefined;
      throw e;
    },
  );
  return runtimePromise;
}

/** Loads onnxruntime once: the single entry point of every run. */
export async function loadOrt(): Promise<OrtModule> {
  return (await loadRuntime()).ort;
}

/** The pinned session options for a config. */
export function sessionOptions(config: SessionConfig = {}): Ort.InferenceSession.SessionOptions {
  const threads = config.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1)
    throw new RangeError(`threads must be a positive integer, got ${threads}`);
  return {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: config.optimization ?? 'all',
    enableCpuMemArena: true,
    enableMemPattern: true,
    // Warnings from the native logger would go straight to stderr; errors still throw.
    logSeverityLevel: 3,
    extra: {
      session: {
        intra_op: { allow_spinning: config.spinning ? '1' : '0' },
      },
    },
  };
}

/** Creates a session for model bytes (or an `.onnx` path) with {@link sessionOptions}. */
export async function createSession(
  model: Uint8Array | string,
  config: SessionConfig = {},
  ort?: OrtModule,
): Promise<OrtSession> {
  const rt = ort ?? (await loadOrt());
  const options = sessionOptions(config);
  return typeof model === 'string'
    ? rt.InferenceSession.create(model, options)
    : rt.InferenceSession.create(model, options);
}
