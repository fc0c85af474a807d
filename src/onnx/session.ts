/**
 * A thin wrapper that creates onnxruntime sessions with pinned options, so every run
 * of the same model on the same machine takes the same kernels and thread layout.
 *
 * onnxruntime enters through a parameter ({@link OrtModule}); the default loads
 * onnxruntime-node lazily, so modules that only build models never load the native addon.
 */
import { availableParallelism } from 'node:os';
import type * as Ort from 'onnxruntime-node';

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

let ortPromise: Promise<OrtModule> | undefined;

/** Loads onnxruntime-node once. */
export function loadOrt(): Promise<OrtModule> {
  ortPromise ??= import('onnxruntime-node').then((m) => {
    const mod = (m as { default?: OrtModule }).default ?? (m as unknown as OrtModule);
    return { InferenceSession: mod.InferenceSession, Tensor: mod.Tensor };
  });
  return ortPromise;
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
